import type { DashboardFilters } from './dashboard.query';

export type OpenState = 'open' | 'overdue' | 'atRisk';

export interface OpenMailsScope {
  department?: string;
  assignee?: string;
  state: OpenState;
}

/**
 * The register (`/registry`) filtered to exactly the mails a dashboard count counts: open ones
 * (with an open task), late or at risk, of a department or a person, within the dashboard's
 * circuit and mail type filters.
 */
export function openMailsRoute(scope: OpenMailsScope, filters: DashboardFilters): string {
  const params = new URLSearchParams({ work: scope.state });
  if (scope.state === 'atRisk') params.set('riskDays', String(filters.riskDays));
  const department = scope.department ?? filters.department;
  if (department) params.set('openIn', department);
  if (scope.assignee) params.set('assignee', scope.assignee);
  if (filters.circuit) params.set('circuit', filters.circuit);
  if (filters.mailType) params.set('mailType', filters.mailType);
  // the most urgent first
  params.set('sort', 'dueDate');
  return `/registry?${params.toString()}`;
}
