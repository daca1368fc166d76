import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { letterRoute, receiptRoute } from '../../shared/routes/mail.routes';
import { canOperate, mailOperationsRoute } from '../../shared/routes/operations.routes';
import { useSession } from '../../shared/session/use-session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { MailStatusBadge } from '../../shared/ui/mail-status.badge';
import { MailExchangeStatus } from '../../shared/exchange/mail-exchange.status';
import { MailDispatchPanel } from '../../shared/dispatch/mail-dispatch.panel';
import { LetterSignaturesPanel } from '../../shared/signatures/letter-signatures.panel';
import { LetterSignPanel } from '../../shared/parapheur/letter-sign.panel';
import { MailReplyButton } from '../../shared/parapheur/mail-reply.button';
import { AnswerDocumentPanel } from './answer-document.panel';
import { MailAttachments } from './mail-attachments';
import { MailDetails } from './mail-details';
import { MailTimeline } from './mail-timeline';
import { useMail } from './use-mail';
import './mails.css';

// bpmn-js is heavy: only load it when a mail page is open.
const MailProgressDiagram = lazy(() => import('./mail-progress.diagram'));

/** One mail: its details, its files shown inline, its history and where it is in its circuit. Live. */
export function MailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useMail(id);
  const roles = useSession()?.user.roles ?? [];
  // a signature made on this page: the verification panel reads the PDF again
  const [signings, setSignings] = useState(0);

  if (query.status === 'loading') return <Loading>{t('mail.loading')}</Loading>;
  if (query.status === 'error') return <ErrorMessage title={t('mail.loadFailed')} error={query.error} onRetry={query.retry} />;
  const mail = query.data;
  return (
    <article className="page page--wide mail-page" aria-labelledby="mail-title" data-testid="mail-page" data-mail-id={mail.id}>
      <header className="page__header mail-page__header">
        <div>
          <p className="mail-page__chrono">
            <bdi data-testid="mail-chrono">{mail.chronoNumber ?? t('statuses.draft')}</bdi> <MailStatusBadge status={mail.status} />
            {mail.confidentiality !== 'normal' && (
              <span className="badge badge--secret">{t(`confidentiality.${mail.confidentiality}`)}</span>
            )}
          </p>
          <h1 id="mail-title" dir="auto">
            {mail.subject}
          </h1>
        </div>
        <Link to={receiptRoute(mail.id)} state={{ mail }} className="button button--secondary">
          {t('mail.receipt')}
        </Link>
        <MailReplyButton mail={mail} />
        {mail.direction !== 'incoming' && (
          <Link to={letterRoute(mail.id)} className="button button--secondary" data-testid="mail-letter">
            {t('letters.title')}
          </Link>
        )}
        {mail.processInstanceId && canOperate(roles) && (
          <Link to={mailOperationsRoute(mail.id)} className="button button--ghost" data-testid="mail-operations">
            {t('operations.openForMail')}
          </Link>
        )}
      </header>
      <div className="mail-page__grid">
        <section className="panel" aria-labelledby="mail-details-title">
          <h2 id="mail-details-title">{t('mail.details')}</h2>
          <MailDetails mail={mail} />
          {mail.exchange && <MailExchangeStatus exchange={mail.exchange} />}
          {mail.direction === 'outgoing' && mail.chronoNumber && <MailDispatchPanel mail={mail} />}
          {mail.direction === 'outgoing' && <LetterSignPanel mail={mail} onSigned={() => setSignings((n) => n + 1)} />}
          {mail.direction === 'outgoing' && <LetterSignaturesPanel key={signings} mail={mail} />}
        </section>
        <section className="panel" aria-labelledby="mail-timeline-title">
          <h2 id="mail-timeline-title">{t('mail.timeline.title')}</h2>
          <MailTimeline mailId={mail.id} />
        </section>
      </div>
      <AnswerDocumentPanel mail={mail} onAttached={query.refresh} />
      <section className="panel" aria-labelledby="mail-attachments-title">
        <h2 id="mail-attachments-title">{t('mail.attachments.title')}</h2>
        <MailAttachments attachments={mail.attachments} />
      </section>
      <section className="panel" aria-labelledby="mail-progress-title">
        <h2 id="mail-progress-title">{t('mail.progress.title')}</h2>
        {mail.processInstanceId ? (
          <Suspense fallback={<Loading>{t('mail.progress.loading')}</Loading>}>
            <MailProgressDiagram mailId={mail.id} processInstanceId={mail.processInstanceId} />
          </Suspense>
        ) : (
          <p className="muted">{t('mail.progress.notStarted')}</p>
        )}
      </section>
    </article>
  );
}
