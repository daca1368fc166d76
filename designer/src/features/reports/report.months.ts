/** The months a report can be asked for: this one and the 23 before it, newest first (`YYYY-MM`). */
export function recentMonths(today = new Date(), count = 24): string[] {
  const months: string[] = [];
  let year = today.getFullYear();
  let month = today.getMonth() + 1;
  for (let i = 0; i < count; i += 1) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** "mars 2026", "مارس 2026", "March 2026": the month named in the reader's language, Latin digits. */
export function monthFormatter(language: string): (month: string) => string {
  const format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' });
  return (month) => format.format(new Date(`${month}-15T12:00:00Z`));
}

/** The report's address on the engine. */
export function reportPath(month: string, department: string, format: 'pdf' | 'csv'): string {
  const params = new URLSearchParams({ month, format });
  if (department) params.set('department', department);
  return `/api/reports/monthly?${params.toString()}`;
}
