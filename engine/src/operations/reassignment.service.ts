import type { BulkResultDto, ReassignTasks, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { RuntimeTask } from '../runtime/runtime.types.js';
import { DiwanError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { isCandidate } from '../tasks/user-task.rights.js';
import { activeUser, displayNames } from '../users/user.service.js';
import type { OperationsLookup } from './operations.lookup.js';
import { badField, say } from './operations.messages.js';

const PAGE = 200;

/**
 * Bulk reassignment (everything of an absent person, or some of it): each open user task held by
 * `from` goes to `to`, who must be an active candidate for it. Done in the runtime; the bridge's
 * assignment event moves the task between the two inboxes. Audited per task, with the reason.
 */
export class ReassignmentService {
  constructor(private readonly lookup: OperationsLookup) {}

  async reassign(user: SessionUser, input: ReassignTasks, language: Language): Promise<BulkResultDto> {
    const from = input.from.toLowerCase();
    const to = input.to.toLowerCase();
    if (from === to) throw badField(language, 'to', 'sameUser');
    const target = await activeUser(to);
    if (!target) throw badField(language, 'to', 'inactiveUser');
    const tasks = input.taskIds ? await this.someTasks([...new Set(input.taskIds)]) : await this.allTasksOf(from);
    if (!input.taskIds && !tasks.size && !(await displayNames([from])).has(from)) throw badField(language, 'from', 'unknownUser');

    const result: BulkResultDto = { done: [], failed: [] };
    const held = [...tasks.values()].filter((t): t is RuntimeTask => t !== null && t.assignee === from);
    const instances = await this.lookup.runtime.processInstancesByIds([...new Set(held.map((t) => t.processInstanceId))]);
    const businessKeys = new Map(instances.map((p) => [p.id, p.businessKey]));
    for (const [id, task] of tasks) {
      if (!task || task.assignee !== from) {
        result.failed.push({ id, message: say(language, 'taskNotHeld', { u: from }) });
        continue;
      }
      try {
        const model = await this.lookup.model(task.processDefinitionId).catch(() => null);
        const names = model?.node(task.taskDefinitionKey)?.names ?? null;
        const links = await this.lookup.runtime.taskIdentityLinks(id);
        const candidates = {
          id,
          assignee: task.assignee,
          candidateUsers: links.filter((l) => l.type === 'candidate' && l.userId).map((l) => l.userId!),
          candidateGroups: links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId!),
        };
        if (!isCandidate(target, candidates)) {
          result.failed.push({ id, message: say(language, 'notCandidate', { u: target.username, s: this.lookup.stepName(model, task.taskDefinitionKey, language) }) });
          continue;
        }
        await this.lookup.runtime.setTaskAssignee(id, target.username);
        await record({
          actor: user.username,
          action: 'userTask.reassigned',
          mailId: this.lookup.mailIdOf(businessKeys.get(task.processInstanceId)),
          details: { userTaskId: id, taskDefinitionKey: task.taskDefinitionKey, processInstanceId: task.processInstanceId, names, from, to: target.username, reason: input.reason },
        });
        result.done.push(id);
      } catch (err) {
        if (!(err instanceof DiwanError)) throw err;
        result.failed.push({ id, message: say(language, err instanceof NotFoundError ? 'taskNotHeld' : 'runtimeRefused', { u: from, x: err.message }) });
      }
    }
    return result;
  }

  /** The named tasks as the runtime has them (null: no open task with that id). */
  private async someTasks(ids: string[]): Promise<Map<string, RuntimeTask | null>> {
    const tasks = new Map<string, RuntimeTask | null>();
    for (const id of ids) {
      tasks.set(
        id,
        await this.lookup.runtime.task(id).catch((err: unknown) => {
          if (err instanceof NotFoundError) return null;
          throw err;
        }),
      );
    }
    return tasks;
  }

  /** Every open task assigned to the user, oldest first. */
  private async allTasksOf(username: string): Promise<Map<string, RuntimeTask | null>> {
    const tasks = new Map<string, RuntimeTask | null>();
    for (let first = 0; ; first += PAGE) {
      const page = await this.lookup.runtime.tasksAssignedTo(username, first, PAGE);
      for (const task of page) tasks.set(task.id, task);
      if (page.length < PAGE) return tasks;
    }
  }
}
