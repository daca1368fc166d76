import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguage } from '../../shared/i18n/use-language';
import { answerDocumentPath, type TrackingDto } from './tracking.api';
import { TrackingAnswerForm } from './tracking.answer-form';
import { TrackingTimeline } from './tracking.timeline';

/** Where the mail stands, what is asked of the citizen, its steps, and the answer once closed. */
export function TrackingResult({ code, tracking, onChanged }: { code: string; tracking: TrackingDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  return (
    <div className="tracking__result" data-testid="tracking-result" data-stage={tracking.stage}>
      <p className="tracking__stage" role="status">
        <strong>{t(`citizenTracking.stage.${tracking.stage}`)}</strong>
        <span className="muted"> — {t(`citizenTracking.help.${tracking.stage}`)}</span>
      </p>
      <dl className="details">
        <div className="details__row">
          <dt>{t('receipt.chrono')}</dt>
          <dd>
            <bdi className="chrono">{tracking.chronoNumber}</bdi>
          </dd>
        </div>
        {tracking.department && (
          <div className="details__row">
            <dt>{t('citizenTracking.department')}</dt>
            <dd>{tracking.department[language]}</dd>
          </div>
        )}
        <div className="details__row">
          <dt>{t('receipt.receivedAt')}</dt>
          <dd>{formatDate(tracking.receivedAt)}</dd>
        </div>
        <div className="details__row">
          <dt>{t('tracking.lastUpdate')}</dt>
          <dd>{formatDate(tracking.lastUpdate)}</dd>
        </div>
        {tracking.receiptNumber && (
          <div className="details__row">
            <dt>{t('receipt.number')}</dt>
            <dd>
              <bdi>{tracking.receiptNumber}</bdi>
            </dd>
          </div>
        )}
      </dl>
      {tracking.informationRequest && <TrackingAnswerForm code={code} request={tracking.informationRequest.text} onAnswered={onChanged} />}
      {tracking.answerAvailable && (
        <p>
          <a className="button button--primary" href={answerDocumentPath(code)} download data-testid="tracking-answer-download">
            {t('citizenTracking.download')}
          </a>
        </p>
      )}
      <h2>{t('citizenTracking.timeline')}</h2>
      <TrackingTimeline tracking={tracking} />
    </div>
  );
}
