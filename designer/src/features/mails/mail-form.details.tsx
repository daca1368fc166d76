import { CONFIDENTIALITY_LEVELS, MAIL_PRIORITIES } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../shared/ui/form-field';
import type { MailFormSectionProps } from './mail-form.identity';
import type { MailFormState } from './mail-form.model';
import { MailTypePicker } from './mail-type.picker';

/** Dates, the sender's reference, confidentiality, priority, the mail type (its circuit and deadline) and a due date. */
export function MailFormDetails({ form, set, errors }: MailFormSectionProps) {
  const { t } = useTranslation();
  const text = (key: 'receivedAt' | 'letterDate' | 'letterReference', type: string, testId: string) => (
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
        <legend>{t('mailForm.typeAndDeadline')}</legend>
        <div className="form-grid">
          <MailTypePicker form={form} set={set} errors={errors} />
          <FormField label={t('mailForm.dueDate')} error={errors.dueDate} hint={t('mailForm.dueDateHint')}>
            {(control) => (
              <input
                {...control}
                type="date"
                className="field__input"
                data-testid="mail-due-date"
                value={form.dueDate}
                onChange={(event) => set('dueDate', event.target.value)}
              />
            )}
          </FormField>
        </div>
      </fieldset>
    </>
  );
}
