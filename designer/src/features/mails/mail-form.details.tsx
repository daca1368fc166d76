import { CONFIDENTIALITY_LEVELS, MAIL_PRIORITIES } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../shared/ui/form-field';
import type { MailFormSectionProps } from './mail-form.identity';
import type { MailFormState } from './mail-form.model';

/** Dates, the sender's reference, confidentiality, priority, and the deadline (mail type or date). */
export function MailFormDetails({ form, set, errors }: MailFormSectionProps) {
  const { t } = useTranslation();
  const text = (key: 'receivedAt' | 'letterDate' | 'letterReference' | 'mailType' | 'dueDate', type: string, testId: string) => (
    <FormField label={t(`mailForm.${key}`)} error={errors[key]}>
      {(control) => (
        <input
          {...control}
          type={type}
          className="field__input"
          dir={type === 'text' ? 'auto' : undefined}
          data-testid={testId}
          value={form[key]}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <>
      <div className="form-grid">
        {text('receivedAt', 'datetime-local', 'mail-received-at')}
        {text('letterDate', 'date', 'mail-letter-date')}
        {text('letterReference', 'text', 'mail-letter-reference')}
      </div>
      <div className="form-grid">
        <FormField label={t('mailForm.confidentiality')} error={errors.confidentiality}>
          {(control) => (
            <select
              {...control}
              className="field__input"
              data-testid="mail-confidentiality"
              value={form.confidentiality}
              onChange={(event) => set('confidentiality', event.target.value as MailFormState['confidentiality'])}
            >
              {CONFIDENTIALITY_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {t(`confidentiality.${level}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('mailForm.priority')} error={errors.priority}>
          {(control) => (
            <select
              {...control}
              className="field__input"
              data-testid="mail-priority"
              value={form.priority}
              onChange={(event) => set('priority', event.target.value as MailFormState['priority'])}
            >
              {MAIL_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priorities.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="fieldset">
        <legend>{t('mailForm.deadline')}</legend>
        <div className="radio-row">
          {(['mailType', 'dueDate'] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name="deadlineMode"
                checked={form.deadlineMode === mode}
                onChange={() => set('deadlineMode', mode)}
              />
              {t(`mailForm.deadlineBy.${mode}`)}
            </label>
          ))}
        </div>
        {form.deadlineMode === 'mailType'
          ? text('mailType', 'text', 'mail-type')
          : text('dueDate', 'date', 'mail-due-date')}
      </fieldset>
    </>
  );
}
