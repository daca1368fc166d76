import { beforeAll, describe, expect, it } from '@jest/globals';
import { api, login, runtimeApi, uniqueKey, waitFor } from '../harness/stack.js';
import { engineDb } from './mail.fixtures.js';

const DMN = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** A circuit: start → (a decision) → review by the cabinet → end. */
const circuit = (key: string, decisionRef?: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d_${key}" targetNamespace="t">
  <bpmn:process id="${key}" name="Permis" isExecutable="true" camunda:historyTimeToLive="P30D">
    <bpmn:startEvent id="start" />
    ${
      decisionRef
        ? `<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="suggest" />
    <bpmn:businessRuleTask id="suggest" name="Suggest the department" camunda:decisionRef="${decisionRef}" camunda:resultVariable="suggestedDepartment" camunda:mapDecisionResult="singleEntry" />
    <bpmn:sequenceFlow id="f1" sourceRef="suggest" targetRef="review" />`
        : '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />'
    }
    <bpmn:userTask id="review" name="Review" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A FEEL decision table: the department that should handle a mail type. */
const departmentDecision = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${DMN}" id="defs_${id}" name="Departments" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${id}" name="Service suggéré · المصلحة المقترحة">
    <decisionTable id="table_${id}" hitPolicy="FIRST">
      <input id="in_type" label="Mail type">
        <inputExpression id="in_type_expr" typeRef="string"><text>mailType</text></inputExpression>
      </input>
      <output id="out_dept" name="department" typeRef="string" />
      <rule id="r_permit"><inputEntry id="r_permit_in"><text>"permit","permis"</text></inputEntry><outputEntry id="r_permit_out"><text>"urbanism"</text></outputEntry></rule>
      <rule id="r_other"><inputEntry id="r_other_in"><text>-</text></inputEntry><outputEntry id="r_other_out"><text>"cabinet"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;

describe('circuit drafts', () => {
  let admin: string;
  beforeAll(async () => {
    admin = (await login('admin')).token;
  });

  it('lets several drafts hold the same process, each keyed and saved by its own id', async () => {
    // given two drafts of one process
    const key = uniqueKey('permit').replace(/-/g, '_');
    const first = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Permis · première piste', xml: circuit(key) } });
    const second = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Permis · seconde piste', xml: circuit(key) } });

    // then both exist with the process key of their executable process
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body._id).not.toBe(second.body._id);
    expect([first.body.processKey, second.body.processKey]).toEqual([key, key]);

    // and each is saved on its own revision; a stale save is still refused
    const save = (id: string, revision: number) => api('PUT', `/api/circuit-drafts/${id}`, { token: admin, body: { xml: circuit(key), forms: [], revision } });
    expect((await save(first.body._id, 1)).body.revision).toBe(2);
    expect((await save(second.body._id, 1)).body.revision).toBe(2);
    expect((await save(first.body._id, 1)).status).toBe(409);

    // and the list shows both, with their decisions counted
    const listed = await api<{ id: string; processKey: string; decisions: number }[]>('GET', `/api/circuit-drafts?q=${key}`, { token: admin });
    expect(listed.body.map((d) => d.id).sort()).toEqual([first.body._id, second.body._id].sort());
    expect(listed.body.every((d) => d.processKey === key && d.decisions === 0)).toBe(true);
  });

  it('searches drafts by name (Arabic without hamza, French without accents) and by process id', async () => {
    // given drafts with Arabic and French names
    const tag = uniqueKey('s').replace(/-/g, '');
    const arabic = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: `طلب إحداث ${tag}`, xml: circuit(`ar_${tag}`) } });
    const french = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: `Réclamation écrite ${tag}`, xml: circuit(`fr_${tag}`) } });
    const names = async (q: string) => (await api<{ name: string }[]>('GET', `/api/circuit-drafts?q=${encodeURIComponent(q)}`, { token: admin })).body.map((d) => d.name);

    // then each is found by what people type
    expect(await names(`احداث ${tag}`)).toEqual([arabic.body.name]);
    expect(await names(`reclamation ECRITE ${tag}`)).toEqual([french.body.name]);
    expect(await names(`ar_${tag}`)).toEqual([arabic.body.name]);
    expect((await names(tag)).sort()).toEqual([arabic.body.name, french.body.name].sort());
    expect(await names(`nothing-${tag}`)).toEqual([]);
  });

  it('deletes a draft for admins only, and audits it', async () => {
    // given a draft
    const key = uniqueKey('gone').replace(/-/g, '_');
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'À supprimer', xml: circuit(key) } });
    const path = `/api/circuit-drafts/${created.body._id}`;

    // when people without the admin role try, then they are refused and it stays
    for (const username of ['registrar', 'cabinet', 'head', 'agent', 'supervisor']) {
      const { token } = await login(username);
      expect([username, (await api('DELETE', path, { token })).status]).toEqual([username, 403]);
    }
    expect((await api('DELETE', path)).status).toBe(401);
    expect((await api('GET', path, { token: admin })).status).toBe(200);

    // when the admin deletes it, then it is gone, once, and the audit log says who
    expect((await api('DELETE', path, { token: admin })).status).toBe(204);
    expect((await api('GET', path, { token: admin })).status).toBe(404);
    expect((await api('DELETE', path, { token: admin })).status).toBe(404);
    const { db, close } = await engineDb();
    try {
      const entry = await db.collection('auditLog').findOne({ action: 'circuitDraft.deleted', 'details.draftId': created.body._id });
      expect(entry).toMatchObject({ actor: 'admin', details: { name: 'À supprimer', processKey: key } });
    } finally {
      await close();
    }
    expect((await api('GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);
  });

  it('deploys a draft with its decision table, which the runtime holds and the circuit evaluates in FEEL', async () => {
    // given a draft whose circuit calls a decision, saved with the .dmn file
    const key = uniqueKey('decided').replace(/-/g, '_');
    const decisionId = `${key}_department`;
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Permis avec décision', xml: circuit(key) } });
    const id: string = created.body._id;
    const saved = await api('PUT', `/api/circuit-drafts/${id}`, {
      token: admin,
      body: { xml: circuit(key, decisionId), forms: [], decisions: [{ file: 'departments', xml: departmentDecision(decisionId) }], revision: 1 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.decisions).toEqual([{ file: 'departments', xml: departmentDecision(decisionId) }]);

    // and a save without decisions (an older client) keeps them; a bad file name is refused
    const kept = await api('PUT', `/api/circuit-drafts/${id}`, { token: admin, body: { xml: circuit(key, decisionId), forms: [], revision: 2 } });
    expect(kept.body.decisions.map((d: { file: string }) => d.file)).toEqual(['departments']);
    const badName = await api('PUT', `/api/circuit-drafts/${id}`, {
      token: admin,
      body: { xml: circuit(key, decisionId), forms: [], decisions: [{ file: '../etc', xml: departmentDecision(decisionId) }], revision: 3 },
    });
    expect(badName.status).toBe(400);

    // when it is validated and deployed
    expect((await api('POST', `/api/circuit-drafts/${id}/validate`, { token: admin })).body.violations).toEqual([]);
    const deployed = await api('POST', `/api/circuit-drafts/${id}/deploy`, { token: admin, body: { versionNumber: null } });
    expect(deployed.status).toBe(201);

    // then the runtime holds the decision, deployed with the circuit
    const decisions = await runtimeApi<{ key: string; deploymentId: string; resource: string }[]>('GET', `/decision-definition?key=${decisionId}`);
    expect(decisions).toEqual([expect.objectContaining({ key: decisionId, resource: 'departments.dmn' })]);
    const definition = await runtimeApi<{ deploymentId: string }>('GET', `/process-definition/${encodeURIComponent(deployed.body.processDefinitionId)}`);
    expect(decisions[0]!.deploymentId).toBe(definition.deploymentId);

    // and an instance evaluates it: a permit goes to urbanism
    const instance = await runtimeApi<{ id: string }>('POST', `/process-definition/key/${key}/start`, {
      businessKey: uniqueKey('mail'),
      variables: { mailType: { value: 'permit', type: 'String' } },
    });
    const suggested = await waitFor('the decision result', async () => {
      const variables = await runtimeApi<Record<string, { value: unknown }>>('GET', `/process-instance/${instance.id}/variables`);
      return variables.suggestedDepartment?.value ?? null;
    });
    expect(suggested).toBe('urbanism');
  });

  it('refuses a decision in another expression language than FEEL', async () => {
    // given a draft whose decision table uses JavaScript
    const key = uniqueKey('juel').replace(/-/g, '_');
    const decisionId = `${key}_js`;
    const scripted = departmentDecision(decisionId).replace('<inputExpression id="in_type_expr" typeRef="string">', '<inputExpression id="in_type_expr" typeRef="string" expressionLanguage="javascript">');
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Script caché', xml: circuit(key, decisionId), decisions: [{ file: 'scripted', xml: scripted }] } });
    expect(created.status).toBe(201);

    // when it is validated or deployed, then the policy refuses it, naming the file
    const check = await api('POST', `/api/circuit-drafts/${created.body._id}/validate`, { token: admin });
    expect(check.body.violations).toEqual([expect.objectContaining({ file: 'scripted.dmn' })]);
    const refused = await api('POST', `/api/circuit-drafts/${created.body._id}/deploy`, { token: admin, body: { versionNumber: null } });
    expect(refused.status).toBe(422);
    expect(await runtimeApi<unknown[]>('GET', `/decision-definition?key=${decisionId}`)).toEqual([]);
  });

  it('opens the standard incoming circuit in the modeler with the decision deployed with it', async () => {
    const circuits = await api<{ id: string; key: string }[]>('GET', '/api/circuits', { token: admin });
    const incoming = circuits.body.find((c) => c.key === 'incoming-mail')!;
    const draft = await api('POST', `/api/circuit-drafts/from-circuit/${encodeURIComponent(incoming.id)}`, { token: admin });
    expect(draft.body.processKey).toBe('incoming-mail');
    expect(draft.body.decisions.map((d: { file: string }) => d.file)).toContain('triage-suggestion');
    // and the draft passes the policy as it is, decision included
    expect((await api('POST', `/api/circuit-drafts/${draft.body._id}/validate`, { token: admin })).body.violations).toEqual([]);
  });

  it('opens a deployed circuit in the modeler: the draft that deployed it, with its decisions', async () => {
    // given a deployed draft with a decision, and a newer draft of the same process
    const key = uniqueKey('reopen').replace(/-/g, '_');
    const decisionId = `${key}_department`;
    const deployedDraft = await api('POST', '/api/circuit-drafts', {
      token: admin,
      body: { name: 'Déployé', xml: circuit(key, decisionId), decisions: [{ file: 'departments', xml: departmentDecision(decisionId) }] },
    });
    const deployed = await api('POST', `/api/circuit-drafts/${deployedDraft.body._id}/deploy`, { token: admin, body: { versionNumber: null } });
    expect(deployed.status).toBe(201);
    await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Autre piste', xml: circuit(key) } });

    // when the deployed circuit is opened in the modeler, then the draft that deployed it comes back
    const path = `/api/circuit-drafts/from-circuit/${encodeURIComponent(deployed.body.processDefinitionId)}`;
    const opened = await api('POST', path, { token: admin });
    expect(opened.body._id).toBe(deployedDraft.body._id);

    // and once that draft is deleted, a new draft is made from the runtime, decisions included
    await api('DELETE', `/api/circuit-drafts/${deployedDraft.body._id}`, { token: admin });
    const other = await api('POST', path, { token: admin });
    expect(other.body.name).toBe('Autre piste');
    await api('DELETE', `/api/circuit-drafts/${other.body._id}`, { token: admin });
    const rebuilt = await api('POST', path, { token: admin });
    expect(rebuilt.status).toBe(201);
    expect(rebuilt.body.processKey).toBe(key);
    expect(rebuilt.body.decisions).toEqual([{ file: 'departments', xml: expect.stringContaining(decisionId) }]);
  });
});
