import type { UserTaskDto } from '@diwan/contracts';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { useLanguageRefresh } from '../../shared/i18n/use-language-refresh';
import { mailRoute } from '../../shared/routes/mail.routes';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { EarlierResults } from './earlier-results';
import { isOverdue, priorityOfTask, stepNameOf } from './inbox.view';
import { OverdueBadge } from './overdue.badge';
import { userTaskFormPath, userTaskPath, type UserTaskFormDto } from './user-tasks.api';
import { useUserTasks } from './user-tasks.context';
import './inbox.css';

// form-js (and its CSS) only when a task is opened.
const TaskForm = lazy(() => import('./task-form'));

/** One task: what it is about, its form (form-js), and completing it with the form's data. */
export function UserTaskPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { taskId = '' } = useParams();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const passed = (useLocation().state as { userTask?: UserTaskDto } | null)?.userTask;
  const { complete } = useUserTasks();
  const task = useApiQuery<UserTaskDto>(userTaskPath(taskId));
  const form = useApiQuery<UserTaskFormDto>(userTaskFormPath(taskId));
  // The engine writes the form in the reader's language: a switch asks for it again.
  useLanguageRefresh(form.refresh);
  const [submitRequest, setSubmitRequest] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const userTask = task.status === 'success' ? task.data : passed;

  async function finish(variables: Record<string, unknown>) {
    if (!userTask) return;
    setBusy(true);
    setFailure(null);
    try {
      await complete(userTask, variables);
      void navigate('/inbox');
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  if (!userTask && task.status === 'loading') return <Loading>{t('common.loading')}</Loading>;
  if (!userTask && task.status === 'error') return <ErrorMessage error={task.error} onRetry={task.retry} />;
  if (!userTask) return null;
  const schema = form.status === 'success' ? form.data.schema : null;
  const priority = priorityOfTask(userTask.priority);
  return (
    <section className="page" aria-labelledby="task-title" data-testid="user-task-page" data-task-id={userTask.id}>
      <header className="page__header">
        <BackLink to="/inbox">{t('inbox.back')}</BackLink>
        <h1 id="task-title" dir="auto">
          {stepNameOf(userTask, language) ?? t('inbox.untitled')} {isOverdue(userTask) && <OverdueBadge />}
        </h1>
        <p className="page__intro">
          <span className={`priority${priority === 'high' || priority === 'urgent' ? ' priority--high' : ''}`} data-testid="task-priority">
            {t('inbox.priorityIs', { priority: t(`priorities.${priority}`) })}
          </span>{' '}
          {userTask.dueDate && t('inbox.dueOn', { date: formatDate(userTask.dueDate) })}{' '}
          {userTask.businessKey && (
            <Link to={mailRoute(userTask.businessKey)} data-testid="task-mail-link">
              {t('inbox.openMail')}
            </Link>
          )}
        </p>
      </header>
      {failure && (
        <p className="alert alert--error" role="alert" data-testid="task-form-error">
          {failure}
        </p>
      )}
      {form.status === 'success' && <EarlierResults results={form.data.earlierResults ?? []} />}
      <div className="panel">
        {form.status === 'loading' && <Loading>{t('inbox.form.loading')}</Loading>}
        {form.status === 'error' && <ErrorMessage error={form.error} onRetry={form.retry} />}
        {form.status === 'success' && !schema && <p className="muted" data-testid="task-form">{t('inbox.form.none')}</p>}
        {form.status === 'success' && schema && (
          <Suspense fallback={<Loading>{t('inbox.form.loading')}</Loading>}>
            <TaskForm schema={schema} data={form.data.data} submitRequest={submitRequest} disabled={busy} onSubmit={(data) => void finish(data)} />
          </Suspense>
        )}
        <div className="mail-form__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="task-form-submit"
            disabled={busy || form.status !== 'success'}
            aria-busy={busy}
            onClick={() => (schema ? setSubmitRequest((n) => n + 1) : void finish({}))}
          >
            {busy ? t('inbox.form.submitting') : t('inbox.form.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
