import { DECISION_FILE_PATTERN } from '@diwan/contracts';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/language';
import { Loading } from '../../shared/ui/loading';
import { ConfirmDialog } from './confirm.dialog';
import { blankDecision, decisionsIn } from './dmn.blank';
import type { CircuitDecision } from './modeler.api';
import './decisions.css';

const DmnEditor = lazy(() => import('./dmn-editor'));

interface DecisionsPanelProps {
  decisions: CircuitDecision[];
  language: Language;
  onChange: (decisions: CircuitDecision[]) => void;
}

/** The draft's DMN files: add, open in dmn-js, rename, delete. Each change is saved with the draft. */
export function DecisionsPanel({ decisions, language, onChange }: DecisionsPanelProps) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string | null>(decisions[0]?.file ?? null);
  const [renaming, setRenaming] = useState<{ file: string; value: string } | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const current = decisions.find((d) => d.file === selected) ?? null;

  function add() {
    const decision = blankDecision(t('modeler.decisions.newName', { n: decisions.length + 1 }), decisions);
    onChange([...decisions, decision]);
    setSelected(decision.file);
  }

  const renameError = (() => {
    if (!renaming || renaming.value === renaming.file) return null;
    if (!DECISION_FILE_PATTERN.test(renaming.value)) return t('modeler.decisions.invalidName');
    if (decisions.some((d) => d.file === renaming.value)) return t('modeler.decisions.takenName');
    return null;
  })();

  function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming || renameError) return;
    if (renaming.value !== renaming.file) {
      onChange(decisions.map((d) => (d.file === renaming.file ? { ...d, file: renaming.value } : d)));
      if (selected === renaming.file) setSelected(renaming.value);
    }
    setRenaming(null);
  }

  function remove(file: string) {
    const rest = decisions.filter((d) => d.file !== file);
    onChange(rest);
    if (selected === file) setSelected(rest[0]?.file ?? null);
    setDeleting(null);
  }

  function edited(file: string, xml: string) {
    onChange(decisions.map((d) => (d.file === file ? { ...d, xml } : d)));
  }

  return (
    <div className="decisions" data-testid="decisions-panel">
      <aside className="decisions__files" aria-labelledby="decisions-title">
        <h2 id="decisions-title" className="modeler-card__title">
          {t('modeler.decisions.title')}
        </h2>
        <p className="modeler-hint">{t('modeler.decisions.intro')}</p>
        <button type="button" className="button button--primary" data-testid="decision-add" onClick={add}>
          {t('modeler.decisions.add')}
        </button>
        {decisions.length === 0 && <p className="modeler-hint">{t('modeler.decisions.none')}</p>}
        <ul className="decisions__list" aria-label={t('modeler.decisions.list')}>
          {decisions.map((d) => (
            <li key={d.file} className="decisions__file" aria-current={d.file === selected} data-testid="decision-file" data-file={d.file}>
              {renaming?.file === d.file ? (
                <form className="decisions__rename" onSubmit={rename}>
                  <label className="modeler-hint" htmlFor="decision-rename">
                    {t('modeler.decisions.fileName')}
                  </label>
                  <input
                    id="decision-rename"
                    className="field__input"
                    dir="ltr"
                    value={renaming.value}
                    autoFocus
                    data-testid="decision-rename-input"
                    aria-invalid={renameError !== null}
                    onChange={(e) => setRenaming({ file: d.file, value: e.target.value.trim() })}
                  />
                  {renameError && <p className="decisions__error">{renameError}</p>}
                  <div className="decisions__file-actions">
                    <button type="submit" className="button button--primary button--small" data-testid="decision-rename-save" disabled={renameError !== null}>
                      {t('modeler.decisions.renameSave')}
                    </button>
                    <button type="button" className="button button--ghost button--small" onClick={() => setRenaming(null)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </form>
              ) : (
                <>
                  <button type="button" className="decisions__open" data-testid="decision-open" onClick={() => setSelected(d.file)}>
                    {decisionsIn(d.xml)
                      .map((decision) => decision.name || decision.id)
                      .join(' · ') || d.file}
                  </button>
                  <code dir="ltr">{d.file}.dmn</code>
                  <div className="decisions__file-actions">
                    <button type="button" className="button button--ghost button--small" data-testid="decision-rename" onClick={() => setRenaming({ file: d.file, value: d.file })}>
                      {t('modeler.decisions.rename')}
                    </button>
                    <button type="button" className="button button--ghost button--small" data-testid="decision-delete" onClick={() => setDeleting(d.file)}>
                      {t('modeler.decisions.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      </aside>
      <div className="decisions__main">
        {current && (
          <Suspense fallback={<Loading>{t('modeler.decisions.loading')}</Loading>}>
            <DmnEditor key={`${current.file}:${language}`} file={current.file} xml={current.xml} language={language} onChange={(xml) => edited(current.file, xml)} />
          </Suspense>
        )}
      </div>
      {deleting && (
        <ConfirmDialog
          testId="decision-delete-dialog"
          title={t('modeler.decisions.deleteTitle', { file: `${deleting}.dmn` })}
          body={t('modeler.decisions.deleteIntro')}
          confirmLabel={t('modeler.decisions.deleteConfirm')}
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
