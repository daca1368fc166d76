/** Types of the data generator, for the TypeScript tests that run it. */
export interface GenerateOptions {
  /** The repository's root (processes/, engine/dist). */
  root: string;
  uri: string;
  mails: number;
  openTasks?: number;
  completedTasks?: number;
  days?: number;
  batch?: number;
  seed?: number;
  now?: number;
  /** Rebuild the dashboard's read models at the end (default true). */
  rebuild?: boolean;
  log?: (line: string) => void;
}

export interface GenerateFigures {
  mails: number;
  openTasks: number;
  completedTasks: number;
  auditEntries: number;
  correspondentsAdded: number;
  rows: number;
  writeSeconds: number;
  rowsPerSecond: number;
  rebuildSeconds: number | null;
  ranges: { register: string; year: number; from: number; to: number }[];
}

export function generate(options: GenerateOptions): Promise<GenerateFigures>;
