import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A checkpoint of the chain, kept outside the database: entry `seq` had `hash`, vouched for by the key. */
export interface AuditAnchorLine {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

/**
 * Anchors the audit chain outside the database. Whoever can write the database can rewrite an
 * entry and recompute every hash after it; they can't forge an anchor without the key, which
 * comes from the environment. Anchors are appended (and synced) to a file at most once per
 * `everyMs`, so that registrations don't wait for a disk sync each; entries after the last anchor
 * are covered by the next one.
 */
export class AuditAnchors {
  private pending: { seq: number; hash: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly key: string,
    private readonly file: string,
    private readonly everyMs = 1000,
  ) {}

  mac(seq: number, hash: string): string {
    return createHmac('sha256', this.key).update(`${seq}:${hash}`).digest('hex');
  }

  /** The chain's head moved: anchor it soon. */
  moved(seq: number, hash: string): void {
    this.pending = { seq, hash };
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.everyMs);
    this.timer.unref();
  }

  /** Writes the pending anchor now (at stop, and before a verification). */
  flush(): Promise<void> {
    const head = this.pending;
    this.pending = null;
    if (!head) return this.writing;
    const line: AuditAnchorLine = { ...head, at: new Date().toISOString(), mac: this.mac(head.seq, head.hash) };
    this.writing = this.writing.then(() => appendSynced(this.file, `${JSON.stringify(line)}\n`)).catch(() => undefined);
    return this.writing;
  }

  async read(): Promise<{ anchors: AuditAnchorLine[]; forged: number }> {
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
    const anchors: AuditAnchorLine[] = [];
    let forged = 0;
    for (const raw of text.split('\n')) {
      if (!raw.trim()) continue;
      const line = parse(raw);
      if (line && safeEqual(line.mac, this.mac(line.seq, line.hash))) anchors.push(line);
      else forged += 1;
    }
    return { anchors, forged };
  }
}

async function appendSynced(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

function parse(raw: string): AuditAnchorLine | null {
  try {
    const line = JSON.parse(raw) as Partial<AuditAnchorLine>;
    return typeof line.seq === 'number' && typeof line.hash === 'string' && typeof line.mac === 'string' && typeof line.at === 'string' ? (line as AuditAnchorLine) : null;
  } catch {
    return null;
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
