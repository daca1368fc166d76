import type { BulkResultDto, I18nText, IncidentDto, RetryIncidents, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import type { CircuitModel } from '../circuits/circuit-model.js';
import type { IncidentDetails } from '../runtime/runtime.types.js';
import { DiwanError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import type { OperationsLookup } from './operations.lookup.js';
import { say } from './operations.messages.js';

/** Retries given back to a failed step: one more try, as Cockpit does; the worker's policy takes over from there. */
const RETRIES = 1;
const MAX_LISTED = 1000;
const CHUNK = 200;

const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Incidents of failing steps (workers, jobs), with their cause and mail, and their retry. */
export class IncidentService {
  constructor(private readonly lookup: OperationsLookup) {}

  /** Open incidents, newest first: only root causes (a called circuit's failure shows once, where it happened). */
  async list(language: Language, circuitKey?: string): Promise<IncidentDto[]> {
    const runtime = this.lookup.runtime;
    const incidents = (await runtime.openIncidents(circuitKey ? [circuitKey] : [], MAX_LISTED)).filter((i) => !i.rootCauseIncidentId || i.rootCauseIncidentId === i.id);
    const instanceIds = [...new Set(incidents.map((i) => i.processInstanceId).filter((id): id is string => Boolean(id)))];
    const externalTaskIds = incidents.filter((i) => i.incidentType === 'failedExternalTask' && i.configuration).map((i) => i.configuration!);
    const [instances, externalTasks] = await Promise.all([
      Promise.all(chunks(instanceIds).map((ids) => runtime.processInstancesByIds(ids))).then((lists) => lists.flat()),
      Promise.all(chunks(externalTaskIds).map((ids) => runtime.externalTasks(ids))).then((lists) => lists.flat()),
    ]);
    const businessKeys = new Map(instances.map((p) => [p.id, p.businessKey]));
    const topics = new Map(externalTasks.map((t) => [t.id, t.topicName]));
    const mails = await this.lookup.mails([...businessKeys.values()]);
    const circuits = await this.circuitsOf(incidents, language);
    return Promise.all(
      incidents.map(async (incident): Promise<IncidentDto> => {
        const circuit = incident.processDefinitionId ? circuits.get(incident.processDefinitionId) : undefined;
        const activityId = incident.activityId ?? '';
        const externalTaskId = incident.incidentType === 'failedExternalTask' ? incident.configuration : null;
        const businessKey = incident.processInstanceId ? businessKeys.get(incident.processInstanceId) : null;
        return {
          id: incident.id,
          type: incident.incidentType,
          cause: await this.causeOf(incident),
          createdAt: incident.incidentTimestamp,
          processInstanceId: incident.processInstanceId ?? '',
          processDefinitionId: incident.processDefinitionId ?? '',
          circuitKey: circuit?.key ?? null,
          circuitName: circuit?.name ?? null,
          activityId,
          stepName: this.lookup.stepName(circuit?.model ?? null, activityId, language),
          externalTaskId,
          topic: externalTaskId ? (topics.get(externalTaskId) ?? null) : null,
          mail: (businessKey && mails.get(businessKey)) || null,
        };
      }),
    );
  }

  /** Gives each incident's failed step its retries back; audited once per instance (mail, steps, reason). */
  async retry(user: SessionUser, input: RetryIncidents, language: Language): Promise<BulkResultDto> {
    const result: BulkResultDto = { done: [], failed: [] };
    const retried = new Map<string, { definitionId: string | null; incidents: IncidentDetails[] }>();
    for (const id of [...new Set(input.incidentIds)]) {
      try {
        const incident = await this.lookup.runtime.incident(id);
        if (!incident) {
          result.failed.push({ id, message: say(language, 'incidentGone') });
          continue;
        }
        if (incident.incidentType === 'failedExternalTask' && incident.configuration) await this.lookup.runtime.setExternalTaskRetries(incident.configuration, RETRIES);
        else if (incident.incidentType === 'failedJob' && incident.configuration) await this.lookup.runtime.setJobRetries(incident.configuration, RETRIES);
        else {
          result.failed.push({ id, message: say(language, 'incidentNotRetriable') });
          continue;
        }
        result.done.push(id);
        const key = incident.processInstanceId ?? '';
        const entry = retried.get(key) ?? { definitionId: incident.processDefinitionId, incidents: [] };
        entry.incidents.push(incident);
        retried.set(key, entry);
      } catch (err) {
        if (!(err instanceof DiwanError)) throw err;
        result.failed.push({ id, message: say(language, 'runtimeRefused', { x: err.message }) });
      }
    }
    await this.audit(user, retried, input.reason);
    return result;
  }

  private async audit(user: SessionUser, retried: Map<string, { definitionId: string | null; incidents: IncidentDetails[] }>, reason: string): Promise<void> {
    if (!retried.size) return;
    // running or already ended: a retried step may finish its circuit before the audit is written
    const instances = await Promise.all(chunks([...retried.keys()].filter(Boolean)).map((ids) => this.lookup.runtime.historicProcessInstances(ids))).then((l) => l.flat());
    const businessKeys = new Map(instances.map((p) => [p.id, p.businessKey]));
    for (const [processInstanceId, { definitionId, incidents }] of retried) {
      const model = definitionId ? await this.lookup.model(definitionId).catch(() => null) : null;
      const steps = incidents.map((i) => ({ activityId: i.activityId, names: stepNames(model, i.activityId) }));
      await record({
        actor: user.username,
        action: 'incident.retried',
        mailId: this.lookup.mailIdOf(businessKeys.get(processInstanceId)),
        details: { processInstanceId: processInstanceId || null, incidentIds: incidents.map((i) => i.id), step: steps[0]?.names ?? null, steps, reason },
      });
    }
  }

  /** The worker's error message; when it gave none, the first line of its error details. */
  private async causeOf(incident: IncidentDetails): Promise<string> {
    if (incident.incidentMessage?.trim()) return incident.incidentMessage.trim();
    if (incident.incidentType !== 'failedExternalTask' || !incident.configuration) return '';
    const details = await this.lookup.runtime.externalTaskErrorDetails(incident.configuration).catch(() => '');
    return details.split('\n')[0]?.trim().slice(0, 500) ?? '';
  }

  private async circuitsOf(incidents: IncidentDetails[], language: Language): Promise<Map<string, { key: string; name: string; model: CircuitModel | null }>> {
    const ids = [...new Set(incidents.map((i) => i.processDefinitionId).filter((id): id is string => Boolean(id)))];
    const entries = await Promise.all(
      ids.map(async (id) => {
        const definition = await this.lookup.definitionOrNull(id);
        if (!definition) return null;
        const model = await this.lookup.model(id).catch(() => null);
        return [id, { key: definition.key, name: this.lookup.circuitName(model, definition, language), model }] as const;
      }),
    );
    return new Map(entries.filter((e) => e !== null));
  }
}

function stepNames(model: CircuitModel | null, activityId: string | null): I18nText | null {
  return model?.node(activityId)?.names ?? null;
}
