/** Types of the stack launcher, for the TypeScript tests that start a stack of their own. */
export type PartName = 'mongo' | 'smtp' | 'runtime' | 'engine' | 'workers';

export interface StackChild {
  name: string;
  lines: string[];
  readyAt: number | null;
  exitPromise: Promise<{ code: number | null; signal: string | null }>;
}

/** One restart by the supervisor. */
export interface PartRestart {
  name: PartName;
  exit: { code: number | null; signal: string | null };
  delayMs: number;
  crashedAt: number;
  readyAt: number | null;
}

export interface Stack {
  engineUrl: string;
  runtimeUrl: string;
  runtimeUser: string;
  runtimePassword: string;
  mongoUri: string;
  /** Where e-mails go; the local SMTP server's folder of .eml files (null when DIWAN_SMTP_URL names an outside relay). */
  smtpUrl: string;
  smtpDir: string | null;
  secrets: Record<'DIWAN_RUNTIME_PASSWORD' | 'DIWAN_JWT_SECRET' | 'DIWAN_BRIDGE_TOKEN' | 'DIWAN_WORKER_TOKEN' | 'DIWAN_AUDIT_KEY' | 'DIWAN_EXCHANGE_KEY', string>;
  readonly children: Record<string, StackChild>;
  readonly restarts: PartRestart[];
  /** Stops a part on purpose (the supervisor leaves it stopped); resolves with the ms it took. */
  stopPart(name: PartName, options?: { kill?: boolean }): Promise<number>;
  startPart(name: PartName): Promise<void>;
  /** kill -9 as a crash; the supervisor starts it again. Needs `supervise: true`. */
  killPart(name: PartName, options?: { timeoutMs?: number }): Promise<PartRestart>;
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  memory?: boolean;
  ports: { engine: number; runtime: number; mongo: number; smtp?: number; smpp?: number };
  logDir?: string;
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
  engineEnv?: Record<string, string>;
  workersEnv?: Record<string, string>;
  /** Restart a part that dies, after 1 s, 2 s, 4 s … 30 s (1 s again after a minute of good health). */
  supervise?: boolean;
  /** The launcher's own messages (restarts, parts killed after the stop limit); default: the console. */
  onNotice?: (message: string) => void;
  /** The nice value of the background parts (the workers); none by default. */
  backgroundNice?: number;
}

export const RESTART: { firstDelayMs: number; maxDelayMs: number; healthyAfterMs: number };
export const STOP_LIMIT_MS: number;
export function freePort(): Promise<number>;
export function startStack(options: StackOptions): Promise<Stack>;
/** startStack on free ports, tried again (three times at most) on others when one was taken meanwhile. */
export function startStackOnFreePorts(options: Omit<StackOptions, 'ports'>, fixedPorts?: Partial<StackOptions['ports']>): Promise<Stack>;
export const BACKGROUND_NICE: number;
