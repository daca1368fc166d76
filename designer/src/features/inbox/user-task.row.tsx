import type { UserTaskDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDepartments } from '../../shared/directory/use-departments';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguage } from '../../shared/i18n/use-language';
import { mailRoute } from '../../shared/routes/mail.routes';
import { isOverdue, priorityOfTask, stepNameOf } from './inbox.view';
import { OverdueBadge } from './overdue.badge';
import { userTaskRoute } from './user-tasks.api';

interface UserTaskRowProps {
  userTask: UserTaskDto;
  me: string;
  /** A person's display name, by username. */
  personName: (username: string) => string;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onComplete: (userTask: UserTaskDto) => void;
  onClaim: (userTask: UserTaskDto) => void;
  onUnclaim: (userTask: UserTaskDto) => void;
  onDelegate: (userTask: UserTaskDto) => void;
}

export function UserTaskRow({ userTask, me, personName, selected, busy, onSelect, onComplete, onClaim, onUnclaim, onDelegate }: UserTaskRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const { nameOf } = useDepartments();
  const name = stepNameOf(userTask, language) ?? t('inbox.untitled');
  const none = <span className="muted">{t('inbox.none')}</span>;
  const overdue = isOverdue(userTask);
  const mine = userTask.assignee === me;
  const priority = priorityOfTask(userTask.priority);

  return (
    <tr
      data-testid="user-task-row"
      data-task-id={userTask.id}
      data-overdue={overdue || undefined}
      className={overdue ? 'user-task--overdue' : undefined}
      aria-selected={selected}
    >
      <td className="user-task__select">
        <input
          type="checkbox"
          checked={selected}
          data-testid="user-task-select"
          aria-label={t('inbox.selectLabel', { name })}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </td>
      <th scope="row" className="user-task__name">
        <Link to={userTaskRoute(userTask.id)} state={{ userTask }} data-testid="user-task-open">
          <span dir="auto">{name}</span>
        </Link>
        {overdue && <OverdueBadge />}
      </th>
      <td>
        {userTask.businessKey ? (
          <Link to={mailRoute(userTask.businessKey)} data-testid="user-task-mail">
            <bdi className="chrono">{userTask.mail?.chronoNumber ?? userTask.businessKey}</bdi>
            {userTask.mail?.subject && (
              <span className="user-task__subject" dir="auto">
                {userTask.mail.subject}
              </span>
            )}
          </Link>
        ) : (
          none
        )}
      </td>
      <td>
        {userTask.candidateGroups.length === 0
          ? none
          : userTask.candidateGroups.map((group) => (
              <span key={group} className="chip">
                {nameOf(group)}
              </span>
            ))}
      </td>
      <td dir="auto">{userTask.assignee ? personName(userTask.assignee) : <span className="muted">{t('inbox.unassigned')}</span>}</td>
      <td>
        {userTask.dueDate ? (
          <time dateTime={userTask.dueDate} className={overdue ? 'overdue-date' : undefined}>
            {formatDate(userTask.dueDate)}
          </time>
        ) : (
          none
        )}
      </td>
      <td>
        <time dateTime={userTask.createdAt}>{formatDate(userTask.createdAt)}</time>
      </td>
      <td className="user-task__priority">
        <span className={`priority${priority === 'high' || priority === 'urgent' ? ' priority--high' : ''}`} data-priority={priority}>
          {t(`priorities.${priority}`)}
        </span>
      </td>
      <td className="user-task__actions">
        <div className="user-task__buttons">
        {userTask.assignee === null && (
          <button type="button" className="button button--secondary button--small" data-testid="claim-button" disabled={busy} onClick={() => onClaim(userTask)}>
            {t('inbox.claim')}
          </button>
        )}
        {mine && (
          <button type="button" className="button button--ghost button--small" data-testid="unclaim-button" disabled={busy} onClick={() => onUnclaim(userTask)}>
            {t('inbox.unclaim')}
          </button>
        )}
        <button type="button" className="button button--ghost button--small" data-testid="delegate-button" disabled={busy} onClick={() => onDelegate(userTask)}>
          {t('inbox.delegate')}
        </button>
        <button
          type="button"
          className="button button--primary button--small"
          data-testid="complete-button"
          aria-label={t('inbox.completeLabel', { name })}
          disabled={busy}
          onClick={() => onComplete(userTask)}
        >
          {t('inbox.complete')}
        </button>
        </div>
      </td>
    </tr>
  );
}
