import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { directionOf } from '../../shared/i18n/language';
import { formJsTranslateModule, translateHardcodedWords } from './form-js.translate';
import './task-form.css';

interface TaskFormProps {
  schema: Record<string, unknown>;
  data: Record<string, unknown>;
  /** Called with the form's data once form-js found no errors. */
  onSubmit: (data: Record<string, unknown>) => void;
  /** Bumped by the page's submit button. */
  submitRequest: number;
  disabled: boolean;
}

/**
 * A Camunda Form rendered by form-js, inside a `dir` wrapper so it mirrors in Arabic. The page
 * owns the submit button (our style, our label); form-js validates and gives the data.
 */
export default function TaskForm({ schema, data, onSubmit, submitRequest, disabled }: TaskFormProps) {
  const language = useLanguage();
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form | null>(null);
  const [failed, setFailed] = useState(false);
  const submit = useRef(onSubmit);
  useEffect(() => {
    submit.current = onSubmit;
  });

  useEffect(() => {
    if (!container.current) return;
    // form-js's own words (validation messages, placeholders) in the reader's language.
    const instance = new Form({ container: container.current, additionalModules: [formJsTranslateModule(t)] });
    const stopWatching = translateHardcodedWords(container.current, t);
    form.current = instance;
    instance.importSchema(schema as never, data).catch(() => setFailed(true));
    return () => {
      stopWatching();
      instance.destroy();
      form.current = null;
    };
  }, [schema, data, t]);

  useEffect(() => {
    form.current?.setProperty('disabled', disabled);
  }, [disabled]);

  useEffect(() => {
    if (submitRequest === 0 || !form.current) return;
    const { data: values, errors } = form.current.submit();
    if (Object.keys(errors).length === 0) submit.current(values as Record<string, unknown>);
  }, [submitRequest]);

  return (
    <div className="task-form" dir={directionOf(language)} data-testid="task-form" data-state={failed ? 'failed' : 'ready'}>
      <div ref={container} />
    </div>
  );
}
