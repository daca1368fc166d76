import DmnModeler from 'dmn-js/lib/Modeler';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/i18n/language';
import { dmnTranslateModule } from './dmn.translate';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression.css';
import 'dmn-js/dist/assets/dmn-js-boxed-expression-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

interface DmnEditorProps {
  /** The decision file's name, for the editor's label. */
  file: string;
  xml: string;
  language: Language;
  /** Called with the whole file after each change. */
  onChange: (xml: string) => void;
}

/** FEEL only: the one expression language the deployment policy accepts. */
const FEEL_ONLY = { options: [{ value: 'feel', label: 'FEEL' }], defaults: { editor: 'feel' } };
/** The data types the runtime (Operaton, the Camunda 7 line) knows for inputs and outputs. */
const RUNTIME_DATA_TYPES = ['string', 'boolean', 'integer', 'long', 'double', 'date'];

/**
 * dmn-js on one decision file, opened on its first decision table, labelled in the user's
 * language. Lazy-loaded like bpmn-js; the parent remounts it for another file or language.
 */
export default function DmnEditor({ file, xml, language, onChange }: DmnEditorProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const initial = useRef({ xml, language });
  const changed = useRef(onChange);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    if (!container.current) return;
    const translate = dmnTranslateModule(() => initial.current.language);
    const views = { additionalModules: [translate] };
    const modeler = new DmnModeler({
      container: container.current,
      common: { expressionLanguages: FEEL_ONLY, dataTypes: RUNTIME_DATA_TYPES },
      drd: views,
      decisionTable: views,
      literalExpression: views,
      boxedExpression: views,
    });
    let alive = true;
    modeler.on('viewer.created', ({ viewer }) => {
      viewer.on('elements.changed', () => {
        void modeler.saveXML({ format: true }).then(({ xml: saved }) => alive && changed.current(saved));
      });
    });
    modeler
      .importXML(initial.current.xml)
      .then(async () => {
        const table = modeler.getViews().find((v) => v.type === 'decisionTable');
        if (table && modeler.getActiveView()?.type !== 'decisionTable') await modeler.open(table);
        if (alive) setState('ready');
      })
      .catch(() => alive && setState('failed'));
    return () => {
      alive = false;
      modeler.destroy();
    };
  }, []);

  return (
    <div className="dmn-editor" data-testid="dmn-editor" data-state={state} data-file={file}>
      {state === 'failed' && (
        <p className="alert alert--error" role="alert">
          {t('modeler.decisions.failed')}
        </p>
      )}
      <div ref={container} className="dmn-editor__canvas" dir="ltr" aria-label={t('modeler.decisions.editorLabel', { file })} />
    </div>
  );
}
