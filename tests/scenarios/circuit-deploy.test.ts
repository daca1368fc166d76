import { beforeAll, describe, expect, it } from '@jest/globals';
import { api, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';

const circuit = (key: string, body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_${key}" targetNamespace="t">
  <bpmn:process id="${key}" isExecutable="true" camunda:historyTimeToLive="P30D">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
    ${body}
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;
const reviewStep = '<bpmn:userTask id="step" name="Review" camunda:candidateGroups="cabinet" camunda:formRef="review-form" camunda:formRefBinding="latest" />';
const reviewForm = JSON.stringify({ id: 'review-form', type: 'default', schemaVersion: 16, components: [{ type: 'textfield', key: 'comment', label: 'Commentaire · ملاحظة' }] });

async function deploy(token: string, files: { name: string; content: string }[]) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.content]), f.name);
  const res = await fetch(`${stack.engineUrl}/api/circuits`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: await res.json() };
}

describe('deploying circuits through the engine', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await login('admin')).token;
  });

  it('deploys a circuit within policy, with its form, and lists it', async () => {
    const key = uniqueKey('review').replace(/-/g, '_');
    const res = await deploy(admin, [{ name: `${key}.bpmn`, content: circuit(key, reviewStep) }, { name: 'review-form.form', content: reviewForm }]);
    expect(res.status).toBe(201);
    expect(res.body.circuits).toEqual([expect.objectContaining({ key, version: 1 })]);
    const listed = await api<{ key: string }[]>('GET', '/api/circuits', { token: admin });
    expect(listed.body.map((c) => c.key)).toContain(key);
  });

  it('refuses a script task with 422, naming the element and the rule', async () => {
    const key = uniqueKey('scripted').replace(/-/g, '_');
    const res = await deploy(admin, [{ name: `${key}.bpmn`, content: circuit(key, '<bpmn:scriptTask id="step" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>') }]);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('step');
    expect(res.body.error.details.violations).toEqual([expect.objectContaining({ file: `${key}.bpmn`, elementId: 'step', rule: 'no-script-task' })]);
    const definitions = await runtimeApi<unknown[]>('GET', `/process-definition?key=${key}`);
    expect(definitions).toEqual([]);
  });

  it('refuses XML with a DOCTYPE (no external entities) and files that are not BPMN', async () => {
    const key = uniqueKey('xxe').replace(/-/g, '_');
    const xxe = circuit(key, reviewStep).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>');
    const refused = await deploy(admin, [{ name: `${key}.bpmn`, content: xxe }]);
    expect([refused.status, refused.body.error.details.violations[0].rule]).toEqual([422, 'no-doctype']);
    const notXml = await deploy(admin, [{ name: 'x.bpmn', content: '%PDF-1.4 not a circuit' }]);
    expect(notXml.status).toBe(415);
  });

  it('lets only admins deploy', async () => {
    const { token } = await login('cabinet');
    const key = uniqueKey('nope').replace(/-/g, '_');
    expect((await deploy(token, [{ name: `${key}.bpmn`, content: circuit(key, reviewStep) }])).status).toBe(403);
  });

  it('keeps drafts with revisions and versions, validates, deploys, and shows live figures per step', async () => {
    // given a draft imported from a file
    const key = uniqueKey('draft').replace(/-/g, '_');
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Relecture', xml: circuit(key, '<bpmn:userTask id="step" />') } });
    expect(created.status).toBe(201);
    const id: string = created.body._id;

    // when it is validated, the unassigned user task is named
    const check = await api('POST', `/api/circuit-drafts/${id}/validate`, { token: admin });
    expect(check.body.violations).toEqual([expect.objectContaining({ elementId: 'step', rule: 'user-task-assignment' })]);

    // and a stale save is refused, a fresh one kept, then versioned and deployed
    const save = (revision: number) =>
      api('PUT', `/api/circuit-drafts/${id}`, { token: admin, body: { xml: circuit(key, reviewStep), forms: [{ formId: 'review-form', schema: reviewForm }], revision } });
    expect((await save(1)).status).toBe(200);
    expect((await save(1)).status).toBe(409);
    const version = await api('POST', `/api/circuit-drafts/${id}/versions`, { token: admin, body: { label: 'v1 · première version' } });
    expect(version.body.number).toBe(1);
    const deployed = await api('POST', `/api/circuit-drafts/${id}/deploy`, { token: admin, body: { versionNumber: 1 } });
    expect(deployed.status).toBe(201);

    // then an instance shows up in the live figures of its step
    await runtimeApi('POST', `/process-definition/key/${key}/start`, { businessKey: key });
    const stats = await waitFor('running figures', async () => {
      const res = await api('GET', `/api/circuits/${encodeURIComponent(deployed.body.processDefinitionId)}/stats`, { token: admin });
      return res.body.activities?.step?.running === 1 ? res.body : null;
    });
    expect(stats.activities.start.averageMs).not.toBeNull();
  });

  it('opens a deployed standard circuit in the modeler with the forms deployed with it, once', async () => {
    // given the deployed incoming-mail circuit
    const circuits = await api<{ id: string; key: string }[]>('GET', '/api/circuits', { token: admin });
    const incoming = circuits.body.find((c) => c.key === 'incoming-mail')!;

    // when an admin opens it in the modeler twice
    const path = `/api/circuit-drafts/from-circuit/${encodeURIComponent(incoming.id)}`;
    const first = await api('POST', path, { token: admin });
    const again = await api('POST', path, { token: admin });

    // then one draft holds its XML and its forms
    expect(first.status).toBe(201);
    expect(first.body.processKey).toBe('incoming-mail');
    expect(first.body.xml).toContain('receipt.issue');
    expect(first.body.forms.map((f: { formId: string }) => f.formId)).toEqual(expect.arrayContaining(['triage-form']));
    expect(again.body._id).toBe(first.body._id);
    expect((await api('POST', path, { token: (await login('cabinet')).token })).status).toBe(403);
  });
});
