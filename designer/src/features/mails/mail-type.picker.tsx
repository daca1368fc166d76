import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMailTypes } from '../../shared/directory/use-mail-types';
import { useLanguage } from '../../shared/i18n/use-language';
import { FormField } from '../../shared/ui/form-field';
import type { MailFormSectionProps } from './mail-form.identity';

/**
 * The mail's type, among the active types of its direction, by their labels in the reader's
 * language. The type picks the circuit and the deadline; none means the direction's default.
 */
export function MailTypePicker({ form, set, errors }: MailFormSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { query, mailTypes } = useMailTypes({ direction: form.direction, active: true });
  const sorted = [...mailTypes].sort((a, b) => a.label[language].localeCompare(b.label[language], language));
  const selected = mailTypes.find((type) => type.code === form.mailType);

  // Another direction has other types: a type of the former one is dropped.
  const loaded = query.status === 'success';
  useEffect(() => {
    if (loaded && form.mailType && !selected) set('mailType', '');
  }, [loaded, form.mailType, selected, set]);

  const hint = query.status === 'error' ? undefined : selected ? t('mailForm.mailTypeHint', { count: selected.dueDays }) : t('mailForm.mailTypeNoneHint');
  return (
    <FormField label={t('mailForm.mailType')} error={errors.mailType ?? (query.status === 'error' ? t('mailForm.mailTypesFailed') : undefined)} hint={hint}>
      {(control) => (
        <select
          {...control}
          className="field__input"
          data-testid="mail-type"
          data-state={query.status}
          value={selected ? form.mailType : ''}
          onChange={(event) => set('mailType', event.target.value)}
        >
          <option value="">{t('mailForm.mailTypeNone')}</option>
          {sorted.map((type) => (
            <option key={type.code} value={type.code}>
              {type.label[language]}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
