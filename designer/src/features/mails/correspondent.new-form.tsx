import { CORRESPONDENT_KINDS, type CorrespondentKind } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../shared/ui/form-field';
import type { NewCorrespondentFields } from './mail-form.model';
import type { MailFormErrors } from './mail-form.validation';

interface CorrespondentNewFormProps {
  fields: NewCorrespondentFields;
  errors: MailFormErrors;
  onChange: (fields: NewCorrespondentFields) => void;
  onCancel: () => void;
}

type TextKey = Exclude<keyof NewCorrespondentFields, 'kind'>;
const TEXT_FIELDS: { key: TextKey; type?: string; dir?: 'ltr' }[] = [
  { key: 'nationalId', dir: 'ltr' },
  { key: 'registrationNumber', dir: 'ltr' },
  { key: 'email', type: 'email', dir: 'ltr' },
  { key: 'phone', type: 'tel', dir: 'ltr' },
  { key: 'address' },
  { key: 'city' },
];

/** A new correspondent, typed in place: kind, name, identifiers and contact. */
export function CorrespondentNewForm({ fields, errors, onChange, onCancel }: CorrespondentNewFormProps) {
  const { t } = useTranslation();
  const set = <K extends keyof NewCorrespondentFields>(key: K, value: NewCorrespondentFields[K]) =>
    onChange({ ...fields, [key]: value });
  return (
    <fieldset className="fieldset correspondent-new" data-testid="correspondent-new">
      <legend>{t('mailForm.correspondent.newTitle')}</legend>
      <div className="form-grid">
        <FormField label={t('mailForm.correspondent.kind')} required>
          {(control) => (
            <select
              {...control}
              className="field__input"
              value={fields.kind}
              data-testid="correspondent-new-kind"
              onChange={(event) => set('kind', event.target.value as CorrespondentKind)}
            >
              {CORRESPONDENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`correspondentKinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('mailForm.correspondent.name')} error={errors['correspondent.name']} required>
          {(control) => (
            <input
              {...control}
              className="field__input"
              dir="auto"
              value={fields.name}
              data-testid="correspondent-new-name"
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </FormField>
        {TEXT_FIELDS.map(({ key, type = 'text', dir }) => (
          <FormField key={key} label={t(`mailForm.correspondent.${key}`)} error={errors[`correspondent.${key}`]}>
            {(control) => (
              <input
                {...control}
                type={type}
                className="field__input"
                dir={dir ?? 'auto'}
                value={fields[key]}
                data-testid={`correspondent-new-${key}`}
                onChange={(event) => set(key, event.target.value)}
              />
            )}
          </FormField>
        ))}
      </div>
      <button type="button" className="button button--ghost button--small" onClick={onCancel}>
        {t('mailForm.correspondent.searchAgain')}
      </button>
    </fieldset>
  );
}
