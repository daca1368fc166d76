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
  },
  { timestamps: true },
);

export const UserModel = model<User>('User', userSchema);

export function toSessionUser(user: User): SessionUser {
  return {
    username: user.username,
    displayName: user.displayName,
    roles: [...user.roles],
    departments: [...user.departments],
    language: user.language,
  };
}
