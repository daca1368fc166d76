import type { MailExchangeDto } from '@diwan/contracts';
import { Trans, useTranslation } from 'react-i18next';
import { useFormatDate } from '../i18n/format-date';
import { useLanguage } from '../i18n/use-language';
import './mail-exchange.css';

/**
 * What an outgoing mail sent to another administration shows of its exchange: sent to whom and
 * when, then "acknowledged by … on … under number …" once the receiver's acknowledgment came back.
 */
export function MailExchangeStatus({ exchange }: { exchange: MailExchangeDto }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const name = language === 'ar' ? exchange.peerName.ar : exchange.peerName.fr;
  const acknowledged = Boolean(exchange.acknowledgedAt && exchange.receiverChronoNumber);
  return (
    <div className={`mail-exchange ${acknowledged ? 'mail-exchange--done' : ''}`} role="status" data-testid="mail-exchange" data-acknowledged={acknowledged}>
      {exchange.sentAt && <p>{t('exchangeStatus.sent', { name, date: formatDate(exchange.sentAt) })}</p>}
      {acknowledged ? (
        <p data-testid="mail-exchange-ack">
          <Trans
            i18nKey="exchangeStatus.acknowledged"
            values={{ name, date: formatDate(exchange.acknowledgedAt), number: exchange.receiverChronoNumber }}
            components={{ num: <bdi dir="ltr" data-testid="mail-exchange-number" /> }}
          />
        </p>
      ) : (
        <p className="muted">{t('exchangeStatus.waiting')}</p>
      )}
    </div>
  );
}
