import { BasicAuthInterceptor, Client } from 'camunda-external-task-client-js';
import { pino } from 'pino';
import { loadConfig } from './config.js';
import { DispatchApi } from './dispatch/dispatch.api.js';
import { smtpMailer } from './dispatch/mailer.js';
import { EngineApi } from './engine.api.js';
import { withFailurePolicy } from './failure-policy.js';
import { pollPace } from './poll.pace.js';
import { topicHandlers } from './topics.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const logger = pino({ name: 'diwan-workers', level: config.LOG_LEVEL }).child({ workerId: config.workerId });

const pace = pollPace();
const client = new Client({
  baseUrl: config.DIWAN_RUNTIME_URL,
  workerId: config.workerId,
  maxTasks: config.DIWAN_WORKER_MAX_TASKS,
  // at most this many tasks at work at once: the next fetch asks only for what is free
  maxParallelExecutions: config.DIWAN_WORKER_MAX_TASKS,
  asyncResponseTimeout: config.DIWAN_WORKER_LONG_POLL_MS,
  lockDuration: config.DIWAN_WORKER_LOCK_MS,
  interval: pace.interval,
  autoPoll: false,
  interceptors: new BasicAuthInterceptor({ username: config.DIWAN_RUNTIME_USER, password: config.DIWAN_RUNTIME_PASSWORD }),
});

// The client reads `options.interval` when a fetch starts and waits that long after it (see poll.pace.ts).
let pollErrors = 0;
client.on('poll:success', () => {
  pollErrors = 0;
  pace.succeeded();
  client.options.interval = pace.interval;
});
client.on('poll:error', (err) => {
  pollErrors += 1;
  pace.failed();
  client.options.interval = pace.interval;
  if (pollErrors === 1 || pollErrors % 20 === 0) logger.warn({ err: String(err), pollErrors, retryInMs: pace.interval }, 'runtime not reachable, polling on');
});

const handlers = topicHandlers({
  engine: new EngineApi(config.DIWAN_ENGINE_URL, config.DIWAN_WORKER_TOKEN),
  publicUrl: config.DIWAN_PUBLIC_URL,
  timeZone: config.DIWAN_TIMEZONE,
  dispatch: new DispatchApi(config.DIWAN_ENGINE_URL, config.DIWAN_WORKER_TOKEN),
  mailer: smtpMailer(config.DIWAN_SMTP_URL, config.DIWAN_MAIL_FROM),
});
for (const [topic, handler] of Object.entries(handlers)) {
  client.subscribe(topic, {}, withFailurePolicy(topic, handler, logger));
}
client.start();
logger.info({ topics: Object.keys(handlers) }, 'workers polling');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    client.stop();
    logger.info('workers stopped');
    process.exit(0);
  });
}
