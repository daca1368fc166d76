import { Router } from 'express';
import type { DepartmentDto } from '@diwan/contracts';
import { DepartmentModel } from './department.model.js';

/** GET /api/departments: the department tree as a flat list (parentCode links), for pickers. */
export function departmentRoutes(): Router {
  const router = Router();
  router.get('/departments', async (_req, res) => {
    const departments = await DepartmentModel.find({}).sort({ code: 1 }).lean();
    const dtos: DepartmentDto[] = departments.map((d) => ({ code: d.code, name: { ar: d.name.ar, fr: d.name.fr, en: d.name.en }, parentCode: d.parentCode ?? null }));
    res.json(dtos);
  });
  return router;
}

/** The codes among `codes` that name no department. */
export async function unknownDepartments(codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = new Set((await DepartmentModel.find({ code: { $in: codes } }, { code: 1 }).lean()).map((d) => d.code));
  return codes.filter((c) => !known.has(c));
}
