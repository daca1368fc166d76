import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FiguresTableProps {
  caption: string;
  /** The first header names the rows, the others the columns. */
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId?: string;
}

/** A chart's numbers as a table, behind a "show as a table" disclosure (the chart's text alternative). */
export function FiguresTable({ caption, headers, rows, testId }: FiguresTableProps) {
  const { t } = useTranslation();
  return (
    <details className="figures-table">
      <summary>{t('dashboard.showTable')}</summary>
      <div className="dashboard-table__scroll">
        <FiguresGrid caption={caption} headers={headers} rows={rows} testId={testId} />
      </div>
    </details>
  );
}

/** The table itself, also used in the open without a disclosure. */
export function FiguresGrid({ caption, headers, rows, testId }: FiguresTableProps) {
  return (
    <table className="dashboard-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {headers.map((header, index) => (
            <th key={header} scope="col" className={index > 0 ? 'dashboard-table__number' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index} className="dashboard-table__number">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
