import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatDate } from '../../shared/i18n/format-date';
import { circuitDiffRoute } from '../../shared/routes/draft.routes';
import { ErrorMessage } from '../../shared/ui/error-message';
import { addVersion, type DraftVersion } from './modeler.api';

interface VersionsPanelProps {
  draftId: string;
  initial: DraftVersion[];
  /** Saves the working copy first: a version is a copy of what is saved. */
  flush: () => Promise<boolean>;
}

/** Named versions: a label, a button, and the list (newest first). */
export function VersionsPanel({ draftId, initial, flush }: VersionsPanelProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [versions, setVersions] = useState(initial);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) return;
    setBusy(true);
    setError(null);
    try {
      if (!(await flush())) throw new Error('not saved');
      const version = await addVersion(draftId, label.trim());
      setVersions((list) => [...list, version]);
      setLabel('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="modeler-card" aria-labelledby="versions-title">
      <h2 id="versions-title" className="modeler-card__title">
        {t('modeler.versions.title')}
      </h2>
      <form className="modeler-actions" onSubmit={(e) => void submit(e)}>
        <input
          className="field__input"
          data-testid="version-label"
          value={label}
          maxLength={120}
          placeholder={t('modeler.versions.placeholder')}
          aria-label={t('modeler.versions.label')}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="button button--secondary" data-testid="version-create" disabled={busy || !label.trim()}>
          {t('modeler.versions.create')}
        </button>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      {versions.length === 0 && <p className="empty">{t('modeler.versions.none')}</p>}
      <ol className="version-list" data-testid="version-list" reversed>
        {[...versions].reverse().map((v) => (
          <li key={v.number} data-testid="version-item" data-version={v.number}>
            <strong>v{v.number}</strong> {v.label}{' '}
            <span className="modeler-hint">
              {formatDate(v.savedAt)} · {v.savedBy}
            </span>
            {v.number > 1 && (
              <>
                {' '}
                <Link to={circuitDiffRoute(draftId, v.number - 1, v.number)} data-testid="version-compare">
                  {t('modeler.versions.compare', { previous: v.number - 1 })}
                </Link>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
