import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { draftPath } from '../../shared/api/circuit-drafts.api';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useSession } from '../../shared/session/use-session';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { DraftEditor } from './draft-editor';
import type { CircuitDraft } from './modeler.api';
import './modeler.css';

/** `/circuits/drafts/:id`: the modeler on one draft (admins: process owners). */
export function ModelerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const query = useApiQuery<CircuitDraft>(isAdmin ? draftPath(id) : null);

  return (
    <section className="page page--full modeler-page" aria-labelledby="modeler-title" data-testid="modeler-page" data-draft-id={id}>
      <header className="page__header">
        <BackLink to="/circuits/drafts">{t('modeler.back')}</BackLink>
        <h1 id="modeler-title">{query.status === 'success' ? query.data.name : t('modeler.title')}</h1>
        {query.status === 'success' && (
          <p className="page__intro" dir="ltr">
            <code data-testid="modeler-process-key">{query.data.processKey}</code>
          </p>
        )}
      </header>
      {!isAdmin && <p className="alert alert--error">{t('modeler.adminOnly')}</p>}
      {isAdmin && query.status === 'loading' && <Loading>{t('modeler.loading')}</Loading>}
      {isAdmin && query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && <DraftEditor key={query.data._id} draft={query.data} />}
    </section>
  );
}

export default ModelerPage;
