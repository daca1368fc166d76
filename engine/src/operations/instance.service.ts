import type { InstanceOperationsDto, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { CircuitModel } from '../circuits/circuit-model.js';
import type { ActivityInstanceTree, ModificationInstruction, ProcessInstance } from '../runtime/runtime.types.js';
import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { repeatedScopes, type RepeatedSteps } from './instance.scopes.js';
import type { OperationsLookup } from './operations.lookup.js';
import { badField, say } from './operations.messages.js';

/** Where an instance may be moved: its tasks, events, gateways and sub-processes (not boundary events, which wait on their activity). */
const MOVABLE = /Task$|^task$|Event$|Gateway$|^subProcess$|^callActivity$|^transaction$/;
const movable = (type: string) => MOVABLE.test(type) && type !== 'boundaryEvent';

/** The leaves of an activity-instance tree: what is running now (activity or transition instances). */
function leavesOf(tree: ActivityInstanceTree): { id: string; activityId: string; transition: boolean }[] {
  const transitions = tree.childTransitionInstances.map((t) => ({ id: t.id, activityId: t.activityId, transition: true }));
  const children = tree.childActivityInstances.flatMap((child) =>
    child.childActivityInstances.length || child.childTransitionInstances.length ? leavesOf(child) : [{ id: child.id, activityId: child.activityId, transition: false }],
  );
  return [...children, ...transitions];
}

/** Every activity running in the tree, scopes included (sub-processes, multi-instance bodies). */
function runningActivities(tree: ActivityInstanceTree, into = new Set<string>()): Set<string> {
  for (const child of tree.childActivityInstances) runningActivities(child, into.add(child.activityId));
  for (const t of tree.childTransitionInstances) into.add(t.activityId);
  return into;
}

/** One instance as an operator sees it, cancelled or moved to another step, with a reason. */
export class InstanceService {
  private readonly scopes = new Map<string, Promise<RepeatedSteps>>();

  constructor(private readonly lookup: OperationsLookup) {}

  /** The steps of this circuit version a move may reach now: movable, and not inside a repeated sub-process that isn't running. */
  private async reachable(definitionId: string, tree: ActivityInstanceTree): Promise<{ reaches: (activityId: string, type: string) => boolean; repeated: Set<string> }> {
    let scopes = this.scopes.get(definitionId);
    if (!scopes) {
      scopes = this.lookup.runtime.processDefinitionXml(definitionId).then(({ bpmn20Xml }) => repeatedScopes(bpmn20Xml));
      scopes.catch(() => this.scopes.delete(definitionId));
      if (this.scopes.size > 200) this.scopes.delete(this.scopes.keys().next().value!);
      this.scopes.set(definitionId, scopes);
    }
    const { scopeOf, repeated } = await scopes;
    const running = runningActivities(tree);
    const reaches = (activityId: string, type: string) => {
      const scope = scopeOf.get(activityId) ?? null;
      return movable(type) && (scope === null || running.has(scope));
    };
    return { reaches, repeated };
  }

  async get(id: string, language: Language): Promise<InstanceOperationsDto> {
    const instance = await this.running(id, language);
    const definition = await this.lookup.definition(instance.definitionId);
    const model = await this.lookup.model(instance.definitionId);
    const tree = await this.lookup.runtime.activityInstanceTree(id);
    const leaves = leavesOf(tree);
    const { reaches } = await this.reachable(instance.definitionId, tree);
    const mail = (await this.lookup.mails([instance.businessKey])).get(instance.businessKey ?? '') ?? null;
    const step = (activityId: string) => ({ activityId, stepName: this.lookup.stepName(model, activityId, language) });
    return {
      id,
      processDefinitionId: instance.definitionId,
      circuitKey: definition.key,
      mail,
      active: [...new Set(leaves.map((l) => l.activityId))].map(step),
      // named steps only: a step without a name means nothing to the person choosing
      targets: [...model.nodes.values()].filter((n) => n.names && reaches(n.id, n.type)).map((n) => step(n.id)),
    };
  }

  /** Ends the instance; its listeners run, so the bridge closes its tasks and reports its end. The mail keeps its ended instance: nothing restarts it. */
  async cancel(user: SessionUser, id: string, reason: string, language: Language): Promise<void> {
    const instance = await this.running(id, language);
    const definition = await this.lookup.definition(instance.definitionId);
    const model = await this.lookup.model(instance.definitionId).catch(() => null);
    const leaves = leavesOf(await this.lookup.runtime.activityInstanceTree(id));
    await this.lookup.runtime.deleteProcessInstance(id).catch((err: unknown) => this.refused(err, language));
    await record({
      actor: user.username,
      action: 'processInstance.cancelled',
      mailId: this.lookup.mailIdOf(instance.businessKey),
      details: { processInstanceId: id, circuit: definition.key, version: definition.version, steps: this.steps(model, leaves.map((l) => l.activityId)), reason },
    });
  }

  /**
   * Moves the instance to the step `to` (a flow node of its own circuit version): starts before
   * it, then cancels every step that was active, in one modification (one transaction).
   */
  async move(user: SessionUser, id: string, to: string, reason: string, language: Language): Promise<InstanceOperationsDto> {
    const instance = await this.running(id, language);
    const definition = await this.lookup.definition(instance.definitionId);
    const model = await this.lookup.model(instance.definitionId);
    const target = model.node(to);
    if (!target || target.id !== to || !movable(target.type)) throw badField(language, 'to', 'notAStep', { v: to }, 'step');
    const tree = await this.lookup.runtime.activityInstanceTree(id);
    const { reaches, repeated } = await this.reachable(instance.definitionId, tree);
    if (!reaches(to, target.type)) throw badField(language, 'to', 'repeatedNotRunning', { v: this.lookup.stepName(model, to, language) }, 'step');
    const leaves = leavesOf(tree);
    const instructions: ModificationInstruction[] = [
      // a repeated step starts whole: its multi-instance body reads the items it repeats over
      { type: 'startBeforeActivity', activityId: repeated.has(to) ? `${to}#multiInstanceBody` : to },
      ...leaves.map((l): ModificationInstruction => (l.transition ? { type: 'cancel', transitionInstanceId: l.id } : { type: 'cancel', activityInstanceId: l.id })),
    ];
    await this.lookup.runtime.modifyProcessInstance(id, instructions, `${user.username}: ${reason}`.slice(0, 4000)).catch((err: unknown) => this.refused(err, language));
    await record({
      actor: user.username,
      action: 'processInstance.moved',
      mailId: this.lookup.mailIdOf(instance.businessKey),
      details: {
        processInstanceId: id,
        circuit: definition.key,
        version: definition.version,
        from: this.steps(model, leaves.map((l) => l.activityId)),
        to: { activityId: to, names: target.names },
        reason,
      },
    });
    return this.get(id, language).catch(async (err: unknown) => {
      if (!(err instanceof NotFoundError)) throw err;
      // moved to an end event: the instance ended
      const mail = (await this.lookup.mails([instance.businessKey])).get(instance.businessKey ?? '') ?? null;
      return { id, processDefinitionId: instance.definitionId, circuitKey: definition.key, mail, active: [], targets: [] };
    });
  }

  /** A running instance, or a 404 in the caller's language. */
  private async running(id: string, language: Language): Promise<ProcessInstance> {
    try {
      return await this.lookup.runtime.processInstance(id);
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(say(language, 'instanceNotFound'));
      throw err;
    }
  }

  private steps(model: CircuitModel | null, activityIds: string[]): { activityId: string; names: unknown }[] {
    return [...new Set(activityIds)].map((activityId) => ({ activityId, names: model?.node(activityId)?.names ?? null }));
  }

  /** The runtime's refusal, said in the caller's language (its own words kept after it). */
  private refused(err: unknown, language: Language): never {
    if (err instanceof NotFoundError) throw new NotFoundError(say(language, 'instanceNotFound'));
    if (err instanceof ConflictError) throw new ConflictError(say(language, 'changedMeanwhile'));
    if (err instanceof UnprocessableError) throw new UnprocessableError(say(language, 'runtimeRefused', { x: err.message }));
    // the runtime answers 500 when the circuit itself fails during the act (an expression that can't be evaluated): a refusal, not an outage
    if (err instanceof UnavailableError && /^Runtime answered 500 to [^:]+: /.test(err.message)) {
      throw new UnprocessableError(say(language, 'runtimeRefused', { x: err.message.replace(/^Runtime answered 500 to [^:]+: /, '') }));
    }
    throw err;
  }
}
