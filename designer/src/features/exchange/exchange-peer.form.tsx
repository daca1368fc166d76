import type { ExchangePeerDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api.error';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { FormField } from '../../shared/ui/form-field';
import { createPeer, updatePeer } from './exchange.api';

interface Props {
  editing: ExchangePeerDto | null;
  onCancel: () => void;
  onSaved: () => void;
}

const ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** Adds an administration to the directory, or changes its name, address or key. */
export function ExchangePeerForm({ editing, onCancel, onSaved }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [id, setId] = useState(editing?.id ?? '');
  const [nameAr, setNameAr] = useState(editing?.name.ar ?? '');
  const [nameFr, setNameFr] = useState(editing?.name.fr ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [publicKey, setPublicKey] = useState(editing?.publicKey ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function check(): Record<string, string> {
    const found: Record<string, string> = {};
    if (!editing && !ID.test(id.trim())) found.id = t('exchange.errors.id');
    if (nameAr.trim().length < 2) found.nameAr = t('exchange.errors.required');
    if (nameFr.trim().length < 2) found.nameFr = t('exchange.errors.required');
    if (!/^https?:\/\/\S+$/.test(url.trim())) found.url = t('exchange.errors.url');
    if (publicKey.trim().length < 40) found.publicKey = t('exchange.errors.publicKey');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    const fields = { name: { ar: nameAr.trim(), fr: nameFr.trim() }, url: url.trim(), publicKey: publicKey.trim() };
    try {
      if (editing) await updatePeer(editing.id, fields);
      else await createPeer({ id: id.trim(), ...fields });
      onSaved();
    } catch (error) {
      const fieldsInError = isApiError(error) ? ((error.details as { fields?: { field: string }[] } | undefined)?.fields ?? []).map((f) => f.field) : [];
      if (isApiError(error) && error.code === 'conflict') setErrors({ id: t('exchange.errors.duplicate') });
      else if (fieldsInError.includes('publicKey')) setErrors({ publicKey: t('exchange.errors.publicKey') });
      else if (fieldsInError.includes('id')) setErrors({ id: t('exchange.errors.ownId') });
      else if (fieldsInError.includes('url')) setErrors({ url: t('exchange.errors.url') });
      else setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="card exchange-peer-form" onSubmit={(e) => void submit(e)} noValidate data-testid="exchange-peer-form">
      <h2>{editing ? t('exchange.editTitle') : t('exchange.newTitle')}</h2>
      <FormField label={t('exchange.fields.id')} error={errors.id} hint={t('exchange.hints.id')} required>
        {(control) => <input {...control} dir="ltr" value={id} disabled={Boolean(editing)} onChange={(e) => setId(e.target.value)} data-testid="peer-id" />}
      </FormField>
      <FormField label={t('exchange.fields.nameAr')} error={errors.nameAr} required>
        {(control) => <input {...control} dir="rtl" lang="ar" value={nameAr} onChange={(e) => setNameAr(e.target.value)} data-testid="peer-name-ar" />}
      </FormField>
      <FormField label={t('exchange.fields.nameFr')} error={errors.nameFr} required>
        {(control) => <input {...control} dir="ltr" lang="fr" value={nameFr} onChange={(e) => setNameFr(e.target.value)} data-testid="peer-name-fr" />}
      </FormField>
      <FormField label={t('exchange.fields.url')} error={errors.url} hint={t('exchange.hints.url')} required>
        {(control) => <input {...control} dir="ltr" type="url" value={url} onChange={(e) => setUrl(e.target.value)} data-testid="peer-url" />}
      </FormField>
      <FormField label={t('exchange.fields.publicKey')} error={errors.publicKey} hint={t('exchange.hints.publicKey')} required>
        {(control) => <textarea {...control} dir="ltr" rows={3} value={publicKey} onChange={(e) => setPublicKey(e.target.value)} data-testid="peer-key" />}
      </FormField>
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      <div className="exchange-peer-form__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="peer-save">
          {t('exchange.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('exchange.cancel')}
        </button>
      </div>
    </form>
  );
}
