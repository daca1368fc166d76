/** Helpers for the operations scenarios: small circuits with named steps, deployed through the engine, bound to mails. */
import type { MailDto } from '@diwan/contracts';
import { api, stack, waitFor } from '../harness/stack.js';
import { engineDb, mailWithCircuit } from './mail.fixtures.js';

export interface Step {
  id: string;
  /** ar, fr, en */
  names: [string, string, string];
  group: string;
  assignee?: string;
}

const names = ([ar, fr, en]: [string, string, string]) =>
  `<bpmn:extensionElements><camunda:properties><camunda:property name="name.ar" value="${ar}" /><camunda:property name="name.fr" value="${fr}" /><camunda:property name="name.en" value="${en}" /></camunda:properties></bpmn:extensionElements>`;

/** A circuit of user tasks in a row, each named in three languages; the process is named too. */
export function userTaskCircuit(key: string, steps: Step[]): string {
  const ids = ['start', ...steps.map((s) => s.id), 'end'];
  const flows = ids.slice(1).map((id, i) => `<bpmn:sequenceFlow id="f${i}" sourceRef="${ids[i]}" targetRef="${id}" />`);
  const tasks = steps.map(
    (s) =>
      `<bpmn:userTask id="${s.id}" name="${s.names[1]}" camunda:candidateGroups="${s.group}"${s.assignee ? ` camunda:assignee="${s.assignee}"` : ''}>${names(s.names)}</bpmn:userTask>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_${key}" targetNamespace="t">
  <bpmn:process id="${key}" name="Ops ${key}" isExecutable="true" camunda:historyTimeToLive="P30D">
    ${names(['مسار الاختبار', 'Circuit de test', 'Test circuit'])}
    <bpmn:startEvent id="start" />
    ${tasks.join('\n    ')}
    <bpmn:endEvent id="end" />
    ${flows.join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`;
}

/** Deploys through the engine (its policy, source diwan-engine); answers the new definition. */
export async function deployCircuit(adminToken: string, key: string, xml: string): Promise<{ id: string; key: string; version: number }> {
  const form = new FormData();
  form.append('files', new Blob([xml]), `${key}.bpmn`);
  const res = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}` }, body: form });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`deploy ${key}: ${res.status} ${JSON.stringify(body)}`);
  return body.circuits[0];
}

/**
 * A registered mail whose circuit is `key`: its standard circuit is cancelled (through the
 * operations route), then `key` is started for it by hand, so that the mail records that instance.
 */
export async function mailOnCircuit(tokens: { registrar: string; admin: string }, key: string): Promise<{ mailId: string; chronoNumber: string; processInstanceId: string }> {
  const { mailId, chronoNumber, processInstanceId: standard } = await mailWithCircuit(tokens.registrar);
  await waitFor(
    'the standard circuit to be cancelled',
    async () => {
      const res = await api('POST', `/api/operations/instances/${standard}/cancel`, { token: tokens.admin, body: { reason: 'test: bind the mail to another circuit' } });
      return res.status === 204 || res.status === 404;
    },
    60_000,
  );
  const started = await api('POST', `/api/circuits/${key}/instances`, { token: tokens.registrar, body: { businessKey: mailId } });
  if (started.status !== 201) throw new Error(`start ${key} for ${chronoNumber}: ${started.status} ${JSON.stringify(started.body)}`);
  await waitFor('the mail to record its circuit', async () => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body.processInstanceId === started.body.id);
  return { mailId, chronoNumber, processInstanceId: started.body.id };
}

/** The audit entries of an action about one instance, read behind the engine's back. */
export async function auditEntries(action: string, processInstanceId: string): Promise<{ actor: string; mailId: string | null; details: Record<string, any> }[]> {
  const { db, close } = await engineDb();
  try {
    return await db.collection<any>('auditLog').find({ action, 'details.processInstanceId': processInstanceId }).toArray();
  } finally {
    await close();
  }
}

/** Adds active users of their own (so a test never moves the demo users' tasks). */
export async function testUsers(users: { username: string; departments: string[]; active?: boolean }[]): Promise<void> {
  const { db, close } = await engineDb();
  try {
    for (const u of users) {
      await db.collection('users').insertOne({ username: u.username, displayName: u.username, passwordHash: 'x', roles: ['agent'], departments: u.departments, language: 'fr', active: u.active ?? true, createdAt: new Date(), updatedAt: new Date() });
    }
  } finally {
    await close();
  }
}

export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
