import type { Role } from '@diwan/contracts';
import { AuthService } from '../auth/auth.service.js';
import { UserModel } from '../auth/user.model.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import type { Logger } from '../shared/logger.js';

/** A small demo municipality: its departments (candidate groups) and one user per role. */
export const DEMO_DEPARTMENTS: Department[] = [
  { code: 'presidency', name: { ar: 'رئاسة البلدية', fr: 'Présidence', en: 'Presidency' }, parentCode: null },
  { code: 'cabinet', name: { ar: 'الديوان', fr: 'Cabinet', en: 'Cabinet' }, parentCode: 'presidency' },
  { code: 'registry', name: { ar: 'مكتب الضبط', fr: "Bureau d'ordre", en: 'Registry office' }, parentCode: 'presidency' },
  { code: 'urbanism', name: { ar: 'مصلحة التعمير', fr: "Service de l'urbanisme", en: 'Urban planning' }, parentCode: 'presidency' },
  { code: 'finance', name: { ar: 'مصلحة المالية', fr: 'Service financier', en: 'Finance' }, parentCode: 'presidency' },
];

export const DEMO_USERS: { username: Role; displayName: string; roles: Role[]; departments: string[]; language: 'ar' | 'fr' | 'en' }[] = [
  { username: 'admin', displayName: 'Administrateur · المشرف', roles: ['admin'], departments: [], language: 'fr' },
  { username: 'registrar', displayName: 'Amina Ben Salah · أمينة بن صالح', roles: ['registrar'], departments: ['registry'], language: 'ar' },
  { username: 'cabinet', displayName: 'Karim Trabelsi · كريم الطرابلسي', roles: ['cabinet'], departments: ['cabinet'], language: 'ar' },
  { username: 'head', displayName: 'Leila Haddad · ليلى الحداد', roles: ['head'], departments: ['urbanism'], language: 'fr' },
  { username: 'agent', displayName: 'Youssef Gharbi · يوسف الغربي', roles: ['agent'], departments: ['urbanism'], language: 'fr' },
  { username: 'supervisor', displayName: 'Nadia Mansouri · نادية المنصوري', roles: ['supervisor'], departments: [], language: 'en' },
];

/**
 * Seeds the demo administration once; a later start keeps what is there
 * (including changed passwords). Never called in production.
 */
export async function seedDemoAdministration(password: string, logger: Logger): Promise<void> {
  for (const department of DEMO_DEPARTMENTS) {
    await DepartmentModel.updateOne({ code: department.code }, { $setOnInsert: department }, { upsert: true });
  }
  const passwordHash = await AuthService.hashPassword(password);
  let created = 0;
  for (const user of DEMO_USERS) {
    const result = await UserModel.updateOne(
      { username: user.username },
      { $setOnInsert: { ...user, passwordHash, active: true } },
      { upsert: true },
    );
    created += result.upsertedCount;
  }
  logger.info({ users: DEMO_USERS.map((u) => u.username), created }, 'demo administration ready');
}
