import { z } from 'zod';
import { UserModel } from '../auth/user.model.js';
import { DepartmentModel } from '../departments/department.model.js';
import { BadInputError } from '../shared/errors.js';
import { validate } from '../shared/validate.js';

const codes = z.array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)).max(20);

/** What the standard circuit's user tasks must hand back, by task definition key; other tasks pass as they are. */
const OUTPUTS: Record<string, z.ZodType> = {
  triage: z.object({ forAction: codes.min(1, 'choose at least one department for action'), forInformation: codes.optional(), instruction: z.string().max(2000).optional() }),
  assign_agent: z.object({ agent: z.string().min(1) }),
  process_mail: z.object({ opinionFrom: codes.optional(), replyDraft: z.string().max(20_000).optional(), outcome: z.string().min(1).max(40) }),
  give_opinion: z.object({ opinion: z.string().min(1).max(10_000) }),
  validate: z.object({ approved: z.boolean(), comment: z.string().max(5000).optional() }),
};

/** Checks a completion's variables: the shape, then that named departments and agents exist. */
export async function checkOutputs(taskDefinitionKey: string, candidateGroups: string[], variables: Record<string, unknown>): Promise<void> {
  const schema = OUTPUTS[taskDefinitionKey];
  if (!schema) return;
  validate(schema, variables, `${taskDefinitionKey} form`);
  const departments = [variables.forAction, variables.forInformation, variables.opinionFrom].flatMap((v) => (Array.isArray(v) ? (v as string[]) : []));
  if (departments.length) {
    const known = new Set((await DepartmentModel.find({ code: { $in: departments } }, { code: 1 }).lean()).map((d) => d.code));
    const unknown = [...new Set(departments)].filter((d) => !known.has(d));
    if (unknown.length) throw new BadInputError(`Unknown department: ${unknown.join(', ')}`, { fields: [{ field: 'departments', message: 'unknown' }] });
  }
  if (taskDefinitionKey === 'assign_agent') {
    const agent = await UserModel.findOne({ username: String(variables.agent), active: true, departments: { $in: candidateGroups } }).lean();
    if (!agent) throw new BadInputError(`${String(variables.agent)} is not an active member of ${candidateGroups.join(', ')}`, { fields: [{ field: 'agent', message: 'not a member' }] });
  }
}
