import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { MailDto, UserTaskDto } from '@diwan/contracts';
import { root } from '../../scripts/build.mjs';
import { api, login, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

/** Renames every element of a BPMN (ids and every reference to them), as a process owner may in the modeler. */
function renameEverything(xml: string, prefix: string): { xml: string; key: string } {
  const ids = [...xml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const renamed = new Map(ids.map((id) => [id, `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`]));
  const swap = (id: string) => renamed.get(id) ?? id;
  const out = xml
    .replace(/\s(id|sourceRef|targetRef|attachedToRef|bpmnElement|default|calledElement)="([^"]+)"/g, (_m, attr: string, id: string) => ` ${attr}="${swap(id)}"`)
    .replace(/<bpmn:(incoming|outgoing)>([^<]+)<\/bpmn:\1>/g, (_m, tag: string, id: string) => `<bpmn:${tag}>${swap(id)}</bpmn:${tag}>`);
  const key = swap(/<bpmn:process id="([^"]+)"/.exec(xml)![1]!);
  return { xml: out, key };
}

async function deploy(token: string, name: string, content: string) {
  const form = new FormData();
  form.append('files', new Blob([content]), name);
  const res = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() };
}

describe('a circuit whose every step was renamed', () => {
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const user of ['admin', 'registrar', 'cabinet', 'head', 'agent']) tokens[user] = (await login(user)).token;
  });

  it('still drives the mail: the milestones it declares move the status, whatever the steps are called', async () => {
    // given the standard incoming circuit with every id renamed, deployed as a new circuit
    const prefix = uniqueKey('renamed').replace(/-/g, '_');
    const { xml, key } = renameEverything(readFileSync(path.join(root, 'processes/incoming-mail.bpmn'), 'utf8'), prefix);
    expect(xml).not.toMatch(/id="triage"/);
    const deployed = await deploy(tokens.admin!, `${key}.bpmn`, xml);
    expect(deployed.status).toBe(201);
    // and a mail type bound to it
    const code = `renamed-${Date.now().toString(36)}`;
    const type = await api('POST', '/api/mail-types', { token: tokens.admin, body: { code, label: { ar: 'نوع تجريبي', fr: 'Type renommé', en: 'Renamed type' }, direction: 'incoming', dueDays: 10, circuitKey: key } });
    expect(type.status).toBe(201);

    // when the registrar registers a mail of that type
    const registered = await registerMail(tokens.registrar!, aMail({ mailType: code }));
    expect(registered.status).toBe(201);
    const mailId: string = registered.body.id;
    const task = (user: string) =>
      waitFor(`an open task of ${user}`, async () => (await api<UserTaskDto[]>('GET', `/api/user-tasks?businessKey=${mailId}`, { token: tokens[user] })).body.find((t) => t.status === 'open'));
    const status = async () => (await api<MailDto>('GET', `/api/mails/${mailId}`, { token: tokens.registrar })).body;

    // then it runs the renamed circuit, recorded on the mail
    const triage = await task('cabinet');
    expect(triage.circuitKey).toBe(key);
    expect(triage.taskDefinitionKey.startsWith(prefix)).toBe(true);
    expect((await status()).circuit).toEqual({ key, version: expect.any(Number) });

    // when the cabinet triages and the head assigns, then the status follows the circuit's milestones
    expect((await api('POST', `/api/user-tasks/${triage.id}/complete`, { token: tokens.cabinet, body: { variables: { forAction: ['urbanism'] } } })).status).toBe(204);
    await waitFor('the mail to be triaged', async () => (await status()).status === 'triaged');
    const assign = await task('head');
    expect((await api('POST', `/api/user-tasks/${assign.id}/complete`, { token: tokens.head, body: { variables: { agent: 'agent' } } })).status).toBe(204);
    await waitFor('the mail to be in progress', async () => (await status()).status === 'in_progress');
  });
});
