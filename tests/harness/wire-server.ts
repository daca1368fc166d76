import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jars } from '../../scripts/build.mjs';

/** The local MongoDB wire server on a free port, on `storage` (`--data <dir>` or `--memory`), once it listens. */
export async function startWireServer(storage: string[], database = 'test'): Promise<{ server: ChildProcess; url: string }> {
  const server = spawn('java', ['-jar', jars.mongo, '--port', '0', ...storage], { stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  for await (const chunk of server.stdout!) {
    printed += String(chunk);
    const port = /listening on [\d.]+:(\d+)/.exec(printed)?.[1];
    if (port) return { server, url: `mongodb://127.0.0.1:${port}/${database}` };
  }
  throw new Error(`the wire server stopped before listening: ${printed}`);
}

/** A wire server of its own, on an H2 file in a fresh folder or in memory; `stop` ends it and removes the folder. */
export async function startScratchWireServer(storage: 'file' | 'memory', database: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = storage === 'file' ? mkdtempSync(path.join(tmpdir(), `diwan-wire-${database}-`)) : undefined;
  const { server, url } = await startWireServer(dataDir ? ['--data', dataDir] : ['--memory'], database);
  return {
    url,
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await once(server, 'exit');
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
