import type { AbsenceDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { usePeriodFormat } from './absence.period';

interface AbsencesTableProps {
  absences: AbsenceDto[];
  caption: string;
  /** Shows who is away (a department's list); one's own list doesn't need it. */
  showPerson: boolean;
  busyId: string | null;
  onEnd: (absence: AbsenceDto) => void;
  testId: string;
}

/** Absences with their period on the administration's clock, their status, the tasks moved, and "end" or "cancel". */
export function AbsencesTable({ absences, caption, showPerson, busyId, onEnd, testId }: AbsencesTableProps) {
  const { t } = useTranslation();
  const when = usePeriodFormat();
  return (
    <table className="absences-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {showPerson && <th scope="col">{t('absences.columns.person')}</th>}
          <th scope="col">{t('absences.columns.substitute')}</th>
          <th scope="col">{t('absences.columns.from')}</th>
          <th scope="col">{t('absences.columns.until')}</th>
          <th scope="col">{t('absences.columns.status')}</th>
          <th scope="col">{t('absences.columns.tasks')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('absences.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {absences.map((absence) => (
          <tr key={absence.id} data-testid="absence-row" data-status={absence.status}>
            {showPerson && <td dir="auto">{absence.person.displayName}</td>}
            <td dir="auto">{absence.substitute.displayName}</td>
            <td>{when(absence, 'from')}</td>
            <td>{when(absence, 'until')}</td>
            <td>
              <span className={`badge absences__status absences__status--${absence.status}`}>{t(`absences.status.${absence.status}`)}</span>
              {absence.reason && (
                <span className="muted absences__reason" dir="auto">
                  {absence.reason}
                </span>
              )}
            </td>
            <td>
              {absence.status === 'current' && t('absences.tasksMoved', { moved: absence.tasksMoved })}
              {absence.status === 'ended' && t('absences.tasks', { moved: absence.tasksMoved, returned: absence.tasksReturned })}
            </td>
            <td>
              {absence.canEnd && (
                <button type="button" className="button button--secondary button--small" disabled={busyId === absence.id} onClick={() => onEnd(absence)} data-testid="absence-end">
                  {absence.status === 'upcoming' ? t('absences.cancel') : t('absences.end')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
