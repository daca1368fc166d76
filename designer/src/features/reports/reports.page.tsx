import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSession } from '../../shared/session/use-session';
import { FormField } from '../../shared/ui/form-field';
import { ReportDownloadButton } from './report-download.button';
import { monthFormatter, recentMonths, reportPath } from './report.months';
import './reports.css';

/**
 * Monthly reports (التقارير الشهرية): a month and a department, then the PDF or the CSV, in the
 * page's language. Admins and supervisors may take any department or all of them; a head his own.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const user = useSession()?.user;
  const { departments, nameOf } = useDepartments();
  const months = useMemo(() => recentMonths(), []);
  const nameMonth = useMemo(() => monthFormatter(language), [language]);
  const seesAll = Boolean(user?.roles.some((r) => r === 'admin' || r === 'supervisor'));
  const choices = seesAll ? departments.map((d) => d.code) : (user?.departments ?? []);
  const [month, setMonth] = useState(months[0]!);
  const [department, setDepartment] = useState(seesAll ? '' : (user?.departments[0] ?? ''));
  const [failure, setFailure] = useState<string | null>(null);
  const stem = `rapport-${department || 'administration'}-${month}`;

  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page__header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <p className="page__intro">{t('reports.intro')}</p>
      </header>
      <form className="reports__form" onSubmit={(event) => event.preventDefault()}>
        <FormField label={t('reports.month')}>
          {(control) => (
            <select {...control} className="field__input" data-testid="report-month" value={month} onChange={(event) => setMonth(event.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {nameMonth(m)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('reports.department')}>
          {(control) => (
            <select {...control} className="field__input" data-testid="report-department" value={department} onChange={(event) => setDepartment(event.target.value)}>
              {seesAll && <option value="">{t('reports.allDepartments')}</option>}
              {choices.map((code) => (
                <option key={code} value={code}>
                  {nameOf(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="reports__actions">
          <ReportDownloadButton
            path={reportPath(month, department, 'pdf')}
            label={t('reports.pdf')}
            fallbackName={`${stem}.pdf`}
            testId="report-pdf"
            primary
            onStart={() => setFailure(null)}
            onError={(error) => setFailure(errorMessage(error))}
          />
          <ReportDownloadButton
            path={reportPath(month, department, 'csv')}
            label={t('reports.csv')}
            fallbackName={`${stem}.csv`}
            testId="report-csv"
            onStart={() => setFailure(null)}
            onError={(error) => setFailure(errorMessage(error))}
          />
        </div>
        {failure && (
          <p className="field__error" role="alert">
            {failure}
          </p>
        )}
      </form>
      <p className="muted reports__note">{t('reports.note')}</p>
    </section>
  );
}
