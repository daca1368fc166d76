import type { UserTaskDto } from '@diwan/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSession } from '../../shared/session/use-session';
import { Loading } from '../../shared/ui/loading';
import { ReplacingBanner } from '../../shared/absences/replacing.banner';
import { BulkBar } from './bulk.bar';
import { DelegateDialog } from './delegate.dialog';
import { InboxTabs } from './inbox.tabs';
import { InboxToolbar } from './inbox.toolbar';
import { groupsOf, inboxCounts, inboxView, type InboxFilters, stepNameOf } from './inbox.view';
import { UserTaskTable } from './user-task.table';
import { useUserTaskAction } from './use-user-task-action';
import { claimUserTask, delegateUserTask, unclaimUserTask } from './user-tasks.api';
import { useUserTasks } from './user-tasks.context';
import './inbox.css';

interface CompletionFailure {
  key: number;
  text: string;
}

/** The live inbox: my tasks and my groups' tasks, with counts, filters, sorting and bulk actions. */
export function InboxPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const me = useSession()?.user.username ?? '';
  const { loaded, userTasks, complete } = useUserTasks();
  const action = useUserTaskAction();
  const [filters, setFilters] = useState<InboxFilters>({ tab: 'mine', candidateGroup: '', overdueOnly: false, sort: 'dueDate' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [delegating, setDelegating] = useState<UserTaskDto | null>(null);
  const [failures, setFailures] = useState<CompletionFailure[]>([]);
  const [bulkOutcome, setBulkOutcome] = useState<string | null>(null);

  const counts = useMemo(() => inboxCounts(userTasks, me), [userTasks, me]);
  const shown = useMemo(() => inboxView(userTasks, filters, me), [userTasks, filters, me]);
  const groups = useMemo(() => groupsOf(userTasks), [userTasks]);
  const selectedIds = shown.filter((task) => selected.has(task.id)).map((task) => task.id);

  function onComplete(userTask: UserTaskDto) {
    complete(userTask).catch((error: unknown) => {
      const text = t('inbox.completeFailed', { name: stepNameOf(userTask, language) ?? t('inbox.untitled'), reason: errorMessage(error) });
      setFailures((current) => [...current, { key: Date.now() + Math.random(), text }]);
    });
  }

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section className="page page--wide" aria-labelledby="inbox-title">
      <header className="page__header inbox__header">
        <h1 id="inbox-title">
          {t('inbox.title')}
          <span className="count-badge" data-testid="inbox-count" aria-label={t('inbox.count', { count: userTasks.length })} title={t('inbox.count', { count: userTasks.length })}>
            {userTasks.length}
          </span>
        </h1>
        <p className="page__intro">{t('inbox.intro')}</p>
      </header>
      <ReplacingBanner />
      {[...failures.map((f) => ({ key: String(f.key), text: f.text })), ...(action.failure ? [{ key: 'action', text: action.failure }] : [])].map((failure) => (
        <div key={failure.key} className="alert alert--error alert--dismissible" role="alert" data-testid="complete-error">
          <p>{failure.text}</p>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => (failure.key === 'action' ? action.clearFailure() : setFailures((current) => current.filter((f) => String(f.key) !== failure.key)))}
          >
            {t('inbox.dismiss')}
          </button>
        </div>
      ))}
      <InboxTabs tab={filters.tab} counts={counts} onChange={(tab) => setFilters({ ...filters, tab })} />
      <InboxToolbar filters={filters} groups={groups} onChange={setFilters} />
      {selectedIds.length > 0 && (
        <BulkBar
          ids={selectedIds}
          department={filters.candidateGroup || undefined}
          onDone={(outcome, succeeded) => {
            setBulkOutcome(outcome);
            setSelected((current) => new Set([...current].filter((id) => !succeeded.includes(id))));
          }}
        />
      )}
      {bulkOutcome && (
        <p className="muted" role="status" data-testid="bulk-outcome">
          {bulkOutcome}
        </p>
      )}
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`inbox-tab-${filters.tab}`}>
        {!loaded && <Loading>{t('inbox.waiting')}</Loading>}
        {loaded && shown.length === 0 && <p className="empty">{t(userTasks.length === 0 ? 'inbox.empty' : 'inbox.emptyFiltered')}</p>}
        {loaded && shown.length > 0 && (
          <UserTaskTable
            userTasks={shown}
            me={me}
            selected={selected}
            busy={action.busy}
            onSelect={toggle}
            onSelectAll={(on) => setSelected(on ? new Set(shown.map((task) => task.id)) : new Set())}
            onComplete={onComplete}
            onClaim={(task) => void action.run(task, () => claimUserTask(task.id))}
            onUnclaim={(task) => void action.run(task, () => unclaimUserTask(task.id))}
            onDelegate={setDelegating}
          />
        )}
      </div>
      {delegating && (
        <DelegateDialog
          userTask={delegating}
          me={me}
          onClose={() => setDelegating(null)}
          onDelegate={(to) => void action.run(delegating, () => delegateUserTask(delegating.id, to))}
        />
      )}
    </section>
  );
}
