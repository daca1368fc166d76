import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../shared/logger.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import type { DeploymentFile } from '../runtime/runtime.types.js';
import { UnprocessableError } from '../shared/errors.js';
import { checkDeployment } from './circuit-files.js';

const DEPLOYABLE = /\.(bpmn|dmn|form)$/;

/** Reads the standard circuits (processes/*.bpmn and their forms) from disk. */
export async function readStandardCircuits(dir: string): Promise<DeploymentFile[]> {
  const names = (await readdir(dir)).filter((n) => DEPLOYABLE.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, content: await readFile(path.join(dir, name)) })));
}

/**
 * Deploys the standard circuits. The runtime's duplicate filtering with
 * deploy-changed-only makes a restart deploy only what changed.
 */
export async function deployStandardCircuits(runtime: RuntimeClient, dir: string, logger: Logger): Promise<string[]> {
  const files = await readStandardCircuits(dir);
  if (files.length === 0) return [];
  checkDeployment(files);
  const deployment = await runtime.deploy('diwan-standard-circuits', files);
  const deployed = Object.values(deployment.deployedProcessDefinitions ?? {}).map((d) => `${d.key}:${d.version}`);
  logger.info({ files: files.map((f) => f.name), deployed }, deployed.length ? 'circuits deployed' : 'circuits unchanged');
  return deployed;
}

/** Keeps trying until the runtime accepts the deployment; the engine serves meanwhile. */
export function deployWhenRuntimeIsUp(runtime: RuntimeClient, dir: string, logger: Logger, state: { deployed: boolean }) {
  let delay = 500;
  const attempt = async (): Promise<void> => {
    try {
      await deployStandardCircuits(runtime, dir, logger);
      state.deployed = true;
    } catch (err) {
      if (err instanceof UnprocessableError) {
        // A refusal (policy or parse error) will not pass on a retry: say so loudly, once.
        logger.error({ err: err.message, details: err.details }, 'standard circuits refused: fix processes/ and restart');
        return;
      }
      logger.warn({ err: (err as Error).message, retryInMs: delay }, 'standard circuits not deployed yet');
      setTimeout(() => void attempt(), delay).unref();
      delay = Math.min(delay * 2, 10_000);
    }
  };
  void attempt();
}
