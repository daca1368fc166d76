import type { MailPriority, UserTaskDto } from '@diwan/contracts';

/** How the inbox slices, filters and orders the live tasks; pure, so the counts match the lists. */
export type InboxTab = 'mine' | 'groups';
export const INBOX_SORTS = ['dueDate', '-dueDate', 'priority', '-priority', '-createdAt'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export interface InboxFilters {
  tab: InboxTab;
  candidateGroup: string;
  overdueOnly: boolean;
  sort: InboxSort;
}

/**
 * A task's priority as people read it: circuits set the runtime's number from the mail's
 * priority (low 25, normal 50, high 75, urgent 100); a number drawn otherwise falls in between.
 */
export function priorityOfTask(priority: number): MailPriority {
  if (priority >= 100) return 'urgent';
  if (priority >= 75) return 'high';
  if (priority >= 50) return 'normal';
  return 'low';
}

export function isOverdue(userTask: UserTaskDto, now = Date.now()): boolean {
  return userTask.dueDate !== null && Date.parse(userTask.dueDate) < now;
}

export function inTab(userTask: UserTaskDto, tab: InboxTab, me: string): boolean {
  return tab === 'mine' ? userTask.assignee === me : userTask.assignee === null;
}

export function inboxCounts(userTasks: UserTaskDto[], me: string, now = Date.now()) {
  return {
    mine: userTasks.filter((task) => inTab(task, 'mine', me)).length,
    groups: userTasks.filter((task) => inTab(task, 'groups', me)).length,
    overdue: userTasks.filter((task) => (task.assignee === me || task.assignee === null) && isOverdue(task, now)).length,
  };
}

export function inboxView(userTasks: UserTaskDto[], filters: InboxFilters, me: string, now = Date.now()): UserTaskDto[] {
  return userTasks
    .filter((task) => inTab(task, filters.tab, me))
    .filter((task) => !filters.candidateGroup || task.candidateGroups.includes(filters.candidateGroup))
    .filter((task) => !filters.overdueOnly || isOverdue(task, now))
    .sort(comparator(filters.sort));
}

function comparator(sort: InboxSort): (a: UserTaskDto, b: UserTaskDto) => number {
  const sign = sort.startsWith('-') ? -1 : 1;
  const key = sort.replace(/^-/, '') as 'dueDate' | 'priority' | 'createdAt';
  return (a, b) => {
    if (key === 'priority') return sign * (a.priority - b.priority) || b.createdAt.localeCompare(a.createdAt);
    const x = a[key];
    const y = b[key];
    // tasks without a due date go last, whichever the order
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * x.localeCompare(y);
  };
}

export function groupsOf(userTasks: UserTaskDto[]): string[] {
  return [...new Set(userTasks.flatMap((task) => task.candidateGroups))].sort();
}

/** A task's step name in the user's language: the circuit's translation, else its BPMN name. */
export function stepNameOf(task: Pick<UserTaskDto, 'name' | 'names'>, language: 'ar' | 'fr' | 'en'): string | null {
  return task.names?.[language] || task.name;
}
