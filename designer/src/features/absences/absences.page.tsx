import type { AbsenceDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { absencesPath } from '../../shared/absences/absences.api';
import { ReplacingBanner } from '../../shared/absences/replacing.banner';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useSession } from '../../shared/session/use-session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { useAbsenceError } from './absence-error';
import { endAbsence } from './absences.api';
import { AbsencesTable } from './absences.table';
import { DeclareAbsenceForm } from './declare.form';
import './absences.css';

/**
 * Absences (الغيابات): declare one with a substitute, see one's own and those where one replaces
 * someone; a head sees their department's (admins and supervisors everyone's); end one early or
 * cancel one to come. The engine moves the tasks.
 */
export function AbsencesPage() {
  const { t } = useTranslation();
  const absenceError = useAbsenceError();
  const user = useSession()?.user;
  const me = user?.username ?? '';
  const absences = useApiQuery<AbsenceDto[]>(absencesPath);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);

  async function end(absence: AbsenceDto) {
    setBusyId(absence.id);
    setOutcome(null);
    try {
      const ended = await endAbsence(absence.id);
      setOutcome({ text: t(ended.status === 'cancelled' ? 'absences.cancelled' : 'absences.ended', { person: ended.person.displayName }), failed: false });
      absences.refresh();
      // the tasks go back in the background: show how many once the engine has done it
      window.setTimeout(absences.refresh, 3_000);
    } catch (error) {
      setOutcome({ text: absenceError(error), failed: true });
    } finally {
      setBusyId(null);
    }
  }

  const all = absences.status === 'success' ? absences.data : [];
  const mine = all.filter((a) => a.person.username === me);
  const replacing = all.filter((a) => a.substitute.username === me);
  const others = all.filter((a) => a.person.username !== me && a.substitute.username !== me);
  const seesDepartment = Boolean(user?.roles.some((r) => r === 'head' || r === 'admin' || r === 'supervisor'));
  const table = (list: AbsenceDto[], caption: string, showPerson: boolean, testId: string, empty: string) =>
    list.length === 0 ? (
      <p className="empty">{empty}</p>
    ) : (
      <div className="absences-scroll">
        <AbsencesTable absences={list} caption={caption} showPerson={showPerson} busyId={busyId} onEnd={(a) => void end(a)} testId={testId} />
      </div>
    );

  return (
    <section className="page page--wide" aria-labelledby="absences-title">
      <header className="page__header">
        <h1 id="absences-title">{t('absences.title')}</h1>
        <p className="page__intro">{t('absences.intro')}</p>
      </header>
      <ReplacingBanner />
      <DeclareAbsenceForm
        onDeclared={(absence) => {
          setOutcome({ text: t('absences.declared', { person: absence.person.displayName, substitute: absence.substitute.displayName }), failed: false });
          absences.refresh();
          window.setTimeout(absences.refresh, 3_000);
        }}
      />
      {outcome && (
        <p className={outcome.failed ? 'field__error' : 'muted'} role={outcome.failed ? 'alert' : 'status'} data-testid="absence-outcome">
          {outcome.text}
        </p>
      )}
      {absences.status === 'loading' && <Loading>{t('absences.loading')}</Loading>}
      {absences.status === 'error' && <ErrorMessage title={t('absences.loadFailed')} error={absences.error} onRetry={absences.retry} />}
      {absences.status === 'success' && (
        <>
          <section className="absences__section" aria-labelledby="absences-mine">
            <h2 id="absences-mine">{t('absences.mine')}</h2>
            {table(mine, t('absences.mineCaption'), false, 'absences-mine', t('absences.noneMine'))}
          </section>
          {replacing.length > 0 && (
            <section className="absences__section" aria-labelledby="absences-replacing">
              <h2 id="absences-replacing">{t('absences.replacing')}</h2>
              {table(replacing, t('absences.replacingCaption'), true, 'absences-replacing', '')}
            </section>
          )}
          {seesDepartment && (
            <section className="absences__section" aria-labelledby="absences-department">
              <h2 id="absences-department">{t(user?.roles.includes('head') ? 'absences.department' : 'absences.everyone')}</h2>
              {table(others, t('absences.departmentCaption'), true, 'absences-department', t('absences.noneDepartment'))}
            </section>
          )}
        </>
      )}
    </section>
  );
}
