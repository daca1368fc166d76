import type { UserTaskDto } from '@diwan/contracts';
import { createContext, useContext } from 'react';

export interface UserTasks {
  loaded: boolean;
  userTasks: UserTaskDto[];
  /** Removes the task at once, asks the engine to complete it, and restores it on failure. */
  complete: (userTask: UserTaskDto, variables?: Record<string, unknown>) => Promise<void>;
  /** Puts a task as an action's answer returned it (the socket event may follow later). */
  upsert: (userTask: UserTaskDto) => void;
}

export const UserTasksContext = createContext<UserTasks | null>(null);

export function useUserTasks(): UserTasks {
  const value = useContext(UserTasksContext);
  if (!value) throw new Error('useUserTasks needs a <UserTasksProvider>');
  return value;
}
