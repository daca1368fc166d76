import { ConflictError, NotFoundError, UnavailableError, UnprocessableError } from '../shared/errors.js';
import type {
  Deployment,
  DeploymentFile,
  HistoricProcessInstance,
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
    for (const file of files) form.set(file.name, new Blob([file.content]), file.name);
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

  claimTask(id: string, userId: string): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/claim`, { userId });
  }

  completeTask(id: string, variables: Variables): Promise<void> {
    return this.request('POST', `/task/${encodeURIComponent(id)}/complete`, { variables });
  }

  historicProcessInstance(id: string): Promise<HistoricProcessInstance> {
    return this.request('GET', `/history/process-instance/${encodeURIComponent(id)}`);
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
