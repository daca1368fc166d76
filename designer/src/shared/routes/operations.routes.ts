import type { Role } from '@diwan/contracts';

/** The tabs of the operations page (designer/src/features/operations). */
export const OPERATIONS_TABS = ['incidents', 'deadLetters', 'reassign', 'instance', 'migration'] as const;
export type OperationsTab = (typeof OPERATIONS_TABS)[number];

/** Designer route of the operations page, on one tab. */
export function operationsRoute(tab: OperationsTab = 'incidents'): string {
  return tab === 'incidents' ? '/operations' : `/operations?tab=${tab}`;
}

/** The operations page on one mail's circuit instance (cancel, move); the mail page links here. */
export function mailOperationsRoute(mailId: string): string {
  return `/operations?tab=instance&mail=${encodeURIComponent(mailId)}`;
}

/** Who may operate (the engine allows these roles only on /api/operations). */
export function canOperate(roles: readonly Role[]): boolean {
  return roles.includes('admin') || roles.includes('supervisor');
}
