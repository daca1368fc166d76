import { SOCKET_EVENTS, type UserTaskDto } from '@diwan/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useDepartments } from '../../shared/directory/use-departments';
import { useUsers } from '../../shared/directory/use-users';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { outcomesOf, type Outcomes } from './bulk-result';
import { useFormatList } from './format-list';
import { reassignTasks, tasksOfPath } from './operations.api';
import { useOperationError } from './operation-error';
import { PersonTasksTable } from './person-tasks.table';
import { ReasonDialog } from './reason.dialog';
import { ResultsList, type ActedItem } from './results.list';
import { useSelection } from './use-selection';

/**
 * Bulk reassignment, e.g. everything of an absent person: pick the person, see their open tasks,
 * tick all or some, pick a substitute from the same department, give a reason. Each task's
 * outcome shows in its row; the ones that moved leave the person's list.
 */
export function ReassignPanel() {
  const { t } = useTranslation();
  const operationError = useOperationError();
  const users = useUsers();
  const { nameOf } = useDepartments();
  const language = useLanguage();
  const formatList = useFormatList();
  const stepOf = (task: UserTaskDto) => task.names?.[language] ?? task.name ?? t('operations.unnamedStep');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [outcomes, setOutcomes] = useState<{ from: string; items: ActedItem[]; outcomes: Outcomes; summary: string } | null>(null);
  const tasksQuery = useApiQuery<UserTaskDto[]>(from ? tasksOfPath(from) : null);
  const data = from && tasksQuery.status === 'success' ? tasksQuery.data : null;
  const tasks = useMemo(() => data ?? [], [data]);
  const ids = useMemo(() => tasks.map((task) => task.id), [tasks]);
  const selection = useSelection(ids);
  // Tasks come and go as people work and as the runtime confirms a reassignment: follow them.
  useSocketEvent<UserTaskDto>(SOCKET_EVENTS.userTaskAssigned, (task) => {
    if (from && (task.assignee === from || ids.includes(task.id))) tasksQuery.refresh();
  });
  useSocketEvent<UserTaskDto>(SOCKET_EVENTS.userTaskCompleted, (task) => {
    if (ids.includes(task.id)) tasksQuery.refresh();
  });

  const everyone = users.status === 'success' ? users.data : [];
  const person = everyone.find((u) => u.username === from);
  // The substitute works in one of the absent person's departments.
  const substitutes = person ? everyone.filter((u) => u.username !== from && u.departments.some((d) => person.departments.includes(d))) : [];
  const substitute = everyone.find((u) => u.username === to);

  async function reassign(reason: string): Promise<string | null> {
    try {
      const result = await reassignTasks(from, to, selection.selected, reason);
      const failed = result.failed.length;
      const total = result.done.length + failed;
      const summary = failed === 0 ? t('operations.reassign.resultDone', { count: total, name: substitute?.displayName ?? to }) : t('operations.reassign.resultPartial', { count: failed, total });
      const items = tasks.filter((task) => selection.selected.includes(task.id)).map((task) => ({ id: task.id, step: stepOf(task), chronoNumber: task.mail?.chronoNumber ?? null }));
      setOutcomes({ from, items, outcomes: outcomesOf(result), summary });
      selection.clear();
      tasksQuery.refresh();
      return null;
    } catch (error) {
      return operationError(error);
    }
  }

  return (
    <div data-testid="operations-reassign">
      <div className="toolbar">
        <label className="field">
          <span className="field__label">{t('operations.reassign.from')}</span>
          <select
            className="field__input"
            value={from}
            data-testid="reassign-from"
            onChange={(event) => {
              setFrom(event.target.value);
              setTo('');
              setOutcomes(null);
            }}
          >
            <option value="">{users.status === 'loading' ? t('common.loading') : t('operations.reassign.pickPerson')}</option>
            {everyone.map((user) => (
              <option key={user.username} value={user.username}>
                {user.displayName}
              </option>
            ))}
          </select>
        </label>
        {person && person.departments.length > 0 && (
          <p className="muted operations-departments">{t('operations.reassign.departments', { departments: formatList(person.departments.map(nameOf)) })}</p>
        )}
      </div>
      {users.status === 'error' && <ErrorMessage error={users.error} onRetry={users.retry} />}
      {outcomes && outcomes.from === from && (
        <ResultsList title={outcomes.summary} items={outcomes.items} outcomes={outcomes.outcomes} onDismiss={() => setOutcomes(null)} testId="reassign-results" />
      )}
      {from && tasksQuery.status === 'loading' && <Loading>{t('operations.reassign.loading')}</Loading>}
      {from && tasksQuery.status === 'error' && <ErrorMessage error={tasksQuery.error} onRetry={tasksQuery.retry} />}
      {from && tasksQuery.status === 'success' && tasks.length === 0 && (
        <p className="empty" data-testid="reassign-empty">
          {t('operations.reassign.empty', { name: person?.displayName ?? from })}
        </p>
      )}
      {tasks.length > 0 && (
        <>
          <div className="toolbar operations-bulk" role="region" aria-label={t('operations.reassign.actions')}>
            <strong>{t('operations.selected', { count: selection.selected.length, total: tasks.length })}</strong>
            <label className="field">
              <span className="field__label">{t('operations.reassign.to')}</span>
              <select className="field__input" value={to} data-testid="reassign-to" onChange={(event) => setTo(event.target.value)}>
                <option value="">{t('operations.reassign.pickSubstitute')}</option>
                {substitutes.map((user) => (
                  <option key={user.username} value={user.username}>
                    {user.displayName}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button button--primary"
              data-testid="reassign-submit"
              disabled={selection.selected.length === 0 || !to}
              onClick={() => setConfirming(true)}
            >
              {t('operations.reassign.submit', { count: selection.selected.length })}
            </button>
          </div>
          {tasks.length >= 500 && <p className="muted">{t('operations.reassign.firstOnly', { count: tasks.length })}</p>}
          <PersonTasksTable tasks={tasks} selection={selection} outcomes={outcomes?.from === from ? outcomes.outcomes : undefined} />
        </>
      )}
      {confirming && (
        <ReasonDialog
          title={t('operations.reassign.confirmTitle')}
          confirmLabel={t('operations.reassign.confirm')}
          onConfirm={reassign}
          onClose={() => setConfirming(false)}
          testId="reassign-dialog"
        >
          <p>{t('operations.reassign.confirmText', { count: selection.selected.length, from: person?.displayName ?? from, to: substitute?.displayName ?? to })}</p>
        </ReasonDialog>
      )}
    </div>
  );
}
