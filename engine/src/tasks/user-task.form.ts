import type { UserTaskDto } from '@diwan/contracts';
import { UserModel } from '../auth/user.model.js';
import { DepartmentModel } from '../departments/department.model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { fromVariables } from '../runtime/runtime.variables.js';

export interface FormOption {
  value: string;
  label: string;
}

export interface UserTaskForm {
  /** The Camunda Form (form-js JSON) of the task, or null when it has none. */
  schema: Record<string, unknown> | null;
  /** Current variables, plus the option lists the form's pickers name by `valuesKey`. */
  data: Record<string, unknown> & { departmentOptions: FormOption[]; agentOptions: FormOption[] };
}

/** The form of a user task with what it shows: the circuit's variables and the department and agent pickers. */
export async function userTaskForm(runtime: RuntimeClient, task: UserTaskDto): Promise<UserTaskForm> {
  const [schema, variables, departments, agents] = await Promise.all([
    runtime.deployedForm(task.id),
    runtime.taskVariables(task.id),
    DepartmentModel.find({}, { code: 1, name: 1 }).sort({ code: 1 }).lean(),
    UserModel.find({ active: true, departments: { $in: task.candidateGroups } }, { username: 1, displayName: 1 }).sort({ username: 1 }).lean(),
  ]);
  return {
    schema,
    data: {
      ...fromVariables(variables),
      departmentOptions: departments.map((d) => ({ value: d.code, label: `${d.name.fr} · ${d.name.ar}` })),
      agentOptions: agents.map((u) => ({ value: u.username, label: u.displayName })),
    },
  };
}
