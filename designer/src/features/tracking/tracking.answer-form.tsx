import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUpload } from '../../shared/api/api.upload';
import { ErrorMessage } from '../../shared/ui/error-message';
import { ANSWER_LIMITS, answersPath, type CitizenAnswerDto } from './tracking.api';

const newKey = () => `answer-${crypto.randomUUID()}`;

/**
 * The citizen answers what the administration asks: text and a few files. One key per answer
 * (Idempotency-Key), so a double click or a retry after a lost answer is taken once.
 */
export function TrackingAnswerForm({ code, request, onAnswered }: { code: string; request: string; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [key, setKey] = useState(newKey);
  const [state, setState] = useState<{ kind: 'idle' | 'sending' } | { kind: 'error'; error: unknown }>({ kind: 'idle' });
  const [progress, setProgress] = useState(0);
  const tooMany = files.length > ANSWER_LIMITS.maxFiles;
  const tooBig = files.some((f) => f.size > ANSWER_LIMITS.maxFileBytes);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim() || tooMany || tooBig) return;
    const form = new FormData();
    form.set('text', text);
    for (const file of files) form.append('files', file, file.name);
    setState({ kind: 'sending' });
    try {
      await apiUpload<CitizenAnswerDto>({ path: answersPath(code), form, headers: { 'Idempotency-Key': key }, onProgress: setProgress });
      setText('');
      setFiles([]);
      setKey(newKey());
      setState({ kind: 'idle' });
      onAnswered();
    } catch (error) {
      setState({ kind: 'error', error });
    }
  }

  return (
    <section className="tracking__request" aria-labelledby="tracking-request-title" data-testid="tracking-request">
      <h2 id="tracking-request-title">{t('citizenTracking.requestTitle')}</h2>
      {/* the administration's words, as text (never markup) */}
      <p className="tracking__request-text" data-testid="tracking-request-text">
        {request || t('citizenTracking.requestNoText')}
      </p>
      <form onSubmit={(e) => void submit(e)} className="tracking__answer">
        <label htmlFor="tracking-answer-text">{t('citizenTracking.answerLabel')}</label>
        <textarea id="tracking-answer-text" className="field__input" rows={4} maxLength={5000} required value={text} onChange={(e) => setText(e.target.value)} data-testid="tracking-answer-text" />
        <span>{t('citizenTracking.filesLabel')}</span>
        {/* the browser's own file button speaks the browser's language: ours speaks the page's */}
        <label htmlFor="tracking-answer-files" className="button button--secondary tracking__files-button">
          {t('citizenTracking.chooseFiles')}
        </label>
        <input
          id="tracking-answer-files"
          className="visually-hidden"
          type="file"
          multiple
          accept={ANSWER_LIMITS.accept}
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
          aria-describedby="tracking-answer-files-help"
          data-testid="tracking-answer-files"
        />
        {files.length > 0 && (
          <ul className="tracking__files" data-testid="tracking-answer-chosen">
            {files.map((f) => (
              <li key={f.name}>
                <bdi>{f.name}</bdi>
              </li>
            ))}
          </ul>
        )}
        <p id="tracking-answer-files-help" className="muted">
          {t('citizenTracking.filesHelp', { max: ANSWER_LIMITS.maxFiles })}
        </p>
        {(tooMany || tooBig) && (
          <p className="alert alert--error" role="alert">
            {t('citizenTracking.filesTooMany', { max: ANSWER_LIMITS.maxFiles })}
          </p>
        )}
        {state.kind === 'error' && <ErrorMessage error={state.error} />}
        <button type="submit" className="button button--primary" disabled={state.kind === 'sending' || !text.trim()} data-testid="tracking-answer-send">
          {state.kind === 'sending' ? t('citizenTracking.sending', { percent: Math.round(progress * 100) }) : t('citizenTracking.send')}
        </button>
      </form>
    </section>
  );
}
