import type { UserTaskDto } from '@diwan/contracts';

/**
 * The open user tasks this user may see, as the engine pushes them. Tasks being completed are
 * hidden (optimistic removal) until the engine answers; a failure shows them again.
 */
export interface UserTasksState {
  loaded: boolean;
  byId: Readonly<Record<string, UserTaskDto>>;
  completing: ReadonlySet<string>;
}

export type UserTasksAction =
  | { type: 'userTask.snapshot'; userTasks: UserTaskDto[] }
  | { type: 'userTask.upserted'; userTask: UserTaskDto }
  | { type: 'userTask.removed'; id: string }
  | { type: 'completion.started'; id: string }
  | { type: 'completion.failed'; id: string }
  | { type: 'completion.succeeded'; id: string };

export const initialUserTasks: UserTasksState = { loaded: false, byId: {}, completing: new Set() };

export function userTasksReducer(state: UserTasksState, action: UserTasksAction): UserTasksState {
  switch (action.type) {
    case 'userTask.snapshot': {
      const byId: Record<string, UserTaskDto> = {};
      for (const userTask of action.userTasks) if (userTask.status === 'open') byId[userTask.id] = userTask;
      return { ...state, loaded: true, byId };
    }
    case 'userTask.upserted':
      if (action.userTask.status !== 'open') return withoutTask(state, action.userTask.id);
      return { ...state, byId: { ...state.byId, [action.userTask.id]: action.userTask } };
    case 'userTask.removed':
      return withoutTask(state, action.id);
    case 'completion.started':
      return { ...state, completing: with_(state.completing, action.id) };
    case 'completion.failed':
      return { ...state, completing: without(state.completing, action.id) };
    case 'completion.succeeded':
      return { ...withoutTask(state, action.id), completing: without(state.completing, action.id) };
  }
}

/** Open tasks to show: highest priority first, then the newest. */
export function visibleUserTasks(state: UserTasksState): UserTaskDto[] {
  return Object.values(state.byId)
    .filter((userTask) => !state.completing.has(userTask.id))
    .sort((a, b) => b.priority - a.priority || b.createdAt.localeCompare(a.createdAt));
}

function withoutTask(state: UserTasksState, id: string): UserTasksState {
  if (!(id in state.byId)) return state;
  const { [id]: _removed, ...byId } = state.byId;
  return { ...state, byId };
}

function with_(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return new Set(set).add(id);
}

function without(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
