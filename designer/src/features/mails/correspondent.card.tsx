import type { CorrespondentDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';

/** The chosen correspondent, with a way to choose another. */
export function CorrespondentCard({ correspondent, onChange }: { correspondent: CorrespondentDto; onChange?: () => void }) {
  const { t } = useTranslation();
  const ids = [correspondent.nationalId, correspondent.registrationNumber].filter(Boolean).join(' · ');
  const contact = [correspondent.email, correspondent.phone, correspondent.city].filter(Boolean).join(' · ');
  return (
    <div className="field">
      <span className="field__label">{t('mailForm.correspondent.label')}</span>
      <div className="correspondent-card" data-testid="correspondent-selected" data-correspondent-id={correspondent.id}>
        <div>
          <p className="correspondent-card__name" dir="auto">
            {correspondent.name}
          </p>
          <p className="muted">
            {t(`correspondentKinds.${correspondent.kind}`)}
            {ids && (
              <>
                {' · '}
                <bdi>{ids}</bdi>
              </>
            )}
          </p>
          {contact && (
            <p className="muted" dir="auto">
              {contact}
            </p>
          )}
        </div>
        {onChange && (
          <button type="button" className="button button--ghost button--small" onClick={onChange}>
            {t('mailForm.correspondent.change')}
          </button>
        )}
      </div>
    </div>
  );
}
