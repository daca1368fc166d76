/** Types of the stack launcher, for the TypeScript tests that start a stack of their own. */
export interface StackChild {
  name: string;
  lines: string[];
  exitPromise: Promise<{ code: number | null; signal: string | null }>;
}

export interface Stack {
  engineUrl: string;
  runtimeUrl: string;
  runtimeUser: string;
  runtimePassword: string;
  mongoUri: string;
  secrets: Record<'DIWAN_RUNTIME_PASSWORD' | 'DIWAN_JWT_SECRET' | 'DIWAN_BRIDGE_TOKEN' | 'DIWAN_WORKER_TOKEN', string>;
  readonly children: Record<string, StackChild>;
  stopPart(name: 'mongo' | 'runtime' | 'engine' | 'workers', options?: { kill?: boolean }): Promise<void>;
  startPart(name: 'mongo' | 'runtime' | 'engine' | 'workers'): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  memory?: boolean;
  ports: { engine: number; runtime: number; mongo: number };
  logDir?: string;
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  engineEnv?: Record<string, string>;
  workersEnv?: Record<string, string>;
}

export function freePort(): Promise<number>;
export function startStack(options: StackOptions): Promise<Stack>;
