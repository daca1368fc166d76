// The baseline of `npm run bench:dashboard`: the runtime alone, holding real instances of a
// two-step circuit, and the dashboard's figures computed the way a client of the runtime's REST
// API would (Cockpit-style counts and history reads, no read model): counts per channel, direction,
// department and person, and every finished task of the period for durations and compliance.
import { pool } from './bench-stack.mjs';

const KEY = 'bench-dashboard';
const CHANNELS = ['counter', 'post', 'email', 'fax', 'portal', 'administration'];
const DIRECTIONS = ['incoming', 'outgoing', 'internal'];
const MAIL_TYPES = ['default', 'complaint', 'information-request', 'reply', 'note'];
const DAY = 86_400_000;

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://diwan.tn/bench">
  <bpmn:process id="${KEY}" name="Bench dashboard" isExecutable="true" camunda:historyTimeToLive="3650">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="\${dept}" camunda:dueDate="\${due}" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="answer" />
    <bpmn:userTask id="answer" name="Answer" camunda:assignee="\${agent}" camunda:candidateGroups="\${dept}" camunda:dueDate="\${due}" />
    <bpmn:sequenceFlow id="f3" sourceRef="answer" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** The runtime's date format: 2026-12-01T00:00:00.000+0000. */
export const runtimeDate = (ms) => new Date(ms).toISOString().replace('Z', '+0000');


