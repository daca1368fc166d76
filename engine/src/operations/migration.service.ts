import type { BulkResultDto, MigrationExecute, MigrationPreviewDto, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { CircuitModel } from '../circuits/circuit-model.js';
import { recordCircuitVersion } from '../mail/mail.instances.js';
import type { MigrationPlan, ProcessDefinition, ProcessInstance } from '../runtime/runtime.types.js';
import type { EventBus } from '../shared/event-bus.js';
import { DiwanError, NotFoundError, UnprocessableError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import type { OperationsLookup } from './operations.lookup.js';
import { badField, say } from './operations.messages.js';

/** Only versions deployed through Diwan (through its policy) may receive running mail. */
const DIWAN_SOURCE = 'diwan-engine';
const MI_BODY = /#multiInstanceBody$/;
/** Instances migrated per runtime call; a refused batch is tried again one instance at a time. */
const BATCH = 50;
const PAGE = 500;
const MAX_PROBLEMS = 500;

export interface CircuitVersion {
  id: string;
  key: string;
  version: number;
  name: string | null;
  instances: number;
}

/** Migration of running instances from one version of a circuit to another: preview, then execute. */
export class MigrationService {
  constructor(
    private readonly lookup: OperationsLookup,
    private readonly bus: EventBus,
  ) {}

  /** The deployed versions of a circuit, newest first, with their running instances (the migration picker). */
  async versions(key: string, language: Language): Promise<CircuitVersion[]> {
    const definitions = await this.lookup.runtime.processDefinitionsOf(key);
    if (!definitions.length) throw new NotFoundError(say(language, 'definitionNotFound', { x: key }));
    return Promise.all(
      definitions.map(async (d) => {
        const model = await this.lookup.model(d.id).catch(() => null);
        return { id: d.id, key: d.key, version: d.version, name: this.lookup.circuitName(model, d, language), instances: await this.lookup.runtime.processInstanceCount(d.id) };
      }),
    );
  }

  async preview(sourceId: string, targetId: string, language: Language): Promise<MigrationPreviewDto> {
    const { source, target } = await this.pair(sourceId, targetId, language);
    const runtime = this.lookup.runtime;
    const plan = await runtime.generateMigrationPlan(source.id, target.id);
    const [report, statistics, instanceCount, sourceModel, targetModel] = await Promise.all([
      runtime.validateMigrationPlan(plan),
      runtime.activityStatistics(source.id),
      runtime.processInstanceCount(source.id),
      this.lookup.model(source.id).catch(() => null),
      this.lookup.model(target.id).catch(() => null),
    ]);
    const counts = new Map(statistics.map((s) => [s.id, s.instances]));
    const step = (model: CircuitModel | null, activityId: string) => ({ activityId, stepName: this.lookup.stepName(model, activityId, language) });
    const sources = new Set(plan.instructions.flatMap((i) => i.sourceActivityIds));
    const mapped = plan.instructions
      .filter((i) => !MI_BODY.test(i.sourceActivityIds[0] ?? ''))
      .map((i) => ({ from: step(sourceModel, i.sourceActivityIds[0]!), to: step(targetModel, i.targetActivityIds[0]!), instances: counts.get(i.sourceActivityIds[0]!) ?? 0 }));
    const unmapped = statistics.filter((s) => s.instances > 0 && !sources.has(s.id) && !MI_BODY.test(s.id)).map((s) => ({ ...step(sourceModel, s.id), instances: s.instances }));

    // Which instances could not move, and why: at an unmapped step, or at a step whose instruction the runtime refuses.
    const problems = new Map<string, string[]>();
    const note = async (activityIds: string[], message: string) => {
      if (!activityIds.length) return;
      for (const instance of await runtime.processInstancesAt(source.id, activityIds, MAX_PROBLEMS)) problems.set(instance.id, [...(problems.get(instance.id) ?? []), message]);
    };
    for (const u of unmapped) await note([u.activityId], say(language, 'unmappedStep', { s: u.stepName }));
    for (const r of report.instructionReports.filter((r) => r.failures.length)) {
      await note(r.instruction.sourceActivityIds.filter((id) => (counts.get(id) ?? 0) > 0), say(language, 'runtimeRefused', { x: r.failures.join(' ; ') }));
    }
    const describe = async (d: ProcessDefinition, model: CircuitModel | null) => ({ id: d.id, key: d.key, version: d.version, name: this.lookup.circuitName(model, d, language) });
    return {
      source: await describe(source, sourceModel),
      target: await describe(target, targetModel),
      mapped,
      unmapped,
      instanceCount,
      problems: [...problems].slice(0, MAX_PROBLEMS).map(([processInstanceId, messages]) => ({ processInstanceId, messages })),
    };
  }

  /** Migrates the instances (all those of the source version when none are named); each mail then records the new version. */
  async execute(user: SessionUser, input: MigrationExecute, language: Language): Promise<BulkResultDto> {
    const { source, target } = await this.pair(input.sourceDefinitionId, input.targetDefinitionId, language);
    const plan = await this.lookup.runtime.generateMigrationPlan(source.id, target.id);
    const result: BulkResultDto = { done: [], failed: [] };
    let instances: ProcessInstance[];
    if (input.processInstanceIds) {
      const ids = [...new Set(input.processInstanceIds)];
      const found = new Map((await this.lookup.runtime.processInstancesByIds(ids)).map((p) => [p.id, p]));
      instances = ids.flatMap((id) => {
        const instance = found.get(id);
        if (instance?.definitionId === source.id) return [instance];
        result.failed.push({ id, message: say(language, instance ? 'notInSource' : 'instanceNotFound') });
        return [];
      });
    } else instances = await this.allOf(source.id);

    for (let i = 0; i < instances.length; i += BATCH) {
      const batch = instances.slice(i, i + BATCH);
      const moved = await this.migrate(plan, batch, result, language);
      for (const instance of moved) {
        result.done.push(instance.id);
        const mailId = this.lookup.mailIdOf(instance.businessKey);
        if (mailId) await recordCircuitVersion(this.bus, mailId, instance.id, { key: target.key, version: target.version });
        await record({
          actor: user.username,
          action: 'processInstance.migrated',
          mailId,
          details: { processInstanceId: instance.id, circuit: target.key, fromVersion: source.version, toVersion: target.version, sourceDefinitionId: source.id, targetDefinitionId: target.id, reason: input.reason },
        });
      }
    }
    return result;
  }

  /** One batch, all or none; when the runtime refuses it, each instance alone, so that one that can't move doesn't hold the others back. */
  private async migrate(plan: MigrationPlan, batch: ProcessInstance[], result: BulkResultDto, language: Language): Promise<ProcessInstance[]> {
    try {
      await this.lookup.runtime.executeMigration(plan, batch.map((p) => p.id));
      return batch;
    } catch (err) {
      if (!(err instanceof UnprocessableError) || batch.length === 1) {
        if (!(err instanceof DiwanError)) throw err;
        result.failed.push(...batch.map((p) => ({ id: p.id, message: say(language, 'runtimeRefused', { x: err.message }) })));
        return [];
      }
    }
    const moved: ProcessInstance[] = [];
    for (const instance of batch) moved.push(...(await this.migrate(plan, [instance], result, language)));
    return moved;
  }

  private async allOf(definitionId: string): Promise<ProcessInstance[]> {
    const all: ProcessInstance[] = [];
    for (let first = 0; ; first += PAGE) {
      const page = await this.lookup.runtime.processInstancesOfDefinition(definitionId, first, PAGE);
      all.push(...page);
      if (page.length < PAGE) return all;
    }
  }

  /** Two versions of one circuit, the target deployed through Diwan; each refusal names its field. */
  private async pair(sourceId: string, targetId: string, language: Language): Promise<{ source: ProcessDefinition; target: ProcessDefinition }> {
    if (sourceId === targetId) throw badField(language, 'targetDefinitionId', 'sameDefinition');
    const [source, target] = await Promise.all([this.lookup.definitionOrNull(sourceId), this.lookup.definitionOrNull(targetId)]);
    if (!source) throw notFound(language, 'sourceDefinitionId');
    if (!target) throw notFound(language, 'targetDefinitionId');
    if (source.key !== target.key) throw badField(language, 'targetDefinitionId', 'otherCircuit');
    const deployment = await this.lookup.runtime.deployment(target.deploymentId).catch(() => null);
    if (deployment?.source !== DIWAN_SOURCE) throw badField(language, 'targetDefinitionId', 'notDeployedByDiwan');
    return { source, target };
  }
}

function notFound(language: Language, field: 'sourceDefinitionId' | 'targetDefinitionId'): NotFoundError {
  const error = badField(language, field, 'definitionNotFound');
  return new NotFoundError(error.message, error.details);
}
