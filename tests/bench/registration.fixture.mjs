// What the registration benchmarks share: the baseline circuit on the raw runtime, and one mail
// registered through Diwan's API as the registrar's counter would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BasicAuthInterceptor, Client } from 'camunda-external-task-client-js';
import { root } from '../../scripts/build.mjs';

/**
 * The baseline: the standard incoming circuit under another key and topic (so our workers ignore
 * it), deployed on the runtime, its receipt step done by a camunda-external-task-client (started,
 * to be stopped by the caller) that fetches as our workers do (workers/src/main.ts): a long poll,
 * 10 tasks at most at a time, the next fetch at once. The client's defaults (a fetch every 300 ms,
 * no long poll) made the baseline's rate a matter of luck: a round of 40 starts lasts 0.2–0.5 s,
 * about one such wait, and the rounds in which the client happened not to fetch had none of its
 * receipts to do. Measured, 28 rounds in a row on the raw runtime: 0–8 receipts done inside the
 * round gave 138–190 starts/s, 19–27 gave 62–104/s. Our workers take each receipt as soon as it
 * exists, so Diwan's rounds always carry theirs.
 */
export async function deployBaseline(stack) {
  const authorization = `Basic ${Buffer.from(`${stack.runtimeUser}:${stack.runtimePassword}`).toString('base64')}`;
  const standard = readFileSync(path.join(root, 'processes/incoming-mail.bpmn'), 'utf8');
  const xml = standard
    .replaceAll('id="incoming-mail"', 'id="bench-baseline"')
    .replaceAll('bpmnElement="incoming-mail"', 'bpmnElement="bench-baseline"')
    .replaceAll('camunda:topic="receipt.issue"', 'camunda:topic="bench.receipt"');
  const form = new FormData();
  form.set('deployment-name', 'bench-baseline');
  form.set('bench-baseline.bpmn', new Blob([xml]), 'bench-baseline.bpmn');
  const deployed = await fetch(`${stack.runtimeUrl}/deployment/create`, { method: 'POST', headers: { authorization }, body: form });
  if (!deployed.ok) throw new Error(`baseline deployment failed: ${await deployed.text()}`);
  const client = new Client({
    baseUrl: stack.runtimeUrl,
    maxTasks: 10,
    maxParallelExecutions: 10,
    asyncResponseTimeout: 20_000,
    interval: 20,
    interceptors: new BasicAuthInterceptor({ username: stack.runtimeUser, password: stack.runtimePassword }),
  });
  client.subscribe('bench.receipt', {}, async ({ task, taskService }) => taskService.complete(task));
  client.start();
  const runtime = (route, init = {}) => fetch(`${stack.runtimeUrl}${route}`, { ...init, headers: { authorization, 'content-type': 'application/json', ...init.headers } });
  return {
    client,
    runtime,
    /** Starts one baseline instance; resolves with its id once the runtime answers. */
    async start(businessKey) {
      const res = await runtime('/process-definition/key/bench-baseline/start', { method: 'POST', body: JSON.stringify({ businessKey }) });
      if (!res.ok) throw new Error(`baseline start failed: ${await res.text()}`);
      return (await res.json()).id;
    },
    /** Resolves when no external task is left on the runtime (both sides' receipts done). */
    async drain() {
      for (;;) {
        if ((await (await runtime('/external-task/count')).json()).count === 0) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}

/** Registers one incoming paper mail at the counter; resolves with its id on the 201. */
export async function registerMail(stack, token, seq) {
  const body = new FormData();
  body.set('mail', JSON.stringify({
    direction: 'incoming',
    subject: `Demande d'autorisation de bâtir n° ${seq} · طلب رخصة بناء`,
    language: 'fr',
    channel: 'counter',
    correspondent: { kind: 'citizen', name: `Citoyen ${seq}` },
  }));
  const res = await fetch(`${stack.engineUrl}/api/mails`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${process.pid}-${seq}` }, body });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  return (await res.json()).id;
}
