import { Schema, model } from 'mongoose';

/**
 * A department (service / direction, مصلحة / مديرية). Departments form a tree,
 * and a department's code is the runtime's candidate group.
 */
export interface Department {
  code: string;
  name: { ar: string; fr: string; en: string };
  parentCode: string | null;
}

const departmentSchema = new Schema<Department>(
  {
    code: { type: String, required: true, unique: true, match: /^[a-z][a-z0-9-]{1,40}$/ },
    name: {
      ar: { type: String, required: true },
      fr: { type: String, required: true },
      en: { type: String, required: true },
    },
    parentCode: { type: String, default: null },
  },
  { timestamps: true },
);

export const DepartmentModel = model<Department>('Department', departmentSchema);
