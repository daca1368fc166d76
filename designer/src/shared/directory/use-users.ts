import { useApiQuery } from '../api/use-api-query';
import type { DirectoryUserDto } from './directory.types';

/** The users of a department, or everyone the caller may see when no department is given. */
export function useUsers(department?: string) {
  const path = department ? `/api/users?department=${encodeURIComponent(department)}` : '/api/users';
  return useApiQuery<DirectoryUserDto[]>(path);
}
