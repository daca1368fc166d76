import { spawn, type ChildProcess } from 'node:child_process';
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
