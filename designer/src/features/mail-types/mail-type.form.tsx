import { MAIL_DIRECTIONS, type CircuitDto, type MailDirection, type MailTypeDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { FormField } from '../../shared/ui/form-field';
import { createMailType, updateMailType } from './mail-types.api';
import {
  emptyMailTypeForm,
  mailTypeErrors,
  toMailTypeForm,
  toMailTypeInput,
  type MailTypeFormErrors,
  type MailTypeFormState,
} from './mail-type.model';

interface MailTypeFormProps {
  /** The type being edited, or null for a new one. */
  editing: MailTypeDto | null;
  circuits: CircuitDto[];
  onSaved: (type: MailTypeDto) => void;
  onCancel: () => void;
}

/** Creates or edits one mail type; the engine validates, and its refusals show beside the fields. */
export function MailTypeForm({ editing, circuits, onSaved, onCancel }: MailTypeFormProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const language = useLanguage();
  const [form, setForm] = useState<MailTypeFormState>(() => (editing ? toMailTypeForm(editing) : emptyMailTypeForm()));
  const [errors, setErrors] = useState<MailTypeFormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof MailTypeFormState>(key: K, value: MailTypeFormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const { code, ...changes } = toMailTypeInput(form);
      onSaved(editing ? await updateMailType(editing.code, changes) : await createMailType({ code, ...changes }));
    } catch (error) {
      setErrors(mailTypeErrors(error, t, errorMessage(error)));
      setBusy(false);
    }
  }

  // A type may name a circuit that is no longer deployed: keep it choosable, by its key.
  const keys = new Set(circuits.map((c) => c.key));
  const options = form.circuitKey && !keys.has(form.circuitKey) ? [...circuits.map((c) => ({ key: c.key, name: c.name })), { key: form.circuitKey, name: null }] : circuits;
  const text = (key: 'code' | 'labelAr' | 'labelFr' | 'labelEn', field: 'code' | 'label.ar' | 'label.fr' | 'label.en', lang?: 'ar' | 'fr' | 'en') => (
    <FormField label={t(`mailTypes.fields.${key}`)} error={errors[field]} required>
      {(control) => (
        <input
          {...control}
          className="field__input"
          data-testid={`mail-type-${key}`}
          value={form[key]}
          lang={lang}
          dir={key === 'code' ? 'ltr' : lang === 'ar' ? 'rtl' : lang ? 'ltr' : undefined}
          disabled={key === 'code' && editing !== null}
          onChange={(event) => set(key, event.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <form className="panel mail-type-form" onSubmit={(event) => void submit(event)} noValidate data-testid="mail-type-form" aria-labelledby="mail-type-form-title">
      <h2 id="mail-type-form-title">{editing ? t('mailTypes.editTitle', { label: editing.label[language] }) : t('mailTypes.newTitle')}</h2>
      {errors.form && (
        <p className="alert alert--error" role="alert" data-testid="mail-type-form-error">
          {errors.form}
        </p>
      )}
      <div className="form-grid">
        {text('code', 'code')}
        <FormField label={t('mailTypes.fields.direction')} error={errors.direction} required>
          {(control) => (
            <select {...control} className="field__input" data-testid="mail-type-direction" value={form.direction} onChange={(event) => set('direction', event.target.value as MailDirection)}>
              {MAIL_DIRECTIONS.map((direction) => (
                <option key={direction} value={direction}>
                  {t(`directions.${direction}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-grid">
        {text('labelAr', 'label.ar', 'ar')}
        {text('labelFr', 'label.fr', 'fr')}
        {text('labelEn', 'label.en', 'en')}
      </div>
      <div className="form-grid">
        <FormField label={t('mailTypes.fields.dueDays')} error={errors.dueDays} hint={t('mailTypes.fields.dueDaysHint')} required>
          {(control) => (
            <input {...control} type="number" min={1} max={365} step={1} className="field__input" data-testid="mail-type-dueDays" value={form.dueDays} onChange={(event) => set('dueDays', event.target.value)} />
          )}
        </FormField>
        <FormField label={t('mailTypes.fields.circuit')} error={errors.circuitKey}>
          {(control) => (
            <select {...control} className="field__input" data-testid="mail-type-circuit" value={form.circuitKey} onChange={(event) => set('circuitKey', event.target.value)}>
              <option value="">{t('mailTypes.defaultCircuit')}</option>
              {options.map((circuit) => (
                <option key={circuit.key} value={circuit.key}>
                  {circuit.name ?? circuit.key}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <label className="checkbox">
        <input type="checkbox" data-testid="mail-type-active" checked={form.active} onChange={(event) => set('active', event.target.checked)} />
        {t('mailTypes.fields.active')}
      </label>
      <div className="mail-types__form-actions">
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" data-testid="mail-type-save" disabled={busy} aria-busy={busy}>
          {busy ? t('mailTypes.saving') : t('mailTypes.save')}
        </button>
      </div>
    </form>
  );
}
