// The steps the generated mails went through: the user tasks of the standard circuits in
// processes/, read from the BPMN files themselves (ids, names in ar/fr/en, fixed candidate
// groups), so the generated history cannot drift from the circuits the engine deploys.
import { readFileSync } from 'node:fs';
import path from 'node:path';

function userTasksOf(xml) {
  const tasks = new Map();
  for (const [, attributes, body] of xml.matchAll(/<bpmn:userTask\b([^>]*)>([\s\S]*?)<\/bpmn:userTask>/g)) {
    const attr = (name) => attributes.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1] ?? null;
    const prop = (name) => body.match(new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)"`))?.[1] ?? null;
    const groups = attr('camunda:candidateGroups');
    tasks.set(attr('id'), {
      key: attr('id'),
      name: attr('name'),
      names: prop('name.ar') ? { ar: prop('name.ar'), fr: prop('name.fr'), en: prop('name.en') } : null,
      /** A fixed candidate group (`cabinet`), or null when an expression chooses it per mail. */
      fixedGroup: groups && !groups.includes('${') ? groups : null,
      byAssignee: Boolean(attr('camunda:assignee')),
    });
  }
  return tasks;
}

/**
 * Each direction's circuit as the ordered user tasks a mail meets, with how long each usually
 * takes (median hours, spread) and the mail's status while it waits there (the circuit's milestones). `holder` says who works on it: the mail's department for action
 * (`action`), a fixed group of the circuit, or an agent of the department (`agent`).
 */
const PATHS = {
  incoming: {
    file: 'incoming-mail.bpmn',
    steps: [
      { key: 'triage', status: 'registered', holder: 'fixed', medianHours: 5, spread: 0.9 },
      { key: 'assign_agent', status: 'triaged', holder: 'action', medianHours: 20, spread: 0.8 },
      { key: 'process_mail', status: 'in_progress', holder: 'agent', medianHours: 90, spread: 0.9 },
      { key: 'give_opinion', status: 'in_progress', holder: 'action', medianHours: 48, spread: 0.8, optional: 0.15 },
      { key: 'validate', status: 'in_progress', holder: 'action', medianHours: 16, spread: 0.9 },
    ],
    overdueStep: 'handle_overdue',
  },
  outgoing: {
    file: 'outgoing-mail.bpmn',
    steps: [
      { key: 'draft_letter', status: 'in_progress', holder: 'action', medianHours: 30, spread: 0.8 },
      { key: 'visa_letter', status: 'in_progress', holder: 'action', medianHours: 10, spread: 0.8 },
      { key: 'sign_letter', status: 'in_progress', holder: 'fixed', medianHours: 24, spread: 0.9 },
    ],
  },
  internal: {
    file: 'internal-mail.bpmn',
    steps: [
      { key: 'forward_note', status: 'triaged', holder: 'action', medianHours: 8, spread: 0.8 },
      { key: 'process_note', status: 'in_progress', holder: 'agent', medianHours: 40, spread: 0.9 },
    ],
  },
};

/** { incoming: { circuitKey, steps: [...], overdue }, outgoing: ..., internal: ... } */
export function loadCircuits(processesDir) {
  const circuits = {};
  for (const [direction, spec] of Object.entries(PATHS)) {
    const xml = readFileSync(path.join(processesDir, spec.file), 'utf8');
    const circuitKey = xml.match(/<bpmn:process id="([^"]+)"[^>]*isExecutable="true"/)?.[1];
    if (!circuitKey) throw new Error(`${spec.file}: no executable process`);
    const tasks = userTasksOf(xml);
    const stepOf = (s) => {
      const task = tasks.get(s.key);
      if (!task) throw new Error(`${spec.file} has no user task ${s.key}: update scripts/generate/circuits.mjs to the circuit`);
      if (s.holder === 'fixed' && !task.fixedGroup) throw new Error(`${spec.file}: ${s.key} has no fixed candidate group`);
      return { ...task, ...s };
    };
    circuits[direction] = {
      circuitKey,
      steps: spec.steps.map(stepOf),
      overdue: spec.overdueStep ? stepOf({ key: spec.overdueStep, status: 'in_progress', holder: 'fixed', medianHours: 24, spread: 0.8 }) : null,
    };
  }
  return circuits;
}

/** The departments that fixed steps belong to (cabinet, presidency...): not departments "for action". */
export function fixedGroupsOf(circuits) {
  return new Set(Object.values(circuits).flatMap((c) => [...c.steps, c.overdue].filter(Boolean).map((s) => s.fixedGroup).filter(Boolean)));
}
