import { FormEditor } from '@bpmn-io/form-js-editor';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';

interface FormDesignerProps {
  formId: string;
  /** The form's JSON when it exists already, else null for a new, empty form. */
  schema: string | null;
  onSave: (schema: string) => void;
  onClose: () => void;
}

/**
 * The form-js editor in a modal dialog, for one user task's Camunda Form. Lazy-loaded: the editor
 * is large and only process owners open it. The form's id stays the one the task refers to.
 */
export default function FormDesigner({ formId, schema, onSave, onClose }: FormDesignerProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const editor = useRef<FormEditor | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    dialog.current?.showModal();
    if (!container.current) return;
    const instance = new FormEditor({ container: container.current });
    editor.current = instance;
    const initial = schema ? (JSON.parse(schema) as object) : { type: 'default', id: formId, schemaVersion: 16, components: [] };
    instance.importSchema(initial).then(
      () => setState('ready'),
      () => setState('failed'),
    );
    return () => {
      instance.destroy();
      editor.current = null;
    };
  }, [formId, schema]);

  function save() {
    if (!editor.current) return;
    const saved = { ...(editor.current.saveSchema() as Record<string, unknown>), id: formId };
    onSave(JSON.stringify(saved, null, 2));
  }

  return (
    <dialog ref={dialog} className="form-designer" data-testid="form-designer" data-state={state} aria-labelledby="form-designer-title" onCancel={onClose}>
      <header className="form-designer__header">
        <h2 id="form-designer-title">
          {t('modeler.form.title')} <code dir="ltr">{formId}</code>
        </h2>
        <div className="modeler-actions">
          <button type="button" className="button button--secondary" data-testid="form-cancel" onClick={onClose}>
            {t('modeler.form.cancel')}
          </button>
          <button type="button" className="button button--primary" data-testid="form-save" disabled={state !== 'ready'} onClick={save}>
            {t('modeler.form.save')}
          </button>
        </div>
      </header>
      {state === 'failed' && <p className="alert alert--error">{t('modeler.form.failed')}</p>}
      <div ref={container} className="form-designer__editor" />
    </dialog>
  );
}
