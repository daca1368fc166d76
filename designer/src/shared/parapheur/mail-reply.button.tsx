import { useState } from 'react';
import type { MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { apiFetch } from '../api/api.client';
import { useErrorMessage } from '../i18n/use-error-message';
import { letterRoute } from '../routes/mail.routes';
import { useSession } from '../session/use-session';

/** Who drafts letters (the engine's `POST /api/mails/drafts`): the staff of a department. */
const DRAFTERS = new Set(['agent', 'head', 'cabinet', 'registrar']);
const OPEN = new Set(['registered', 'triaged', 'in_progress', 'validated']);

/**
 * "Reply" (الرد) on an incoming mail: drafts the outgoing reply (status draft, linked by replyTo,
 * to the same correspondent, in the mail's language) and opens its letter editor, where a template
 * is applied. Shown to the staff of a department while the incoming mail is still open.
 */
export function MailReplyButton({ mail }: { mail: MailDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const user = useSession()?.user;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mayDraft = Boolean(user && user.departments.length > 0 && user.roles.some((r) => DRAFTERS.has(r)));
  if (mail.direction !== 'incoming' || !mail.correspondent || !OPEN.has(mail.status) || !mayDraft) return null;

  const reply = async () => {
    setBusy(true);
    setError(null);
    try {
      const subject = t('parapheur.replySubject', { subject: mail.subject }).slice(0, 500);
      const draft = await apiFetch<MailDto>('/api/mails/drafts', {
        method: 'POST',
        body: { subject, language: mail.language, correspondent: { id: mail.correspondent!.id }, replyTo: mail.id },
      });
      navigate(letterRoute(draft.id));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button--primary" data-testid="mail-reply" disabled={busy} aria-busy={busy} onClick={() => void reply()}>
        {busy ? t('parapheur.replying') : t('parapheur.reply')}
      </button>
      {error && (
        <p role="alert" className="alert alert--error" data-testid="mail-reply-error">
          {error}
        </p>
      )}
    </>
  );
}
