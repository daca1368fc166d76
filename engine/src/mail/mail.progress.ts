import type { MailProgressDto } from '@diwan/contracts';
import type { RequestHandler } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { CircuitModels, type CircuitModel } from '../circuits/circuit-model.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { languageOf, pick, type Language } from '../shared/language.js';
import { findVisibleMail } from './mail.query.js';

/** Activity types that only hold other steps. */
const CONTAINERS = new Set(['subProcess', 'multiInstanceBody', 'transaction', 'eventSubProcess', 'adHocSubProcess']);

/** A multi-instance activity runs as `<id>#multiInstanceBody` plus its instances: the step is `<id>`. */
export const stepIdOf = (activityId: string): string => activityId.replace(/#multiInstanceBody$/, '');

/**
 * `GET /api/mails/:id/progress`: where the mail stands in its circuit. Ids are the diagram's
 * element ids (never the runtime's internal ones), and the current steps are named in the
 * caller's language from the circuit's own BPMN (`name.<lang>` properties, else its name).
 */
export function mailProgressHandler(runtime: RuntimeClient): RequestHandler {
  const models = new CircuitModels(runtime);
  return async (req, res) => {
    const mail = await findVisibleMail(currentUser(req), String(req.params.id));
    res.json(await progressOf(runtime, models, mail.processInstanceId, languageOf(req)));
  };
}

async function progressOf(runtime: RuntimeClient, models: CircuitModels, processInstanceId: string | null, language: Language): Promise<MailProgressDto> {
  const progress: MailProgressDto = { processDefinitionId: null, activeActivityIds: [], completedActivityIds: [], activeSteps: [], incidents: [] };
  if (!processInstanceId) return progress;
  const [activities, incidents] = await Promise.all([runtime.historicActivityInstances(processInstanceId), runtime.incidents(processInstanceId)]);
  const definitionId = activities[0]?.processDefinitionId ?? null;
  const model: CircuitModel | null = definitionId ? await models.of(definitionId).catch(() => null) : null;
  const nameOf = (id: string) => {
    const names = model?.node(id)?.names;
    return names ? pick(names, language) || null : null;
  };
  const ids = (list: typeof activities) => [...new Set(list.map((a) => stepIdOf(a.activityId)))];
  progress.processDefinitionId = definitionId;
  progress.activeActivityIds = ids(activities.filter((a) => !a.endTime));
  progress.completedActivityIds = ids(activities.filter((a) => a.endTime && !a.canceled));
  // The steps people work at: not the scopes around them (a sub-process, a multi-instance body).
  const running = activities.filter((a) => !a.endTime);
  const leaves = running.filter((a) => !CONTAINERS.has(a.activityType));
  progress.activeSteps = ids(leaves.length ? leaves : running).map((activityId) => ({ activityId, name: nameOf(activityId) }));
  progress.incidents = incidents.map((i) => {
    const activityId = i.activityId ? stepIdOf(i.activityId) : null;
    return { activityId, stepName: activityId ? nameOf(activityId) : null, message: i.incidentMessage };
  });
  return progress;
}
