import type { MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { mailRoute } from '../../shared/routes/mail.routes';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { AttachmentPreview } from './attachment.preview';
import { ReceiptSide } from './receipt.side';
import { useMail } from './use-mail';
import './receipt.css';

/**
 * The registrar's receipt (accusé de réception / وصل استلام), printable, in Arabic and French
 * side by side whatever the screen language. The worker's PDF shows up live (`mail.updated`).
 */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const passed = (useLocation().state as { mail?: MailDto } | null)?.mail;
  const query = useMail(id);
  const mail = query.status === 'success' ? query.data : passed;

  if (!mail && query.status === 'loading') return <Loading>{t('mail.loading')}</Loading>;
  if (!mail && query.status === 'error') return <ErrorMessage error={query.error} onRetry={query.retry} />;
  if (!mail) return null;
  const pdf = mail.attachments.find((attachment) => attachment.role === 'receipt');
  return (
    <section className="page receipt-page" aria-labelledby="receipt-title">
      <header className="page__header receipt-page__header no-print">
        <h1 id="receipt-title">{t('receipt.title')}</h1>
        <p className="page__intro">{t('receipt.intro')}</p>
        <div className="receipt-page__actions">
          <button type="button" className="button button--primary" data-testid="receipt-print" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
          <Link to={mailRoute(mail.id)} className="button button--secondary">
            {t('receipt.openMail')}
          </Link>
          <Link to="/mails/new" className="button button--ghost">
            {t('receipt.another')}
          </Link>
        </div>
      </header>
      <div className="receipt" data-testid="receipt-view" data-mail-id={mail.id}>
        <ReceiptSide mail={mail} language="fr" />
        <ReceiptSide mail={mail} language="ar" />
      </div>
      <section className="receipt-pdf no-print" aria-labelledby="receipt-pdf-title">
        <h2 id="receipt-pdf-title">{t('receipt.pdf')}</h2>
        {pdf ? (
          <AttachmentPreview attachment={pdf} />
        ) : (
          <Loading>
            <span data-testid="receipt-pdf-pending">{t('receipt.pdfPending')}</span>
          </Loading>
        )}
      </section>
    </section>
  );
}
