import type { SessionUser } from '@diwan/contracts';
import { BadInputError, NotAllowedError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { say } from './report.messages.js';

const REPORTERS = new Set<string>(['admin', 'supervisor', 'head']);

/** Reports are for admins, supervisors and heads of department; nobody else. */
export function assertMayReport(viewer: SessionUser, language: Language): void {
  if (!viewer.roles.some((role) => REPORTERS.has(role))) throw new NotAllowedError(say(language, 'forbidden'));
}

/**
 * Whose report may the caller get? Admins and supervisors: any department, or the whole
 * administration (no department). Heads: their own departments only (the one they have when they
 * name none). Returns the department the report is about (undefined: all).
 */
export function reportDepartment(viewer: SessionUser, department: string | undefined, language: Language): string | undefined {
  assertMayReport(viewer, language);
  if (viewer.roles.includes('admin') || viewer.roles.includes('supervisor')) return department;
  if (department === undefined) {
    if (viewer.departments.length === 1) return viewer.departments[0];
    throw new BadInputError(say(language, 'chooseDepartment'), { fields: [{ field: 'department', message: say(language, 'chooseDepartment') }] });
  }
  if (!viewer.departments.includes(department)) throw new NotAllowedError(say(language, 'notYours'));
  return department;
}
