import type { UserTaskDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { Loading } from '../../shared/ui/loading';
import { UserTaskRow } from './user-task.row';
import { useUserTasks } from './user-tasks.context';
import './inbox.css';

interface CompletionFailure {
  key: number;
  text: string;
}

export function InboxPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { loaded, userTasks, complete } = useUserTasks();
  const [failures, setFailures] = useState<CompletionFailure[]>([]);

  function onComplete(userTask: UserTaskDto) {
    complete(userTask).catch((error: unknown) => {
      const name = userTask.name ?? t('inbox.untitled');
      const text = t('inbox.completeFailed', { name, reason: errorMessage(error) });
      setFailures((current) => [...current, { key: Date.now() + Math.random(), text }]);
    });
  }

  return (
    <section className="page page--wide" aria-labelledby="inbox-title">
      <header className="page__header inbox__header">
        <h1 id="inbox-title">
          {t('inbox.title')}
          <span
            className="count-badge"
            data-testid="inbox-count"
            aria-label={t('inbox.count', { count: userTasks.length })}
            title={t('inbox.count', { count: userTasks.length })}
          >
            {userTasks.length}
          </span>
        </h1>
        <p className="page__intro">{t('inbox.intro')}</p>
      </header>

      {failures.map((failure) => (
        <div key={failure.key} className="alert alert--error alert--dismissible" role="alert" data-testid="complete-error">
          <p>{failure.text}</p>
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => setFailures((current) => current.filter((f) => f.key !== failure.key))}
          >
            {t('inbox.dismiss')}
          </button>
        </div>
      ))}

      {!loaded && <Loading>{t('inbox.waiting')}</Loading>}
      {loaded && userTasks.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      {loaded && userTasks.length > 0 && (
        <div className="table-scroll">
          <table className="user-task-table">
            <thead>
              <tr>
                <th scope="col">{t('inbox.columns.name')}</th>
                <th scope="col">{t('inbox.columns.circuit')}</th>
                <th scope="col">{t('inbox.columns.businessKey')}</th>
                <th scope="col">{t('inbox.columns.candidateGroups')}</th>
                <th scope="col">{t('inbox.columns.assignee')}</th>
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
                <UserTaskRow key={userTask.id} userTask={userTask} onComplete={onComplete} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
