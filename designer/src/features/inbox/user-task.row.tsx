import type { UserTaskDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';

interface UserTaskRowProps {
  userTask: UserTaskDto;
  onComplete: (userTask: UserTaskDto) => void;
}

export function UserTaskRow({ userTask, onComplete }: UserTaskRowProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const name = userTask.name ?? t('inbox.untitled');
  const none = <span className="muted">{t('inbox.none')}</span>;

  return (
    <tr data-testid="user-task-row" data-task-id={userTask.id}>
      <th scope="row" className="user-task__name">
        <span dir="auto">{name}</span>
      </th>
      <td>{userTask.circuitKey ? <code dir="ltr">{userTask.circuitKey}</code> : none}</td>
      <td>{userTask.businessKey ? <code dir="ltr">{userTask.businessKey}</code> : none}</td>
      <td>
        {userTask.candidateGroups.length === 0
          ? none
          : userTask.candidateGroups.map((group) => (
              <span key={group} className="chip" dir="ltr">
                {group}
              </span>
            ))}
      </td>
      <td>{userTask.assignee ?? <span className="muted">{t('inbox.unassigned')}</span>}</td>
      <td>
        <time dateTime={userTask.createdAt}>{formatDate(userTask.createdAt)}</time>
      </td>
      <td className="user-task__priority">
        <span className={`priority${userTask.priority > 50 ? ' priority--high' : ''}`}>{userTask.priority}</span>
      </td>
      <td className="user-task__actions">
        <button
          type="button"
          className="button button--primary button--small"
          data-testid="complete-button"
          aria-label={t('inbox.completeLabel', { name })}
          onClick={() => onComplete(userTask)}
        >
          {t('inbox.complete')}
        </button>
      </td>
    </tr>
  );
}
