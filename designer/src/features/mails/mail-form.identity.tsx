import { MAIL_CHANNELS, MAIL_DIRECTIONS, MAIL_LANGUAGES } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../shared/ui/form-field';
import type { MailFormState } from './mail-form.model';
import type { MailFormErrors } from './mail-form.validation';

export interface MailFormSectionProps {
  form: MailFormState;
  set: <K extends keyof MailFormState>(key: K, value: MailFormState[K]) => void;
  errors: MailFormErrors;
}

const NATIVE = { ar: 'العربية', fr: 'Français', en: 'English' } as const;

/** Direction, subject, summary, language and channel. */
export function MailFormIdentity({ form, set, errors }: MailFormSectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-grid">
        <FormField label={t('mailForm.direction')} error={errors.direction} required>
          {(control) => (
            <select
              {...control}
              className="field__input"
              data-testid="mail-direction"
              value={form.direction}
              onChange={(event) => set('direction', event.target.value as MailFormState['direction'])}
            >
              {MAIL_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`directions.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('mailForm.channel')} error={errors.channel} required>
          {(control) => (
            <select
              {...control}
              className="field__input"
              data-testid="mail-channel"
              value={form.channel}
              onChange={(event) => set('channel', event.target.value as MailFormState['channel'])}
            >
              {MAIL_CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channels.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('mailForm.language')} error={errors.language} required>
          {(control) => (
            <select
              {...control}
              className="field__input"
              data-testid="mail-language"
              value={form.language}
              onChange={(event) => set('language', event.target.value as MailFormState['language'])}
            >
              {MAIL_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {NATIVE[language]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('mailForm.subject')} error={errors.subject} required>
        {(control) => (
          <input
            {...control}
            className="field__input"
            dir="auto"
            data-testid="mail-subject"
            value={form.subject}
            onChange={(event) => set('subject', event.target.value)}
          />
        )}
      </FormField>
      <FormField label={t('mailForm.summary')} error={errors.summary}>
        {(control) => (
          <textarea
            {...control}
            className="field__input"
            dir="auto"
            rows={3}
            data-testid="mail-summary"
            value={form.summary}
            onChange={(event) => set('summary', event.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
