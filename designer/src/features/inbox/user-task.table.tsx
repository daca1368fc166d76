import type { UserTaskDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../shared/directory/use-users';
import { UserTaskRow } from './user-task.row';

interface UserTaskTableProps {
  userTasks: UserTaskDto[];
  me: string;
  selected: ReadonlySet<string>;
  busy: string | null;
  onSelect: (id: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onComplete: (userTask: UserTaskDto) => void;
  onClaim: (userTask: UserTaskDto) => void;
  onUnclaim: (userTask: UserTaskDto) => void;
  onDelegate: (userTask: UserTaskDto) => void;
}

export function UserTaskTable({ userTasks, me, selected, busy, onSelect, onSelectAll, ...actions }: UserTaskTableProps) {
  const { t } = useTranslation();
  const users = useUsers();
  const people = new Map(users.status === 'success' ? users.data.map((user) => [user.username, user.displayName]) : []);
  const personName = (username: string) => people.get(username) ?? username;
  const all = userTasks.length > 0 && userTasks.every((task) => selected.has(task.id));
  return (
    <div className="table-scroll">
      <table className="user-task-table">
        <thead>
          <tr>
            <th scope="col" className="user-task__select">
              <input type="checkbox" checked={all} aria-label={t('inbox.selectAll')} data-testid="user-task-select-all" onChange={(event) => onSelectAll(event.target.checked)} />
            </th>
            <th scope="col">{t('inbox.columns.name')}</th>
            <th scope="col">{t('inbox.columns.mail')}</th>
            <th scope="col">{t('inbox.columns.candidateGroups')}</th>
            <th scope="col">{t('inbox.columns.assignee')}</th>
            <th scope="col">{t('inbox.columns.dueDate')}</th>
            <th scope="col">{t('inbox.columns.createdAt')}</th>
            <th scope="col" className="user-task__priority">
              {t('inbox.columns.priority')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('inbox.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {userTasks.map((userTask) => (
            <UserTaskRow
              key={userTask.id}
              userTask={userTask}
              me={me}
              personName={personName}
              selected={selected.has(userTask.id)}
              busy={busy === userTask.id}
              onSelect={(on) => onSelect(userTask.id, on)}
              {...actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
