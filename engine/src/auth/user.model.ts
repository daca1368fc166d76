import { Schema, model } from 'mongoose';
import { ROLES, type Role, type SessionUser } from '@diwan/contracts';

export interface User {
  username: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  departments: string[];
  language: 'ar' | 'fr' | 'en';
  active: boolean;
  /** Its tokens given back at logout, refused until they would have expired anyway (pruned at its next logout). */
  revokedSessions?: RevokedSession[];
}

export interface RevokedSession {
  jti: string;
  expiresAt: Date;
}

const userSchema = new Schema<User>(
  {
    username: { type: String, required: true, unique: true, lowercase: true, trim: true },
    displayName: { type: String, required: true },
    passwordHash: { type: String, required: true },
    roles: { type: [String], enum: ROLES, default: [] },
    departments: { type: [String], default: [] },
    language: { type: String, enum: ['ar', 'fr', 'en'], default: 'fr' },
    active: { type: Boolean, default: true },
    revokedSessions: { type: [{ _id: false, jti: { type: String, required: true }, expiresAt: { type: Date, required: true } }], default: [] },
  },
  { timestamps: true },
);

export const UserModel = model<User>('User', userSchema);

export function toSessionUser(user: Pick<User, 'username' | 'displayName' | 'roles' | 'departments' | 'language'>): SessionUser {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    departments: [...user.departments],
    language: user.language,
  };
}
