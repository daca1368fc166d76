import type { I18nText } from '@diwan/contracts';
import { DepartmentModel } from './department.model.js';

/** Every department's name in each language, by code. */
export async function departmentNames(): Promise<Map<string, I18nText>> {
  const departments = await DepartmentModel.find({}, { code: 1, name: 1 }).sort({ code: 1 }).lean();
  return new Map(departments.map((d) => [d.code, { ar: d.name.ar, fr: d.name.fr, en: d.name.en }]));
}

/** The name of the department at the root of the tree (the administration itself, as the org chart says), if there is one. */
export async function rootDepartmentName(): Promise<I18nText | null> {
  const root = await DepartmentModel.findOne({ parentCode: null }, { name: 1 }).sort({ code: 1 }).lean();
  return root ? { ar: root.name.ar, fr: root.name.fr, en: root.name.en } : null;
}
