import { SOCKET_EVENTS, type MailDto, type UserTaskDto } from '@diwan/contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob, saveBlob } from '../../shared/api/api.download';
import { isApiError } from '../../shared/api/api.error';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useFormatPercent } from '../../shared/i18n/format-number';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { ErrorMessage } from '../../shared/ui/error-message';
import { answerDocumentPath, answersTheCitizen, uploadAnswerDocument, type AnswerDocumentDto } from './answer-document.api';
import { ACCEPT_ATTRIBUTE, formatSize, MAX_FILE_BYTES, rejectionOf } from './attachments.rules';
import { attachmentPath } from './mails.api';

/**
 * "Answer to the citizen" (الرد على المواطن) on the page of a mail that a citizen tracks: the
 * document the tracking page gives once the file is closed, and, for whoever holds an open task
 * on the mail, a file picker that attaches or replaces it, with its progress and refusals in words.
 */
export function AnswerDocumentPanel({ mail, onAttached }: { mail: MailDto; onAttached: () => void }) {
  if (!answersTheCitizen(mail)) return null;
  return <AnswerDocumentBlock mail={mail} onAttached={onAttached} />;
}

function AnswerDocumentBlock({ mail, onAttached }: { mail: MailDto; onAttached: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const formatPercent = useFormatPercent();
  const errorMessage = useErrorMessage();
  const query = useApiQuery<AnswerDocumentDto>(answerDocumentPath(mail.id));
  const { refresh } = query;
  // the mail changed (a file, a status), or one of its tasks came, went or changed hands
  useEffect(() => refresh(), [mail, refresh]);
  const onTask = (task: UserTaskDto) => {
    if (task.businessKey === mail.id) refresh();
  };
  useSocketEvent(SOCKET_EVENTS.userTaskCreated, onTask);
  useSocketEvent(SOCKET_EVENTS.userTaskAssigned, onTask);
  useSocketEvent(SOCKET_EVENTS.userTaskCompleted, onTask);

  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  if (query.status === 'error') {
    return (
      <section className="panel answer-document" aria-labelledby="answer-document-title" data-testid="answer-document-failed">
        <h2 id="answer-document-title">{t('answerDocument.title')}</h2>
        <ErrorMessage error={query.error} onRetry={query.retry} />
      </section>
    );
  }
  if (query.status !== 'success' || !query.data.mayAttach) return null;
  const current = query.data.document;
  const busy = progress !== null;
  // isolated inside the sentence (Unicode LRI/FSI … PDI), so that "20 MB" and a Latin file name keep their order in Arabic
  const max = `\u2068${formatSize(MAX_FILE_BYTES, language)}\u2069`;
  const isolate = (name: string) => `\u2068${name}\u2069`;

  const refusal = (e: unknown, name: string): string => {
    if (!isApiError(e)) return errorMessage(e);
    if (e.code === 'too_large') return t('answerDocument.errors.size', { name: isolate(name), max });
    if (e.code === 'unsupported_media_type') return t('answerDocument.errors.content', { name: isolate(name) });
    if (e.code === 'forbidden' || e.code === 'not_allowed') return t('answerDocument.errors.notAllowed');
    if (e.code === 'bad_input') return t('answerDocument.errors.unreadable');
    return errorMessage(e);
  };
  const choose = (chosen: File | null) => {
    setDone(false);
    setError(null);
    if (chosen) {
      const reason = rejectionOf(chosen);
      if (reason) {
        setError(t(reason === 'size' ? 'answerDocument.errors.size' : 'answerDocument.errors.type', { name: isolate(chosen.name), max }));
        chosen = null;
      } else if (chosen.size === 0) {
        setError(t('answerDocument.errors.unreadable'));
        chosen = null;
      }
    }
    setFile(chosen);
    if (!chosen && input.current) input.current.value = '';
  };
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      await uploadAnswerDocument(mail.id, file, setProgress);
      choose(null);
      setDone(true);
      onAttached();
      refresh();
    } catch (e) {
      setError(refusal(e, file.name));
    } finally {
      setProgress(null);
    }
  };
  const download = async () => {
    if (!current) return;
    try {
      const { blob } = await apiBlob(attachmentPath(current.id));
      saveBlob(blob, current.filename);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="panel answer-document" aria-labelledby="answer-document-title" data-testid="answer-document" data-has-document={current !== null}>
      <h2 id="answer-document-title">{t('answerDocument.title')}</h2>
      <p className="muted">{t('answerDocument.explain')}</p>
      {current ? (
        <div className="answer-document__current" data-testid="answer-document-current" data-attachment-id={current.id}>
          <span className="file-list__type">{t('answerDocument.current')}</span>
          <bdi className="file-list__name" data-testid="answer-document-name">
            {current.filename}
          </bdi>
          <span className="muted">
            <bdi>{formatSize(current.size, language)}</bdi> · <bdi>{formatDate(current.uploadedAt)}</bdi>
          </span>
          <button type="button" className="button button--ghost button--small" onClick={() => void download()} data-testid="answer-document-download">
            {t('answerDocument.download')}
          </button>
        </div>
      ) : (
        <p data-testid="answer-document-none">{t('answerDocument.none')}</p>
      )}
      <form className="answer-document__form" onSubmit={(e) => void send(e)}>
        {/* the browser's own file button speaks the browser's language: ours speaks the user's */}
        <input
          ref={input}
          type="file"
          accept={ACCEPT_ATTRIBUTE}
          className="visually-hidden"
          data-testid="answer-document-file"
          aria-label={t('answerDocument.pick')}
          disabled={busy}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => input.current?.click()}>
          {t('answerDocument.pick')}
        </button>
        {file && (
          <span className="answer-document__chosen" data-testid="answer-document-chosen">
            <bdi>{file.name}</bdi> <bdi className="muted">{formatSize(file.size, language)}</bdi>
          </span>
        )}
        <button type="submit" className="button button--primary" data-testid="answer-document-submit" disabled={!file || busy} aria-busy={busy}>
          {current ? t('answerDocument.replace') : t('answerDocument.attach')}
        </button>
        <p className="field__hint">
          {t('answerDocument.rules', { max })}
          {current && ` ${t('answerDocument.replacedNote')}`}
        </p>
        {busy && (
          <label className="answer-document__progress" data-testid="answer-document-progress">
            <span>{t('answerDocument.uploading', { percent: formatPercent(progress) })}</span>
            <progress max={1} value={progress} />
          </label>
        )}
      </form>
      {done && !error && (
        <p role="status" className="answer-document__done" data-testid="answer-document-done">
          {t('answerDocument.attached')}
        </p>
      )}
      {error && (
        <p className="field__error" role="alert" data-testid="answer-document-error">
          {error}
        </p>
      )}
    </section>
  );
}
