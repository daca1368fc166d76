import { SOCKET_EVENTS, type UserTaskDto, type UserTaskSnapshot } from '@diwan/contracts';
import { useCallback, useMemo, useReducer, type ReactNode } from 'react';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { completeUserTask } from './user-tasks.api';
import { UserTasksContext, type UserTasks } from './user-tasks.context';
import { initialUserTasks, userTasksReducer, visibleUserTasks } from './user-tasks.reducer';

/**
 * Follows the user's open tasks over Socket.io for as long as the user is signed in, so the
 * snapshot sent on each (re)connection is never missed by a page mounted later.
 */
export function UserTasksProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(userTasksReducer, initialUserTasks);

  useSocketEvent<UserTaskSnapshot>(SOCKET_EVENTS.userTaskSnapshot, (snapshot) =>
    dispatch({ type: 'userTask.snapshot', userTasks: snapshot.userTasks }),
  );
  const upsert = (userTask: UserTaskDto) => dispatch({ type: 'userTask.upserted', userTask });
  const remove = (userTask: UserTaskDto) => dispatch({ type: 'userTask.removed', id: userTask.id });
  useSocketEvent(SOCKET_EVENTS.userTaskCreated, upsert);
  useSocketEvent(SOCKET_EVENTS.userTaskAssigned, upsert);
  useSocketEvent(SOCKET_EVENTS.userTaskCompleted, remove);
  useSocketEvent(SOCKET_EVENTS.userTaskDeleted, remove);

  const complete = useCallback(async (userTask: UserTaskDto, variables?: Record<string, unknown>) => {
    dispatch({ type: 'completion.started', id: userTask.id });
    try {
      await completeUserTask(userTask.id, variables);
    } catch (error) {
      dispatch({ type: 'completion.failed', id: userTask.id });
      throw error;
    }
    dispatch({ type: 'completion.succeeded', id: userTask.id });
  }, []);

  const upsertTask = useCallback((userTask: UserTaskDto) => dispatch({ type: 'userTask.upserted', userTask }), []);
  const value = useMemo<UserTasks>(
    () => ({ loaded: state.loaded, userTasks: visibleUserTasks(state), complete, upsert: upsertTask }),
    [state, complete, upsertTask],
  );
  return <UserTasksContext value={value}>{children}</UserTasksContext>;
}
