import type { Role } from '@diwan/contracts';

/**
 * Which navigation items each role sees. The engine enforces the rights; this only keeps the
 * menu to what a role can use. Everyone has the inbox.
 */
const NAV_ROLES: Record<'newMail' | 'registry' | 'dashboard' | 'reports' | 'operations' | 'circuits' | 'modeler' | 'mailTypes' | 'exchange', readonly Role[]> = {
  newMail: ['registrar', 'admin'],
  registry: ['registrar', 'admin', 'supervisor', 'cabinet'],
  // The supervision dashboard: the whole administration's figures.
  dashboard: ['admin', 'supervisor', 'head'],
  // Monthly reports: any department for admins and supervisors, a head's own departments.
  reports: ['admin', 'supervisor', 'head'],
  // Incidents, dead letters, bulk reassignment, cancel/move, migration (the engine allows these two).
  operations: ['admin', 'supervisor'],
  // Supervisors open circuits for their live view.
  circuits: ['admin', 'supervisor'],
  // Process owners draw and deploy circuits.
  modeler: ['admin'],
  // Mail types bind mail to circuits: the process owners' settings.
  mailTypes: ['admin'],
  // The directory of administrations we exchange mail with.
  exchange: ['admin'],
};

export function canSee(roles: readonly Role[], item: keyof typeof NAV_ROLES): boolean {
  return roles.some((role) => NAV_ROLES[item].includes(role));
}
