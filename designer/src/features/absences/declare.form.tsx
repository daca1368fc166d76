import type { AbsenceDto, SubstituteDto } from '@diwan/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { substitutesPath } from '../../shared/absences/absences.api';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useUsers } from '../../shared/directory/use-users';
import { useSession } from '../../shared/session/use-session';
import { FormField } from '../../shared/ui/form-field';
import { useAbsenceError } from './absence-error';
import { declareAbsence } from './absences.api';

interface DeclareFormProps {
  onDeclared: (absence: AbsenceDto) => void;
}

/**
 * Declare an absence: who (oneself; a head someone of their department, an admin anyone), the
 * period on the administration's clock, and a substitute among the person's colleagues.
 */
export function DeclareAbsenceForm({ onDeclared }: DeclareFormProps) {
  const { t } = useTranslation();
  const absenceError = useAbsenceError();
  const user = useSession()?.user;
  const me = user?.username ?? '';
  const isAdmin = Boolean(user?.roles.includes('admin'));
  const isHead = Boolean(user?.roles.includes('head'));
  const users = useUsers();
  const others = users.status === 'success' ? users.data.filter((u) => u.username !== me && (isAdmin || (isHead && u.departments.some((d) => user?.departments.includes(d))))) : [];
  const [person, setPerson] = useState(me);
  const substitutes = useApiQuery<SubstituteDto[]>(substitutesPath(person === me ? undefined : person));
  const [substitute, setSubstitute] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const absence = await declareAbsence({ ...(person !== me ? { username: person } : {}), substitute, from, to, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setSubstitute('');
      setFrom('');
      setTo('');
      setReason('');
      onDeclared(absence);
    } catch (error) {
      setFailure(absenceError(error));
    } finally {
      setBusy(false);
    }
  }

  const choices = substitutes.status === 'success' ? substitutes.data : [];
  return (
    <form className="absences__form" onSubmit={(event) => void submit(event)} data-testid="absence-form" aria-labelledby="absence-form-title">
      <h2 id="absence-form-title">{t('absences.declare.title')}</h2>
      <div className="form-grid">
        {others.length > 0 && (
          <FormField label={t('absences.declare.person')}>
            {(control) => (
              <select
                {...control}
                data-testid="absence-person"
                value={person}
                onChange={(event) => {
                  setPerson(event.target.value);
                  setSubstitute('');
                }}
              >
                <option value={me}>{t('absences.declare.myself')}</option>
                {others.map((u) => (
                  <option key={u.username} value={u.username}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        )}
        <FormField label={t('absences.declare.substitute')} required hint={choices.length === 0 && substitutes.status === 'success' ? t('absences.declare.noSubstitute') : t('absences.declare.substituteHint')}>
          {(control) => (
            <select {...control} data-testid="absence-substitute" required value={substitute} onChange={(event) => setSubstitute(event.target.value)}>
              <option value="">{t('absences.declare.choose')}</option>
              {choices.map((u) => (
                <option key={u.username} value={u.username}>
                  {u.displayName}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('absences.declare.from')} required>
          {(control) => <input {...control} type="datetime-local" data-testid="absence-from" required value={from} onChange={(event) => setFrom(event.target.value)} />}
        </FormField>
        <FormField label={t('absences.declare.to')} required>
          {(control) => <input {...control} type="datetime-local" data-testid="absence-to" required min={from || undefined} value={to} onChange={(event) => setTo(event.target.value)} />}
        </FormField>
        <FormField label={t('absences.declare.reason')} hint={t('absences.declare.reasonHint')}>
          {(control) => <input {...control} type="text" data-testid="absence-reason" maxLength={300} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </FormField>
      </div>
      <p className="field__hint">{t('absences.declare.clock')}</p>
      <div className="absences__actions">
        <button type="submit" className="button" disabled={busy || !substitute || !from || !to} data-testid="absence-declare">
          {busy ? t('absences.declare.sending') : t('absences.declare.submit')}
        </button>
      </div>
      {failure && (
        <p className="field__error" role="alert" data-testid="absence-error">
          {failure}
        </p>
      )}
    </form>
  );
}
