import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useDebouncedValue } from '../../shared/hooks/use-debounced-value';
import { useFormatDate } from '../../shared/i18n/format-date';
import { draftRoute } from '../../shared/routes/draft.routes';
import { useSession } from '../../shared/session/use-session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import '../../shared/ui/circuit-card.css';
import { ConfirmDialog } from './confirm.dialog';
import { createDraft, deleteDraft, draftSearchPath, type DraftSummary } from './modeler.api';
import { nameOfBpmn } from './modeler.import';
import './modeler.css';
import './decisions.css';

/**
 * `/circuits/drafts`: the drafts (searched by name or process id), a blank one by name, or one
 * imported from a `.bpmn` file; admins delete a draft after confirming.
 */
export function DraftListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const formatDate = useFormatDate();
  const isAdmin = useSession()?.user.roles.includes('admin') ?? false;
  const [search, setSearch] = useState('');
  const searched = useDebouncedValue(search.trim());
  const query = useApiQuery<DraftSummary[]>(isAdmin ? draftSearchPath(searched) : null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<DraftSummary | null>(null);

  async function remove(draft: DraftSummary) {
    setBusy(true);
    setError(null);
    try {
      await deleteDraft(draft.id);
      query.refresh();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  }

  async function create(input: { name: string; xml?: string }) {
    setBusy(true);
    setError(null);
    try {
      const draft = await createDraft(input);
      void navigate(draftRoute(draft._id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim().length >= 2) void create({ name: name.trim() });
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const xml = await file.text();
    void create({ name: nameOfBpmn(xml) ?? file.name.replace(/\.bpmn$/i, ''), xml });
  }

  return (
    <section className="page page--wide" aria-labelledby="drafts-title" data-testid="draft-list-page">
      <header className="page__header">
        <h1 id="drafts-title">{t('modeler.drafts.title')}</h1>
        <p className="page__intro">{t('modeler.drafts.intro')}</p>
      </header>
      {!isAdmin && <p className="alert alert--error">{t('modeler.adminOnly')}</p>}
      {isAdmin && (
        <div className="modeler-actions drafts-actions">
          <form className="modeler-actions" onSubmit={submit}>
            <input
              className="field__input"
              data-testid="draft-name"
              value={name}
              minLength={2}
              maxLength={200}
              dir="auto"
              placeholder={t('modeler.drafts.namePlaceholder')}
              aria-label={t('modeler.drafts.name')}
              onChange={(e) => setName(e.target.value)}
            />
            <button type="submit" className="button button--primary" data-testid="draft-create" disabled={busy || name.trim().length < 2}>
              {t('modeler.drafts.create')}
            </button>
          </form>
          <label className="button button--secondary">
            {t('modeler.drafts.import')}
            <input type="file" accept=".bpmn,.xml" className="visually-hidden" data-testid="draft-import" onChange={(e) => void importFile(e)} disabled={busy} />
          </label>
        </div>
      )}
      {isAdmin && (
        <input
          type="search"
          className="field__input drafts-search"
          data-testid="draft-search"
          value={search}
          maxLength={200}
          dir="auto"
          placeholder={t('modeler.drafts.searchPlaceholder')}
          aria-label={t('modeler.drafts.search')}
          onChange={(e) => setSearch(e.target.value)}
        />
      )}
      {error !== null && <ErrorMessage error={error} testId="draft-error" />}
      {isAdmin && query.status === 'loading' && <Loading>{t('modeler.loading')}</Loading>}
      {isAdmin && query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {query.status === 'success' && query.data.length === 0 && (
        <p className="empty" data-testid="draft-list-empty">
          {searched ? t('modeler.drafts.noMatch', { q: searched }) : t('modeler.drafts.empty')}
        </p>
      )}
      {query.status === 'success' && query.data.length > 0 && (
        <ul className="circuit-list" data-testid="draft-list">
          {query.data.map((draft) => (
            <li key={draft.id} className="circuit-card" data-testid="draft-row" data-draft-id={draft.id}>
              <Link to={draftRoute(draft.id)} className="circuit-card__link" data-testid="draft-open">
                <span className="circuit-card__name">{draft.name}</span>
                {draft.deployed && <span className="badge badge--neutral">{t('modeler.drafts.deployed')}</span>}
              </Link>
              <p className="modeler-hint">
                <code dir="ltr">{draft.processKey}</code> · {t('modeler.drafts.versions', { count: draft.versions })}
                {draft.decisions > 0 && <> · {t('modeler.drafts.decisions', { count: draft.decisions })}</>} · {formatDate(draft.updatedAt)} · {draft.updatedBy}
              </p>
              <div className="draft-card__actions">
                <button type="button" className="button button--ghost button--small" data-testid="draft-delete" disabled={busy} onClick={() => setDeleting(draft)}>
                  {t('modeler.drafts.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          testId="draft-delete-dialog"
          title={t('modeler.drafts.deleteTitle', { name: deleting.name })}
          body={t('modeler.drafts.deleteIntro')}
          confirmLabel={t('modeler.drafts.deleteConfirm')}
          busy={busy}
          onConfirm={() => void remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

export default DraftListPage;
