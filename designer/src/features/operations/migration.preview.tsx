import type { MigrationPreviewDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatNumber } from '../../shared/i18n/format-number';

/** Messages and how many instances share each: instances are never shown by their ids. */
export function groupMessages(entries: { messages: string[] }[]): { message: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of entries) for (const message of new Set(entry.messages)) counts.set(message, (counts.get(message) ?? 0) + 1);
  return [...counts].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count);
}

/** What maps where: "from step → to step (instances)", the steps that map nowhere, and the runtime's objections. */
export function MigrationPreview({ preview }: { preview: MigrationPreviewDto }) {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const problems = groupMessages(preview.problems);
  const unmappedCount = preview.unmapped.reduce((sum, row) => sum + row.instances, 0);
  return (
    <div data-testid="migration-preview">
      <p>
        {t('operations.migration.summary', {
          count: preview.instanceCount,
          n: formatNumber(preview.instanceCount),
          source: t('operations.version', { version: preview.source.version }),
          target: t('operations.version', { version: preview.target.version }),
        })}
      </p>
      <div className="table-scroll">
        <table className="operations-table" data-testid="migration-mapping">
          <caption className="visually-hidden">{t('operations.migration.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operations.migration.columns.from')}</th>
              <th scope="col" aria-hidden="true" />
              <th scope="col">{t('operations.migration.columns.to')}</th>
              <th scope="col">{t('operations.migration.columns.instances')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.mapped.map((row) => (
              <tr key={`${row.from.activityId}>${row.to.activityId}`} data-testid="migration-mapped">
                <th scope="row" dir="auto">
                  {row.from.stepName}
                </th>
                <td aria-hidden="true" className="operations-arrow">
                  →
                </td>
                <td dir="auto">{row.to.stepName}</td>
                <td className="operations-number">{formatNumber(row.instances)}</td>
              </tr>
            ))}
            {preview.unmapped.map((row) => (
              <tr key={row.activityId} className="operations-unmapped" data-testid="migration-unmapped">
                <th scope="row" dir="auto">
                  {row.stepName}
                </th>
                <td aria-hidden="true" className="operations-arrow">
                  ⚠
                </td>
                <td>
                  <strong>{t('operations.migration.noCounterpart')}</strong>
                </td>
                <td className="operations-number">{formatNumber(row.instances)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.unmapped.length > 0 && (
        <p className="alert alert--warning" data-testid="migration-unmapped-warning">
          {t('operations.migration.unmappedWarning', { count: unmappedCount, n: formatNumber(unmappedCount) })}
        </p>
      )}
      {problems.length > 0 && (
        <div className="alert alert--error" data-testid="migration-problems">
          <p className="alert__title">{t('operations.migration.problems')}</p>
          <ul>
            {problems.map(({ message, count }) => (
              <li key={message}>
                <span dir="auto">{message}</span> <span className="muted">({t('operations.migration.instances', { count, n: formatNumber(count) })})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
