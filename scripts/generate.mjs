// `npm run generate -- --mails 1000000`: a realistic history for the dashboard at scale, written
// straight into the MongoDB that Diwan uses (MONGODB_URI, else the local wire server of `npm start`
// on DIWAN_MONGO_PORT or 27017). Start Diwan once on that database first (it seeds the
// administration the mails belong to); the engine may run meanwhile, but nobody should register.
//
// It writes, in batches: N mails over the last two years (directions, channels, mail types,
// priorities, some confidential, each with its chrono number, the registers' counters moved past
// them), each mail's `mail.registered` audit entry (the chain continued), about 100,000 open tasks
// in the inbox read model and the completed steps before them, then rebuilds the dashboard (with
// `--no-rebuild` it leaves that to the engine: POST /api/admin/dashboard/rebuild, as an admin, which
// is the safe way while the engine runs).
// The generated mails are imported history: their circuits ran before this runtime, which holds none
// of their instances; see the report printed at the end for what that means.
import { parseArgs } from 'node:util';
import { root } from './build.mjs';
import { generate } from './generate/run.mjs';

const { values } = parseArgs({
  options: {
    mails: { type: 'string', default: '1000000' },
    'open-tasks': { type: 'string' },
    'completed-tasks': { type: 'string' },
    days: { type: 'string', default: '730' },
    batch: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '9' },
    uri: { type: 'string' },
    'no-rebuild': { type: 'boolean', default: false },
  },
});
const number = (v) => (v === undefined ? undefined : Number(v.replaceAll('_', '')));
const uri = values.uri ?? process.env.MONGODB_URI ?? `mongodb://127.0.0.1:${process.env.DIWAN_MONGO_PORT || 27017}/diwan`;
const mails = number(values.mails);
if (!Number.isInteger(mails) || mails < 1) throw new Error('--mails must be a positive whole number');

console.log(`Generating ${mails.toLocaleString('en')} mails into ${uri.replace(/\/\/[^@]*@/, '//…@')}`);
const figures = await generate({
  root,
  uri,
  mails,
  openTasks: number(values['open-tasks']),
  completedTasks: number(values['completed-tasks']),
  days: number(values.days),
  batch: number(values.batch),
  seed: number(values.seed),
  rebuild: !values['no-rebuild'],
});
const f = (n) => Math.round(n).toLocaleString('en');
console.log(`
Done: ${f(figures.mails)} mails, ${f(figures.openTasks)} open tasks, ${f(figures.completedTasks)} completed tasks, ${f(figures.auditEntries)} audit entries (${f(figures.rows)} rows)
  written in ${figures.writeSeconds.toFixed(1)} s (${f(figures.rowsPerSecond)} rows/s)${figures.rebuildSeconds === null ? '' : `; dashboard rebuilt in ${figures.rebuildSeconds.toFixed(1)} s`}
  chrono numbers: ${figures.ranges.map((r) => `${r.year}/${r.register} ${r.from}–${r.to}`).join(', ')}
Note: the runtime holds no instance of these mails' circuits. Their tasks are in the inbox read model
only, so working on one fails, and the reconciler closes them as ghosts on its next pass (at engine
start and every 5 minutes).`);
