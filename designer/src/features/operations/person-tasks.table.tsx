import type { UserTaskDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguage } from '../../shared/i18n/use-language';
import { mailRoute } from '../../shared/routes/mail.routes';
import type { Outcomes } from './bulk-result';
import { useFormatAge } from './format-age';
import { OutcomeCell } from './outcome.cell';
import type { useSelection } from './use-selection';

interface PersonTasksTableProps {
  tasks: UserTaskDto[];
  selection: ReturnType<typeof useSelection>;
  outcomes: Outcomes | undefined;
}

/** A person's open tasks: the step, the mail, since when, the deadline; each one may be ticked. */
export function PersonTasksTable({ tasks, selection, outcomes }: PersonTasksTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const formatAge = useFormatAge();
  return (
    <div className="table-scroll">
      <table className="operations-table" data-testid="reassign-tasks">
        <caption className="visually-hidden">{t('operations.reassign.caption', { count: tasks.length })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" checked={selection.all} onChange={selection.toggleAll} aria-label={t('operations.selectAll')} data-testid="reassign-select-all" />
            </th>
            <th scope="col">{t('operations.reassign.columns.step')}</th>
            <th scope="col">{t('operations.reassign.columns.mail')}</th>
            <th scope="col">{t('operations.reassign.columns.since')}</th>
            <th scope="col">{t('operations.reassign.columns.due')}</th>
            <th scope="col">{t('operations.incidents.columns.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => {
            const step = task.names?.[language] ?? task.name ?? t('operations.unnamedStep');
            return (
              <tr key={task.id} data-testid="reassign-task" data-task-id={task.id} aria-selected={selection.isSelected(task.id)}>
                <td>
                  <input
                    type="checkbox"
                    checked={selection.isSelected(task.id)}
                    onChange={() => selection.toggle(task.id)}
                    data-testid="reassign-task-select"
                    aria-label={t('operations.reassign.select', { step, mail: task.mail?.chronoNumber ?? '' })}
                  />
                </td>
                <th scope="row" dir="auto">
                  {step}
                </th>
                <td>
                  {task.mail && task.businessKey ? (
                    <Link to={mailRoute(task.businessKey)}>
                      <bdi>{task.mail.chronoNumber}</bdi>
                      {task.mail.subject && (
                        <span className="muted operations-subject" dir="auto">
                          {' '}
                          {task.mail.subject}
                        </span>
                      )}
                    </Link>
                  ) : (
                    <span className="muted">{t('operations.noMail')}</span>
                  )}
                </td>
                <td>
                  <time dateTime={task.createdAt} title={formatDate(task.createdAt)}>
                    {formatAge(task.createdAt)}
                  </time>
                </td>
                <td>{task.dueDate ? formatDate(task.dueDate) : <span className="muted">{t('operations.reassign.noDue')}</span>}</td>
                <td>
                  <OutcomeCell outcome={outcomes?.get(task.id)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
