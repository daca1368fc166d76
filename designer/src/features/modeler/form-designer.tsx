import { FormEditor } from '@bpmn-io/form-js-editor';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { relabel, type Relabeling } from './dom.relabel';
import { formEditorWords } from './form-editor.dictionary';
import { emptyForm, readForm, type FormSchema } from './form.import';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';

interface FormDesignerProps {
  formId: string;
  /** The form's JSON when it exists already, else null for a new, empty form. */
  schema: string | null;
  onSave: (schema: string) => void;
  onClose: () => void;
}

/** The parts of the form-js editor that are its own words (not the form being designed). */
const EDITOR_CHROME = '.fjs-palette, .fjs-editor-properties-container, .fjs-properties-panel, .fjs-empty-editor, .fjs-empty-component';

/**
 * The form-js editor in a modal dialog, for one user task's Camunda Form. Lazy-loaded: the editor
 * is large and only process owners open it. The form's id stays the one the task refers to; a
 * form (stored or imported from a file) without an id gets it. The editor has no translation
 * hook, so its own words are relabelled in the page's language (dom.relabel.ts).
 */
export default function FormDesigner({ formId, schema, onSave, onClose }: FormDesignerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const languageRef = useRef(language);
  const dialog = useRef<HTMLDialogElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor | null>(null);
  const relabeling = useRef<Relabeling | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [notice, setNotice] = useState<'idAdded' | 'notAForm' | null>(null);

  function load(instance: FormEditor, form: FormSchema) {
    setState('loading');
    instance.importSchema(form).then(
      () => setState('ready'),
      () => setState('failed'),
    );
  }

  useEffect(() => {
    dialog.current?.showModal();
    if (!container.current) return;
    const instance = new FormEditor({ container: container.current });
    editor.current = instance;
    const stored = schema ? readForm(schema, formId) : null;
    if (stored?.idAdded) setNotice('idAdded');
    load(instance, stored?.schema ?? emptyForm(formId));
    relabeling.current = relabel(container.current, EDITOR_CHROME, (english) => {
      const words = languageRef.current === 'en' ? null : formEditorWords[languageRef.current];
      return words?.[english] ?? english;
    });
    return () => {
      relabeling.current?.stop();
      instance.destroy();
      editor.current = null;
    };
  }, [formId, schema]);

  useEffect(() => {
    languageRef.current = language;
    relabeling.current?.refresh();
  }, [language]);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !editor.current) return;
    const read = readForm(await file.text(), formId);
    if (!read) return setNotice('notAForm');
    setNotice(read.idAdded ? 'idAdded' : null);
    load(editor.current, read.schema);
  }

  function save() {
    if (!editor.current) return;
    const saved = { ...(editor.current.saveSchema() as Record<string, unknown>), id: formId };
    onSave(JSON.stringify(saved, null, 2));
  }

  return (
    <dialog ref={dialog} className="form-designer" data-testid="form-designer" data-state={state} aria-labelledby="form-designer-title" onCancel={onClose}>
      <header className="form-designer__header">
        <h2 id="form-designer-title">{t('modeler.form.title')}</h2>
        <div className="modeler-actions">
          <label className="button button--ghost">
            {t('modelerUx.form.import')}
            <input type="file" accept=".form,.json,application/json" hidden data-testid="form-import" onChange={(e) => void importFile(e)} />
          </label>
          <button type="button" className="button button--secondary" data-testid="form-cancel" onClick={onClose}>
            {t('modeler.form.cancel')}
          </button>
          <button type="button" className="button button--primary" data-testid="form-save" disabled={state !== 'ready'} onClick={save}>
            {t('modeler.form.save')}
          </button>
        </div>
      </header>
      {notice && (
        <p className={`alert ${notice === 'idAdded' ? 'alert--info' : 'alert--error'}`} role="status" data-testid="form-notice" data-notice={notice}>
          {t(`modelerUx.form.${notice}`)}
        </p>
      )}
      {state === 'failed' && <p className="alert alert--error">{t('modeler.form.failed')}</p>}
      <div ref={container} className="form-designer__editor" />
    </dialog>
  );
}
