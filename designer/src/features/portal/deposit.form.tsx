import type { PortalDepositInput, PortalOptionsDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { useFormatNumber } from '../../shared/i18n/format-number';

export type DepositDraft = Omit<PortalDepositInput, 'challenge' | 'nonce'>;

interface Props {
  options: PortalOptionsDto;
  busy: boolean;
  onSubmit: (draft: DepositDraft, files: File[]) => void;
}

/** The deposit form: identity, the correspondence, its addressee and type, files, and where the code goes. */
export function DepositForm({ options, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatNumber = useFormatNumber();
  const [files, setFiles] = useState<File[]>([]);
  const [channel, setChannel] = useState<'sms' | 'email'>('sms');
  const [kind, setKind] = useState<'citizen' | 'company'>('citizen');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '');
    onSubmit(
      {
        identity: { kind, nationalId: text('nationalId'), name: text('name'), phone: text('phone'), email: text('email') },
        subject: text('subject'),
        text: text('text'),
        department: text('department'),
        mailType: text('mailType'),
        language,
        channel,
        website: text('website'),
      },
      files,
    );
  }

  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label className="field__label" htmlFor={`portal-${name}`}>
        {label}
      </label>
      <input id={`portal-${name}`} name={name} className="field__input" required {...props} data-testid={`portal-${name}`} />
    </div>
  );

  return (
    <form className="portal__form" onSubmit={submit} data-testid="portal-form">
      <fieldset>
        <legend>{t('portal.identity')}</legend>
        <div className="portal__radio" role="radiogroup" aria-label={t('portal.kind')}>
          {(['citizen', 'company'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} /> {t(`portal.kinds.${k}`)}
            </label>
          ))}
        </div>
        {field('nationalId', kind === 'company' ? t('portal.registrationNumber') : t('portal.nationalId'), { inputMode: 'numeric', dir: 'ltr', autoComplete: 'off', pattern: '[0-9A-Za-z]{5,20}' })}
        {field('name', t('portal.name'), { autoComplete: 'name', minLength: 2, maxLength: 200 })}
        {field('phone', t('portal.phone'), { type: 'tel', dir: 'ltr', autoComplete: 'tel', inputMode: 'tel' })}
        {field('email', t('portal.email'), { type: 'email', dir: 'ltr', autoComplete: 'email' })}
      </fieldset>
      <fieldset>
        <legend>{t('portal.correspondence')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="portal-department">
            {t('portal.department')}
          </label>
          <select id="portal-department" name="department" className="field__input" required data-testid="portal-department" defaultValue="">
            <option value="" disabled>
              {t('portal.choose')}
            </option>
            {options.departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="portal-mailType">
            {t('portal.mailType')}
          </label>
          <select id="portal-mailType" name="mailType" className="field__input" required data-testid="portal-mailType" defaultValue="">
            <option value="" disabled>
              {t('portal.choose')}
            </option>
            {options.mailTypes.map((m) => (
              <option key={m.code} value={m.code}>
                {m.label[language]}
              </option>
            ))}
          </select>
        </div>
        {field('subject', t('portal.subject'), { minLength: 3, maxLength: 300 })}
        <div className="field">
          <label className="field__label" htmlFor="portal-text">
            {t('portal.text')}
          </label>
          <textarea id="portal-text" name="text" className="field__input" rows={6} required maxLength={5000} data-testid="portal-text" />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="portal-files">
            {t('portal.files')}
          </label>
          <input id="portal-files" type="file" multiple accept={options.limits.extensions.join(',')} onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="portal-files" />
          <p className="muted">{t('portal.filesHint', { count: options.limits.maxFiles, size: formatNumber(options.limits.maxFileBytes / 1024 / 1024), types: options.limits.extensions.join(' ') })}</p>
        </div>
      </fieldset>
      <div className="portal__honeypot" aria-hidden="true">
        <label htmlFor="portal-website">Website</label>
        <input id="portal-website" name="website" tabIndex={-1} autoComplete="off" />
      </div>
      <fieldset>
        <legend>{t('portal.codeBy')}</legend>
        <div className="portal__radio">
          {(['sms', 'email'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="channel" checked={channel === c} onChange={() => setChannel(c)} data-testid={`portal-channel-${c}`} /> {t(`portal.channels.${c}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="portal__actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="portal-submit">
          {busy ? t('portal.sending') : t('portal.submit')}
        </button>
      </div>
    </form>
  );
}