export function runtimeApi(stack) {
  const authorization = `Basic ${Buffer.from(`${stack.runtimeUser}:${stack.runtimePassword}`).toString('base64')}`;
  const call = async (method, path, body) => {
    const res = await fetch(`${stack.runtimeUrl}${path}`, {
      method,
      headers: { authorization, ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}) },
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`runtime ${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  };
  return { get: (p) => call('GET', p), post: (p, b) => call('POST', p, b) };
}

/**
 * Deploys the baseline circuit and runs `count` instances through it: each starts (with the facts
 * a mail's dashboard is cut by as variables), about 90 % are worked to the end (both steps
 * completed), the others stay open at one of the steps. Resolves with what the runtime holds.
 */
export async function populateRuntime(stack, { count, departments, agents, concurrency = 8, log = console.log }) {
  const api = runtimeApi(stack);
  const form = new FormData();
  form.set('deployment-name', KEY);
  form.set('deploy-changed-only', 'true');
  form.set(`${KEY}.bpmn`, new Blob([BPMN]), `${KEY}.bpmn`);
  await api.post('/deployment/create', form);
  const t0 = performance.now();
  const plan = [];
  await pool(count, concurrency, async (i) => {
    const dept = departments[i % departments.length];
    const due = Date.now() + ((i % 40) - 10) * DAY; // a quarter already overdue
    const variables = {
      channel: { value: CHANNELS[i % CHANNELS.length] },
      direction: { value: DIRECTIONS[i % DIRECTIONS.length] },
      mailType: { value: MAIL_TYPES[i % MAIL_TYPES.length] },
      dept: { value: dept },
      agent: { value: agents[dept] ?? 'agent' },
      due: { value: runtimeDate(due), type: 'Date' },
    };
    const instance = await api.post(`/process-definition/key/${KEY}/start`, { businessKey: `bench-${i}`, variables });
    plan.push({ id: instance.id, stopAt: i % 10 === 0 ? 'review' : i % 10 === 1 ? 'answer' : 'end' });
    if ((i + 1) % 1000 === 0) log(`  runtime: ${i + 1}/${count} instances started (${Math.round((i + 1) / ((performance.now() - t0) / 1000))}/s)`);
  });
  for (const step of ['review', 'answer']) {
    const goOn = new Set(plan.filter((p) => (step === 'review' ? p.stopAt !== 'review' : p.stopAt === 'end')).map((p) => p.id));
    const tasks = [];
    for (let first = 0; ; first += 1000) {
      const page = await api.get(`/task?processDefinitionKey=${KEY}&taskDefinitionKey=${step}&firstResult=${first}&maxResults=1000`);
      tasks.push(...page.filter((t) => goOn.has(t.processInstanceId)));
      if (page.length < 1000) break;
    }
    await pool(tasks.length, concurrency, async (i) => api.post(`/task/${tasks[i].id}/complete`, {}));
    log(`  runtime: ${tasks.length} "${step}" tasks completed`);
  }
  const [instances, openTasks, finishedTasks] = await Promise.all([
    api.get(`/history/process-instance/count?processDefinitionKey=${KEY}`),
    api.get(`/task/count?processDefinitionKey=${KEY}`),
    api.get(`/history/task/count?processDefinitionKey=${KEY}&finished=true`),
  ]);
  return { instances: instances.count, openTasks: openTasks.count, finishedTasks: finishedTasks.count, seconds: (performance.now() - t0) / 1000 };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/**
 * The same figures GET /api/dashboard gives, from the runtime's REST API: what a dashboard built on
 * the runtime alone would ask for each view. `filter`: { department, mailType, periodStart, users }.
 * Queries run six at a time, like a browser.
 */
export async function runtimeDashboard(stack, { departments, users, department, mailType, periodStart, now = Date.now() }) {
  const api = runtimeApi(stack);
  const depts = department ? [department] : departments;
  const vars = [mailType && `mailType_eq_${mailType}`, department && `dept_eq_${department}`].filter(Boolean);
  const processVars = vars.length ? `&processVariables=${vars.join(',')}` : '';
  const histVars = (extra) => {
    const all = [...vars, extra].filter(Boolean);
    return all.length ? `&variables=${all.join(',')}` : '';
  };
  const startOfDay = new Date(now).setUTCHours(0, 0, 0, 0);
  const periods = { today: startOfDay, week: startOfDay - ((new Date(now).getUTCDay() + 6) % 7) * DAY, month: Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1) };
  const queries = [];
  for (const since of Object.values(periods)) {
    for (const v of [null, ...CHANNELS.map((c) => `channel_eq_${c}`), ...DIRECTIONS.map((d) => `direction_eq_${d}`)]) {
      queries.push(`/history/process-instance/count?processDefinitionKey=${KEY}&startedAfter=${encodeURIComponent(runtimeDate(since))}${histVars(v)}`);
    }
  }
  const late = `&dueBefore=${encodeURIComponent(runtimeDate(now))}`;
  const risk = `&dueAfter=${encodeURIComponent(runtimeDate(now))}&dueBefore=${encodeURIComponent(runtimeDate(now + 3 * DAY))}`;
  for (const d of depts) for (const due of ['', late, risk]) queries.push(`/task/count?processDefinitionKey=${KEY}&candidateGroup=${d}${due}${processVars}`);
  for (const u of users) for (const due of ['', late, risk]) queries.push(`/task/count?processDefinitionKey=${KEY}&assignee=${u}${due}${processVars}`);
  queries.push(`/history/activity-instance?processDefinitionKey=${KEY}&sortBy=startTime&sortOrder=desc&maxResults=20`);
  // Durations and compliance need every finished task of the period.
  const finished = `/history/task?processDefinitionKey=${KEY}&finished=true&finishedAfter=${encodeURIComponent(runtimeDate(periodStart))}${vars.length ? `&processVariables=${vars.join(',')}` : ''}`;
  queries.push(finished);
  const answers = new Array(queries.length);
  await pool(queries.length, 6, async (i) => {
    answers[i] = await api.get(queries[i]);
  });
  const rows = answers[answers.length - 1];
  const groups = new Map();
  for (const t of rows) {
    for (const key of [`step:${t.taskDefinitionKey}`, `person:${t.assignee}`]) (groups.get(key) ?? groups.set(key, []).get(key)).push(t.duration);
  }
  const durations = [...groups].map(([key, list]) => {
    const sorted = list.sort((a, b) => a - b);
    return { key, count: sorted.length, averageMs: sorted.reduce((a, b) => a + b, 0) / sorted.length, p90Ms: percentile(sorted, 0.9) };
  });
  const onTime = rows.filter((t) => !t.due || t.endTime <= t.due).length;
  return { queries: queries.length, finishedRows: rows.length, durations, onTime };
}
