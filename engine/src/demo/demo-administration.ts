import type { Role } from '@diwan/contracts';
import { AuthService } from '../auth/auth.service.js';
import { UserModel } from '../auth/user.model.js';
import { CorrespondentModel } from '../correspondents/correspondent.model.js';
import { DepartmentModel, type Department } from '../departments/department.model.js';
import { searchTextOf } from '../search/normalize.js';
import type { Logger } from '../shared/logger.js';

/** A small demo municipality: its departments (candidate groups) and one user per role. */
export const DEMO_DEPARTMENTS: Department[] = [
  { code: 'presidency', name: { ar: 'رئاسة البلدية', fr: 'Présidence', en: 'Presidency' }, parentCode: null },
  { code: 'cabinet', name: { ar: 'الديوان', fr: 'Cabinet', en: 'Cabinet' }, parentCode: 'presidency' },
  { code: 'registry', name: { ar: 'مكتب الضبط', fr: "Bureau d'ordre", en: 'Registry office' }, parentCode: 'presidency' },
  { code: 'urbanism', name: { ar: 'مصلحة التعمير', fr: "Service de l'urbanisme", en: 'Urban planning' }, parentCode: 'presidency' },
  { code: 'finance', name: { ar: 'مصلحة المالية', fr: 'Service financier', en: 'Finance' }, parentCode: 'presidency' },
  { code: 'supervision', name: { ar: 'المتابعة والمراقبة', fr: 'Supervision', en: 'Supervision' }, parentCode: 'presidency' },
];

/** A few correspondents for the registration form's autocomplete. */
export const DEMO_CORRESPONDENTS = [
  { kind: 'citizen', name: 'محمد بن علي · Mohamed Ben Ali', nationalId: '08123456', phone: '+216 98 123 456', city: 'Sfax' },
  { kind: 'citizen', name: 'Fatima Zahra El Idrissi · فاطمة الزهراء الإدريسي', nationalId: 'BK123456', city: 'Salé' },
  { kind: 'company', name: 'Société Tunisienne d’Électricité et du Gaz (STEG) · الشركة التونسية للكهرباء والغاز', registrationNumber: 'B0012345', email: 'contact@steg.example' },
  { kind: 'administration', name: "Ministère de l'Intérieur · وزارة الداخلية", email: 'courrier@interieur.example' },
] as const;

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; departments: string[]; language: 'ar' | 'fr' | 'en' }[] = [
  { username: 'admin', displayName: 'Administrateur · المشرف', roles: ['admin'], departments: [], language: 'fr' },
  { username: 'registrar', displayName: 'Amina Ben Salah · أمينة بن صالح', roles: ['registrar'], departments: ['registry'], language: 'ar' },
  { username: 'cabinet', displayName: 'Karim Trabelsi · كريم الطرابلسي', roles: ['cabinet'], departments: ['cabinet'], language: 'ar' },
  { username: 'head', displayName: 'Leila Haddad · ليلى الحداد', roles: ['head'], departments: ['urbanism'], language: 'fr' },
  { username: 'agent', displayName: 'Youssef Gharbi · يوسف الغربي', roles: ['agent'], departments: ['urbanism'], language: 'fr' },
  { username: 'president', displayName: 'Hédi Ayari · الهادي العياري', roles: ['head'], departments: ['presidency'], language: 'ar' },
  { username: 'supervisor', displayName: 'Nadia Mansouri · نادية المنصوري', roles: ['supervisor'], departments: ['supervision'], language: 'en' },
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
  // Escalation tasks go to the supervision group: a data folder seeded before it existed catches up.
  await UserModel.updateOne({ username: 'supervisor' }, { $addToSet: { departments: 'supervision' } });
  for (const c of DEMO_CORRESPONDENTS) {
    const key = 'nationalId' in c ? { nationalId: c.nationalId } : 'registrationNumber' in c ? { registrationNumber: c.registrationNumber } : { email: c.email };
    const searchText = searchTextOf(c.name, 'nationalId' in c ? c.nationalId : null, 'registrationNumber' in c ? c.registrationNumber : null, 'email' in c ? c.email : null, 'city' in c ? c.city : null);
    await CorrespondentModel.updateOne({ kind: c.kind, ...key }, { $setOnInsert: { ...c, searchText } }, { upsert: true });
  }
  logger.info({ users: DEMO_USERS.map((u) => u.username), created }, 'demo administration ready');
}
