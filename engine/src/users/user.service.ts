import type { SessionUser } from '@diwan/contracts';
import { UserModel } from '../auth/user.model.js';

export interface UserName {
  username: string;
  displayName: string;
}

/** Active users who belong to one of the groups (all active users when no group is given). */
export async function activeUsersOf(groups: string[]): Promise<UserName[]> {
  const filter = groups.length ? { active: true, departments: { $in: groups } } : { active: true };
  return (await UserModel.find(filter, { username: 1, displayName: 1 }).sort({ username: 1 }).limit(1000).lean()).map((u) => ({ username: u.username, displayName: u.displayName }));
}

/** Display names by username (unknown names map to themselves). */
export async function displayNames(usernames: string[]): Promise<Map<string, string>> {
  const users = await UserModel.find({ username: { $in: [...new Set(usernames)] } }, { username: 1, displayName: 1 }).lean();
  return new Map(users.map((u) => [u.username, u.displayName]));
}

/** The departments of a user (none for an unknown one). */
export async function departmentsOf(username: string): Promise<string[]> {
  const user = await UserModel.findOne({ username }, { departments: 1 }).lean();
  return user ? [...user.departments] : [];
}

/** An active user's name, departments and roles (null for an unknown or disabled one). */
export async function activeUser(username: string): Promise<Pick<SessionUser, 'username' | 'departments' | 'roles'> | null> {
  const user = await UserModel.findOne({ username: username.toLowerCase(), active: true }, { username: 1, departments: 1, roles: 1 }).lean();
  return user ? { username: user.username, departments: [...user.departments], roles: [...user.roles] } : null;
}

/** The active users who hold a role (the supervisors a deadline escalation goes to, for example). */
export async function activeUsersWithRole(role: SessionUser['roles'][number]): Promise<string[]> {
  return (await UserModel.find({ active: true, roles: role }, { username: 1 }).limit(500).lean()).map((u) => u.username);
}
