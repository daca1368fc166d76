// `npm start`: installs and builds what is missing, starts every part on the embedded default
// (runtime on H2, the local MongoDB wire server, engine, workers, designer), waits until all are
// healthy, and prints the URL and the demo users. A part that dies is started again (1 s, 2 s, 4 s …
// 30 s apart; 1 s again after a minute of good health) and the restart is logged. Ctrl-C stops
// everything; data stays in ./data.
import path from 'node:path';
import { ensureBuilt, root } from './build.mjs';
import { BACKGROUND_NICE, startStack } from './stack.mjs';

const DEMO_USERS = ['admin', 'registrar', 'cabinet', 'head', 'agent', 'president', 'supervisor'];
const started = Date.now();

try {
  ensureBuilt();
} catch (err) {
  console.error(`[diwan] ${err.message}`);
  process.exit(1);
}

const dataDir = path.resolve(process.env.DIWAN_DATA_DIR || path.join(root, 'data'));
const ports = {
  engine: Number(process.env.PORT || 3000),
  runtime: Number(process.env.DIWAN_RUNTIME_PORT || 8080),
  mongo: Number(process.env.DIWAN_MONGO_PORT || 27017),
  smtp: Number(process.env.DIWAN_SMTP_PORT || 2525),
  smpp: Number(process.env.DIWAN_SMPP_PORT || 2775),
};

let stack;
try {
  stack = await startStack({
    dataDir,
    ports,
    logDir: path.join(dataDir, 'logs'),
    quiet: process.env.DIWAN_VERBOSE !== '1',
    supervise: true,
    backgroundNice: BACKGROUND_NICE,
    onNotice: (message) => console.error(`[diwan] ${message}`),
  });
} catch (err) {
  console.error(`[diwan] could not start: ${err.message}`);
  console.error(`[diwan] logs are in ${path.join(dataDir, 'logs')}`);
  process.exit(1);
}

const password = process.env.DIWAN_DEMO_PASSWORD || 'diwan';
const runtimeBase = stack.runtimeUrl.replace(/\/engine-rest$/, '');
console.log(`
  Diwan is up in ${((Date.now() - started) / 1000).toFixed(1)} s

  App (designer, inbox, API)   ${stack.engineUrl}
  API document                  ${stack.engineUrl}/api/openapi.json
  Runtime web apps (Cockpit)    ${runtimeBase}/operaton/app/  (user ${stack.runtimeUser}, password in ${path.join(dataDir, 'secrets.json')})
  Data and logs                 ${dataDir}
  E-mails sent (local SMTP)     ${stack.smtpDir ? `${stack.smtpDir}  (.eml files; ${stack.smtpUrl})` : `relay ${stack.smtpUrl.replace(/\/\/[^@/]*@/, '//')}`}
  SMS sent (local SMPP)         ${stack.smppDir ? `${stack.smppDir}  (.json files; ${stack.smppUrl.replace(/\/\/[^@/]*@/, '//')})` : stack.smppUrl ? `SMS centre ${stack.smppUrl.replace(/\/\/[^@/]*@/, '//')}` : `HTTP gateway ${(process.env.DIWAN_SMS_GATEWAY_URL || '').replace(/\/\/[^@/]*@/, '//')}`}

  Demo users (password: ${process.env.DIWAN_DEMO_PASSWORD ? 'DIWAN_DEMO_PASSWORD' : password}): ${DEMO_USERS.join(', ')}

  A part that dies is started again (logged here and in launcher.log). Ctrl-C stops everything.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\n[diwan] stopping…');
  await stack.stop();
  console.log('[diwan] stopped; data kept in', dataDir);
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
