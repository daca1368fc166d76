import type { MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { dateTimeFormat } from '../../shared/i18n/format-date';
import { directionOf } from '../../shared/i18n/language';

/** One language's half of the receipt; the text comes from that language's catalogue. */
export function ReceiptSide({ mail, language }: { mail: MailDto; language: 'ar' | 'fr' }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language);
  const format = (iso: string) => dateTimeFormat(language).format(new Date(iso));
  const rows: [string, string | null, boolean, string?][] = [
    [t('receipt.chrono'), mail.chronoNumber, true, language === 'fr' ? 'receipt-chrono' : 'receipt-chrono-ar'],
    [t('receipt.receivedAt'), format(mail.receivedAt), false],
    [t('receipt.correspondent'), mail.correspondent?.name ?? null, false],
    [t('receipt.subject'), mail.subject, false],
    [t('receipt.letterReference'), mail.letterReference, true],
    [t('receipt.number'), mail.receipt?.number ?? null, true],
  ];
  return (
    <div className="receipt__side" lang={language} dir={directionOf(language)}>
      <p className="receipt__office">{t('receipt.office')}</p>
      <h2 className="receipt__title">{t('receipt.heading')}</h2>
      <dl className="receipt__fields">
        {rows
          .filter(([, value]) => value)
          .map(([label, value, code, testId]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd data-testid={testId}>
                {code ? <bdi dir="ltr">{value}</bdi> : <bdi>{value}</bdi>}
              </dd>
            </div>
          ))}
      </dl>
      <p className="receipt__note">{t('receipt.note')}</p>
    </div>
  );
}
