import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api/api.error';
import { randomId } from '../../shared/hooks/random-id';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { letterRoute, receiptRoute } from '../../shared/routes/mail.routes';
import { FormField } from '../../shared/ui/form-field';
import { AttachmentsDrop } from './attachments.drop';
import { CorrespondentPicker } from './correspondent.picker';
import { DepartmentPicker } from './department.picker';
import { DuplicateHint } from './duplicate.hint';
import { MailFormDetails } from './mail-form.details';
import { MailFormIdentity } from './mail-form.identity';
import { initialMailForm, type MailFormState } from './mail-form.model';
import { serverFieldErrors } from './mail-form.server-errors';
import { validateMailForm, type MailFormErrors } from './mail-form.validation';
import { draftLetter, registerMail } from './mails.api';
import { NamedUsersPicker } from './named-users.picker';
import { UploadProgress } from './upload.progress';
import './mails.css';

/** The registrar's form: a mail, its correspondent, its departments and its scans. */
export function MailFormPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [form, setForm] = useState<MailFormState>(() => initialMailForm(language));
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<MailFormErrors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per submission: a retry after a lost answer must not register the mail twice.
  const idempotencyKey = useRef(randomId());
  const summary = useRef<HTMLDivElement>(null);

  const set = <K extends keyof MailFormState>(key: K, value: MailFormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    // A field being corrected loses its message (the correspondent's subfields too).
    setErrors((current) => dropErrors(current, key === 'forAction' || key === 'forInformation' ? `departments.${key}` : key));
  };

  const drafting = form.direction === 'outgoing' && form.draftInDiwan;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const validation = validateMailForm(form, t);
    if (!validation.ok) {
      setErrors(validation.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    setProgress(0);
    try {
      if (drafting) {
        const draft = await draftLetter(validation.value);
        void navigate(letterRoute(draft.id));
        return;
      }
      const mail = await registerMail(validation.value, files, idempotencyKey.current, setProgress);
      void navigate(receiptRoute(mail.id), { state: { mail } });
    } catch (error) {
      setProgress(null);
      if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 409) {
        idempotencyKey.current = randomId(); // refused, so nothing was registered
        setErrors(serverFieldErrors(error.details, t));
      }
      setFailure(errorMessage(error));
      requestAnimationFrame(() => summary.current?.focus());
    }
  }

  const busy = progress !== null;
  const errorCount = Object.keys(errors).length;
  return (
    <section className="page" aria-labelledby="mail-form-title">
      <header className="page__header">
        <h1 id="mail-form-title">{t('mailForm.title')}</h1>
        <p className="page__intro">{t('mailForm.intro')}</p>
      </header>
      <div ref={summary} tabIndex={-1} className="form-summary">
        {errorCount > 0 && (
          <p className="alert alert--error" role="alert" data-testid="mail-form-errors">
            {t('mailForm.validation.summary', { count: errorCount })}
          </p>
        )}
        {failure && (
          <p className="alert alert--error" role="alert" data-testid="mail-form-failure">
            {t('mailForm.failed', { reason: failure })}
          </p>
        )}
      </div>
      <form className="mail-form" data-testid="mail-form" noValidate onSubmit={(event) => void submit(event)}>
        <fieldset className="mail-form__body" disabled={busy}>
          <MailFormIdentity form={form} set={set} errors={errors} />
          {form.direction === 'outgoing' && (
            <div className="mail-form__draft">
              <label className="check-list__option">
                <input type="checkbox" data-testid="mail-draft-in-diwan" checked={form.draftInDiwan} onChange={(event) => set('draftInDiwan', event.target.checked)} />
                {t('mailForm.draftInDiwan')}
              </label>
              <p className="field__hint">{t('mailForm.draftInDiwanHint')}</p>
            </div>
          )}
          <CorrespondentPicker value={form.correspondent} onChange={(value) => set('correspondent', value)} errors={errors} />
          <MailFormDetails form={form} set={set} errors={errors} />
          <DuplicateHint correspondent={form.correspondent} letterReference={form.letterReference} />
          <div className="form-grid">
            <DepartmentPicker
              legend={t('mailForm.forAction')}
              testId="department-for-action"
              value={form.forAction}
              onChange={(codes) => set('forAction', codes)}
              error={errors['departments.forAction']}
            />
            <DepartmentPicker
              legend={t('mailForm.forInformation')}
              testId="department-for-information"
              value={form.forInformation}
              onChange={(codes) => set('forInformation', codes)}
              error={errors['departments.forInformation']}
            />
          </div>
          {form.confidentiality !== 'normal' && (
            <NamedUsersPicker value={form.namedUsers} onChange={(users) => set('namedUsers', users)} error={errors.namedUsers} />
          )}
          <FormField label={t('mailForm.tags')} hint={t('mailForm.tagsHint')} error={errors.tags}>
            {(control) => (
              <input
                {...control}
                className="field__input"
                dir="auto"
                value={form.tags}
                data-testid="mail-tags"
                onChange={(event) => set('tags', event.target.value)}
              />
            )}
          </FormField>
        </fieldset>
        {!drafting && <AttachmentsDrop files={files} onChange={setFiles} disabled={busy} />}
        {progress !== null && <UploadProgress fraction={progress} />}
        <div className="mail-form__actions">
          <button type="submit" className="button button--primary" data-testid="mail-submit" disabled={busy} aria-busy={busy}>
            {busy ? t('mailForm.submitting') : t(drafting ? 'mailForm.submitDraft' : 'mailForm.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function dropErrors(errors: MailFormErrors, key: string): MailFormErrors {
  const stale = Object.keys(errors).filter((field) => field === key || field.startsWith(`${key}.`));
  if (stale.length === 0) return errors;
  const next = { ...errors };
  for (const field of stale) delete next[field];
  return next;
}
