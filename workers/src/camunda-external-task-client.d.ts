/** The parts of camunda-external-task-client-js (which ships no types) that the workers use. */
declare module 'camunda-external-task-client-js' {
  export interface ExternalTask {
    id: string;
    topicName: string;
    workerId: string;
    businessKey: string | null;
    processInstanceId: string;
    processDefinitionKey: string;
    activityId: string;
    retries: number | null;
    errorMessage: string | null;
    variables: Variables;
  }

  export class Variables {
    get(name: string): unknown;
    getAll(): Record<string, unknown>;
    set(name: string, value: unknown): this;
    setAll(values: Record<string, unknown>): this;
  }

  export interface TaskService {
    complete(task: ExternalTask, variables?: Variables, localVariables?: Variables): Promise<void>;
    handleFailure(
      task: ExternalTask,
      options: { errorMessage?: string; errorDetails?: string; retries?: number; retryTimeout?: number },
    ): Promise<void>;
    handleBpmnError(task: ExternalTask, errorCode: string, errorMessage?: string, variables?: Variables): Promise<void>;
    extendLock(task: ExternalTask, newDuration: number): Promise<void>;
  }

  export type Interceptor = (config: Record<string, unknown>) => Record<string, unknown>;

  export interface ClientOptions {
    baseUrl: string;
    workerId?: string;
    maxTasks?: number;
    maxParallelExecutions?: number;
    interval?: number;
    lockDuration?: number;
    asyncResponseTimeout?: number;
    autoPoll?: boolean;
    usePriority?: boolean;
    interceptors?: Interceptor | Interceptor[];
    use?: unknown;
  }

  export type TaskHandler = (args: { task: ExternalTask; taskService: TaskService }) => Promise<void>;

  export class Client {
    constructor(options: ClientOptions);
    /** The options in force: `interval` is read before each wait between fetches. */
    readonly options: Required<Pick<ClientOptions, 'interval'>> & ClientOptions;
    subscribe(topic: string, options: { lockDuration?: number }, handler: TaskHandler): { unsubscribe(): void };
    start(): void;
    stop(): void;
    on(event: 'poll:success' | 'poll:error' | 'complete:error' | 'handleFailure:error' | 'handleBpmnError:error', listener: (...args: unknown[]) => void): void;
  }

  /** Called with `new`, it returns the interceptor function. */
  export const BasicAuthInterceptor: new (options: { username: string; password: string }) => Interceptor;
}
