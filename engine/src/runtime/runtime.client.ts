import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../shared/errors.js';
import type {
  ActivityInstanceTree,
  ActivityStatistics,
  Deployment,
  DeploymentFile,
  EventSubscription,
  HistoricActivityInstance,
  HistoricActivityStatistics,
  HistoricProcessInstance,
  HistoricTask,
  IdentityLink,
  ExternalTask,
  Incident,
  IncidentDetails,
  MigrationPlan,
  MigrationPlanReport,
  ModificationInstruction,
  ProcessDefinition,
  ProcessInstance,
  RuntimeTask,
  Variables,
} from './runtime.types.js';

export interface RuntimeClientOptions {
  baseUrl: string;
  user: string;
  password: string;
  timeoutMs?: number;
}

/**
 * A typed client for the Camunda 7 REST endpoints that engine uses. Works against
 * Operaton and Camunda 7.24 CE alike, given only the base URL (…/engine-rest).
 */
export class RuntimeClient {
  private readonly authorization: string;
  private readonly baseUrl: string;

  constructor(private readonly options: RuntimeClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  }

  engineInfo(): Promise<{ version: string }> {
    return this.request('GET', '/version');
  }

  deploy(name: string, files: DeploymentFile[]): Promise<Deployment> {
    const form = new FormData();
    form.set('deployment-name', name);
    form.set('deployment-source', 'diwan-engine');
    form.set('enable-duplicate-filtering', 'true');
    form.set('deploy-changed-only', 'true');
    for (const file of files) form.set(file.name, new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
    return this.request('POST', '/deployment/create', form);
  }

  latestProcessDefinitions(): Promise<ProcessDefinition[]> {
    return this.request('GET', '/process-definition?latestVersion=true&sortBy=key&sortOrder=asc');
  }

  async processDefinitionXml(id: string): Promise<{ id: string; bpmn20Xml: string }> {
    return this.request('GET', `/process-definition/${encodeURIComponent(id)}/xml`);
  }

  startProcessInstance(key: string, businessKey: string, variables: Variables): Promise<ProcessInstance> {
    return this.request('POST', `/process-definition/key/${encodeURIComponent(key)}/start`, { businessKey, variables });
  }

  task(id: string): Promise<RuntimeTask> {
    return this.request('GET', `/task/${encodeURIComponent(id)}`);
  }

  /** Open user tasks, a page at a time (the reconciler walks them all). */
  openTasks(firstResult: number, maxResults: number): Promise<RuntimeTask[]> {
    return this.request('GET', `/task?${new URLSearchParams({ firstResult: String(firstResult), maxResults: String(maxResults), sortBy: 'created', sortOrder: 'asc' })}`);
  }

  taskIdentityLinks(id: string): Promise<IdentityLink[]> {
    return this.request('GET', `/task/${encodeURIComponent(id)}/identity-links`);
  }

  historicTask(id: string): Promise<HistoricTask | null> {
    return this.request<HistoricTask[]>('GET', `/history/task?${new URLSearchParams({ taskId: id })}`).then((list) => list[0] ?? null);
  }

  processInstance(id: string): Promise<ProcessInstance & { businessKey: string | null }> {
    return this.request('GET', `/process-instance/${encodeURIComponent(id)}`);
  }

  /** The instances (running or ended) among these ids. */
  historicProcessInstances(ids: string[]): Promise<HistoricProcessInstance[]> {
    return this.request('POST', `/history/process-instance?maxResults=${ids.length}`, { processInstanceIds: ids });
  }

  claimTask(id: string, userId: string): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/claim`, { userId });
  }

  unclaimTask(id: string): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/unclaim`, {});
  }

  setTaskAssignee(id: string, userId: string): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/assignee`, { userId });
  }

  /** The task's Camunda Form (form-js JSON), or null when it has none. */
  async deployedForm(id: string): Promise<Record<string, unknown> | null> {
    try {
      return await this.request('GET', `/task/${encodeURIComponent(id)}/deployed-form`);
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof UnprocessableError) return null;
      throw err;
    }
  }

  /** The variables visible from the task, serialized (Json stays a string). */
  taskVariables(id: string): Promise<Record<string, { type: string; value: unknown }>> {
    return this.request('GET', `/task/${encodeURIComponent(id)}/variables?deserializeValues=false`);
  }

  completeTask(id: string, variables: Variables): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/complete`, { variables });
  }

  historicProcessInstance(id: string): Promise<HistoricProcessInstance> {
    return this.request('GET', `/history/process-instance/${encodeURIComponent(id)}`);
  }

  /** The instance (running or ended) of any circuit with this business key, if any. */
  async findProcessInstanceOf(businessKey: string): Promise<{ id: string; definitionId: string; found: true } | null> {
    const q = new URLSearchParams({ processInstanceBusinessKey: businessKey, sortBy: 'startTime', sortOrder: 'asc' });
    const history = await this.request<HistoricProcessInstance[]>('GET', `/history/process-instance?${q}`);
    return history[0] ? { id: history[0].id, definitionId: history[0].processDefinitionId, found: true } : null;
  }

  /** Running instances with this business key (any circuit). */
  runningInstancesOf(businessKey: string): Promise<ProcessInstance[]> {
    return this.request('GET', `/process-instance?${new URLSearchParams({ businessKey })}`);
  }

  deployment(id: string): Promise<{ id: string; name: string | null; source: string | null }> {
    return this.request('GET', `/deployment/${encodeURIComponent(id)}`);
  }

  historicActivityInstances(processInstanceId: string): Promise<HistoricActivityInstance[]> {
    const q = new URLSearchParams({ processInstanceId, sortBy: 'startTime', sortOrder: 'asc' });
    return this.request('GET', `/history/activity-instance?${q}`);
  }

  incidents(processInstanceId: string): Promise<Incident[]> {
    return this.request('GET', `/incident?${new URLSearchParams({ processInstanceId })}`);
  }

  processDefinition(id: string): Promise<ProcessDefinition> {
    return this.request('GET', `/process-definition/${encodeURIComponent(id)}`);
  }

  latestProcessDefinition(key: string): Promise<ProcessDefinition> {
    return this.request('GET', `/process-definition/key/${encodeURIComponent(key)}`);
  }

  /** Running instances and incidents per activity of one process definition. */
  activityStatistics(processDefinitionId: string): Promise<ActivityStatistics[]> {
    return this.request('GET', `/process-definition/${encodeURIComponent(processDefinitionId)}/statistics?incidents=true`);
  }

  /**
   * Passes per activity from history, counted by the runtime (one GROUP BY): open, finished and
   * canceled; of the instances started at or after `startedAfter` (Camunda date) when given.
   */
  historicActivityStatistics(processDefinitionId: string, startedAfter: string | null): Promise<HistoricActivityStatistics[]> {
    const q = new URLSearchParams({ finished: 'true', canceled: 'true' });
    if (startedAfter) q.set('startedAfter', startedAfter);
    return this.request('GET', `/history/process-definition/${encodeURIComponent(processDefinitionId)}/statistics?${q}`);
  }

  /** The latest finished passes through one activity, newest first (for its average time). */
  finishedActivityInstances(processDefinitionId: string, activityId: string, maxResults: number, startedAfter: string | null): Promise<HistoricActivityInstance[]> {
    const q = new URLSearchParams({ processDefinitionId, activityId, finished: 'true', sortBy: 'endTime', sortOrder: 'desc', maxResults: String(maxResults) });
    if (startedAfter) q.set('startedAfter', startedAfter);
    return this.request('GET', `/history/activity-instance?${q}`);
  }

  deploymentResources(deploymentId: string): Promise<{ id: string; name: string }[]> {
    return this.request('GET', `/deployment/${encodeURIComponent(deploymentId)}/resources`);
  }

  /** A deployed resource's content, as text (BPMN XML, a Camunda Form's JSON). */
  async deploymentResourceText(deploymentId: string, resourceId: string): Promise<string> {
    const res = await fetch(`${this.baseUrl}/deployment/${encodeURIComponent(deploymentId)}/resources/${encodeURIComponent(resourceId)}/data`, {
      headers: { authorization: this.authorization },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    }).catch((err: Error) => {
      throw new UnavailableError(`The runtime is unreachable: ${err.message}`);
    });
    if (!res.ok) throw await runtimeError(res, `GET resource ${resourceId}`);
    return res.text();
  }

  // ---- operations (incidents, reassignment, cancel and move, migration) ----

  /** Open incidents, newest first; of these circuits (keys) only when given. */
  openIncidents(circuitKeys: string[] = [], maxResults = 1000): Promise<IncidentDetails[]> {
    const q = new URLSearchParams({ sortBy: 'incidentTimestamp', sortOrder: 'desc', maxResults: String(maxResults) });
    if (circuitKeys.length) q.set('processDefinitionKeyIn', circuitKeys.join(','));
    return this.request('GET', `/incident?${q}`);
  }

  /** One open incident, or null when there is none with this id (resolved, or never). */
  incident(id: string): Promise<IncidentDetails | null> {
    return this.request<IncidentDetails[]>('GET', `/incident?${new URLSearchParams({ incidentId: id })}`).then((list) => list[0] ?? null);
  }

  /** External tasks among these ids (those that still exist). */
  externalTasks(ids: string[]): Promise<ExternalTask[]> {
    return ids.length ? this.request('POST', `/external-task?maxResults=${ids.length}`, { externalTaskIdIn: ids }) : Promise.resolve([]);
  }

  /** The details a worker reported with its failure (a stack trace, often), as text. */
  externalTaskErrorDetails(id: string): Promise<string> {
    return this.requestText(`/external-task/${encodeURIComponent(id)}/errorDetails`);
  }

  setExternalTaskRetries(id: string, retries: number): Promise<void> {
    return this.request('PUT', `/external-task/${encodeURIComponent(id)}/retries`, { retries });
  }

  setJobRetries(id: string, retries: number): Promise<void> {
    return this.request('PUT', `/job/${encodeURIComponent(id)}/retries`, { retries });
  }

  /** Running instances among these ids. */
  processInstancesByIds(ids: string[]): Promise<ProcessInstance[]> {
    return ids.length ? this.request('POST', `/process-instance?maxResults=${ids.length}`, { processInstanceIds: ids }) : Promise.resolve([]);
  }

  /** Running instances of one circuit version, a page at a time. */
  processInstancesOfDefinition(processDefinitionId: string, firstResult: number, maxResults: number): Promise<ProcessInstance[]> {
    const q = new URLSearchParams({ processDefinitionId, firstResult: String(firstResult), maxResults: String(maxResults), sortBy: 'instanceId', sortOrder: 'asc' });
    return this.request('GET', `/process-instance?${q}`);
  }

  /** Running instances of one circuit version that are at one of these steps. */
  processInstancesAt(processDefinitionId: string, activityIds: string[], maxResults: number): Promise<ProcessInstance[]> {
    const q = new URLSearchParams({ processDefinitionId, activityIdIn: activityIds.join(','), maxResults: String(maxResults) });
    return this.request('GET', `/process-instance?${q}`);
  }

  /** Every deployed version of a circuit, newest first. */
  processDefinitionsOf(key: string): Promise<ProcessDefinition[]> {
    return this.request('GET', `/process-definition?${new URLSearchParams({ key, sortBy: 'version', sortOrder: 'desc' })}`);
  }

  processInstanceCount(processDefinitionId: string): Promise<number> {
    return this.request<{ count: number }>('GET', `/process-instance/count?${new URLSearchParams({ processDefinitionId })}`).then((r) => r.count);
  }

  /** Open user tasks assigned to someone, a page at a time. */
  tasksAssignedTo(assignee: string, firstResult: number, maxResults: number): Promise<RuntimeTask[]> {
    const q = new URLSearchParams({ assignee, firstResult: String(firstResult), maxResults: String(maxResults), sortBy: 'created', sortOrder: 'asc' });
    return this.request('GET', `/task?${q}`);
  }

  /** Cancels a running instance; listeners run, so the bridge reports the tasks and the instance ending. */
  deleteProcessInstance(id: string): Promise<void> {
    return this.request('DELETE', `/process-instance/${encodeURIComponent(id)}?skipCustomListeners=false&skipIoMappings=false`);
  }

  activityInstanceTree(processInstanceId: string): Promise<ActivityInstanceTree> {
    return this.request('GET', `/process-instance/${encodeURIComponent(processInstanceId)}/activity-instances`);
  }

  /** Process instance modification, in one transaction; listeners and input/output mappings run. */
  modifyProcessInstance(id: string, instructions: ModificationInstruction[], annotation: string): Promise<void> {
    return this.request('POST', `/process-instance/${encodeURIComponent(id)}/modification`, { skipCustomListeners: false, skipIoMappings: false, instructions, annotation });
  }

  generateMigrationPlan(sourceProcessDefinitionId: string, targetProcessDefinitionId: string): Promise<MigrationPlan> {
    return this.request('POST', '/migration/generate', { sourceProcessDefinitionId, targetProcessDefinitionId, updateEventTriggers: true });
  }

  validateMigrationPlan(plan: MigrationPlan): Promise<MigrationPlanReport> {
    return this.request('POST', '/migration/validate', plan);
  }

  /** Migrates these instances, all or none (the runtime refuses the lot when one of them can't move). */
  executeMigration(plan: MigrationPlan, processInstanceIds: string[]): Promise<void> {
    return this.request('POST', '/migration/execute', { migrationPlan: plan, processInstanceIds, skipCustomListeners: false, skipIoMappings: false });
  }

  // ---- messages (a circuit waiting for the citizen) ----

  /** The message events an instance waits for (catch events, receive tasks), oldest first. */
  messageSubscriptions(processInstanceId: string): Promise<EventSubscription[]> {
    return this.request('GET', `/event-subscription?${new URLSearchParams({ processInstanceId, eventType: 'message', sortBy: 'created', sortOrder: 'asc' })}`);
  }

  /** One variable of an instance, serialized; null when it has none of that name. */
  async processVariable(processInstanceId: string, name: string): Promise<{ type: string; value: unknown } | null> {
    try {
      return await this.request('GET', `/process-instance/${encodeURIComponent(processInstanceId)}/variables/${encodeURIComponent(name)}?deserializeValue=false`);
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }

  /** Delivers a message to the one execution waiting for it (by business key and, when given, instance). */
  correlateMessage(message: { messageName: string; businessKey: string; processInstanceId?: string; processVariables?: Variables }): Promise<unknown[]> {
    return this.request('POST', '/message', { ...message, resultEnabled: true });
  }

  private async requestText(path: string): Promise<string> {
    const res = await fetch(this.baseUrl + path, {
      headers: { authorization: this.authorization, accept: 'text/plain' },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
    }).catch((err: Error) => {
      throw new UnavailableError(`The runtime is unreachable: ${err.message}`);
    });
    if (!res.ok) throw await runtimeError(res, `GET ${path}`);
    return res.text();
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: payload ?? null,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new UnavailableError(`The runtime is unreachable: ${(err as Error).message}`);
    }
    if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
    throw await runtimeError(res, `${method} ${path}`);
  }
}

/** Maps the runtime's answers to the engine's error classes, by status and by the exception type it names. */
async function runtimeError(res: Response, what: string): Promise<Error> {
  const text = await res.text();
  let type = '';
  let message = text;
  try {
    const parsed = JSON.parse(text) as { type?: string; message?: string };
    type = parsed.type ?? '';
    message = parsed.message ?? text;
  } catch {
    /* not JSON: keep the text */
  }
  if (res.status === 404) return new NotFoundError(`Runtime: ${message}`);
  if (res.status === 409 || type === 'TaskAlreadyClaimedException' || type === 'OptimisticLockingException') {
    return new ConflictError(`Runtime: ${message}`);
  }
  if (res.status === 400 || type === 'ParseException') return new UnprocessableError(`Runtime refused ${what}: ${message}`);
  return new UnavailableError(`Runtime answered ${res.status} to ${what}: ${message}`);
}
