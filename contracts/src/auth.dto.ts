import { z } from 'zod';

export const ROLES = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'supervisor'] as const;
export type Role = (typeof ROLES)[number];

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface SessionUser {
  username: string;
  displayName: string;
  roles: Role[];
  departments: string[];
  language: 'ar' | 'fr' | 'en';
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** Every API error has this body; the engine maps error classes to it in one place. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
