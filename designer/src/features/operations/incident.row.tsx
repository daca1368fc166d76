import type { IncidentDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatDate } from '../../shared/i18n/format-date';
import { mailRoute } from '../../shared/routes/mail.routes';
import type { ItemOutcome } from './bulk-result';
import { useFormatAge } from './format-age';
import { OutcomeCell } from './outcome.cell';

interface IncidentRowProps {
  incident: IncidentDto;
  selected: boolean;
  onToggle: () => void;
  outcome: ItemOutcome | undefined;
  /** The version of the incident's circuit, when known. */
  version: number | undefined;
}

/** One failing step: where, which mail, why (the worker's own words, folded), since when. */
export function IncidentRow({ incident, selected, onToggle, outcome, version }: IncidentRowProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatAge = useFormatAge();
  return (
    <tr data-testid="incident-row" data-chrono={incident.mail?.chronoNumber ?? ''} data-step={incident.activityId} aria-selected={selected}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          data-testid="incident-select"
          aria-label={t('operations.incidents.select', { step: incident.stepName, mail: incident.mail?.chronoNumber ?? '' })}
        />
      </td>
      <th scope="row" dir="auto">
        {incident.stepName}
      </th>
      <td dir="auto">
        {incident.circuitName ?? t('operations.unnamedCircuit')}
        {version !== undefined && <span className="muted"> · {t('operations.version', { version })}</span>}
      </td>
      <td>
        {incident.mail ? (
          <Link to={mailRoute(incident.mail.id)} data-testid="incident-mail">
            <bdi>{incident.mail.chronoNumber}</bdi>
          </Link>
        ) : (
          <span className="muted">{t('operations.noMail')}</span>
        )}
      </td>
      <td className="operations-cause">
        <details>
          <summary>{t('operations.incidents.showCause')}</summary>
          <p className="operations-cause__text" dir="auto" data-testid="incident-cause">
            {incident.cause || t('operations.incidents.noCause')}
          </p>
        </details>
      </td>
      <td>
        <time dateTime={incident.createdAt} title={formatDate(incident.createdAt)}>
          {formatAge(incident.createdAt)}
        </time>
      </td>
      <td>
        <OutcomeCell outcome={outcome} />
      </td>
    </tr>
  );
}
