import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn, requestsWhileIdle } from '../harness/browser.js';
import { api, login, runtimeApi, stack, uniqueKey, waitFor } from '../harness/stack.js';
import { aMail, registerMail } from '../scenarios/mail.fixtures.js';
import { openPanelGroup } from './properties-panel.js';

/** The circuit modeler (issue 4), driven through its real UI: palette, context pad, panel. */
describe('the circuit modeler in a real browser', () => {
  let browser: Browser;
  let admin: string;
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = (await login('admin')).token;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function newModelerPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await logIn(page, 'admin', 'fr');
    return page;
  }

  const canvasReady = (page: Page) => page.locator('[data-testid="modeler-canvas"][data-state="ready"]').waitFor({ timeout: 30_000 });
  const selectedId = (page: Page) =>
    page.locator('.djs-shape.selected').evaluateAll((els) => (els.length === 1 ? els[0]!.getAttribute('data-element-id') : null));

  /** Selects an element by clicking it on the canvas. */
  async function select(page: Page, id: string) {
    if ((await selectedId(page)) === id && (await page.locator('.djs-context-pad.open').count()) > 0) return;
    await page.locator(`.djs-shape[data-element-id="${id}"]`).click();
    await page.locator(`.djs-shape.selected[data-element-id="${id}"]`).waitFor({ timeout: 5_000 }).catch(async (err: Error) => {
      await page.screenshot({ path: `test-results/modeler-select-${id}.png` });
      throw err;
    });
  }

  /** Opens a properties panel group (collapsed by default) and fills one of its entries. */
  async function fillEntry(page: Page, groupId: string, entryId: string, value: string) {
    const input = page.locator(`#bio-properties-panel-${entryId}`);
    await openPanelGroup(page.locator(`[data-group-id="${groupId}"]`));
    await input.fill(value);
    await input.press('Tab');
  }

  /** Appends from the selected element through its context pad; returns the new element's id. */
  async function append(page: Page, action: string, name: string): Promise<string> {
    const before = await selectedId(page);
    await page.locator(`.djs-context-pad .entry[data-action="${action}"]`).click();
    await page.keyboard.type(name);
    // a click on the empty canvas ends the label editing
    await page.mouse.click(900, 750);
    const id = await waitFor('the appended element', async () => {
      const ids = await page.locator('.djs-shape[data-element-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-element-id')));
      return ids.find((i) => i && i !== before && !i.endsWith('_label') && !known.has(i)) ?? null;
    });
    known.add(id);
    await select(page, id);
    return id;
  }
  const known = new Set<string>();

  /** Changes the element's type through the replace menu; returns the id of the new element. */
  async function replaceWith(page: Page, id: string, target: string): Promise<string> {
    await select(page, id);
    // (the replace menu sometimes ignores the first click while the page settles: click again then)
    const entry = page.locator(`.djs-popup [data-id="replace-with-${target}"]`);
    for (let attempt = 0; attempt < 3 && !(await entry.count()); attempt++) {
      await select(page, id);
      await page.locator('.djs-context-pad .entry[data-action="replace"]').click();
      await entry.waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await entry.click();
    await page.locator('.djs-popup').waitFor({ state: 'detached' });
    const replaced = (await selectedId(page))!;
    known.add(replaced);
    return replaced;
  }

  async function expectDeployed(page: Page): Promise<string> {
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="lint-count"][data-errors="0"]').waitFor();
    expect(await requestsWhileIdle(page)).toEqual([]); // left alone, it asks the engine nothing twice
    expect(await page.getByTestId('deploy-button').isEnabled()).toBe(true);
    await page.getByTestId('deploy-button').click();
    const done = page.locator('[data-testid="deploy-progress"][data-state="done"][data-step="done"]');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.locator('progress').getAttribute('value')).toBe('4');
    return (await page.getByTestId('deploy-result').getAttribute('data-process-definition-id'))!;
  }

  it('builds a circuit from the palette, configures it with a template and a form, deploys it, and it runs', async () => {
    // given a blank circuit, created from the drafts page
    const page = await newModelerPage();
    await page.getByTestId('nav-modeler').click();
    await page.getByTestId('draft-name').fill(`Circuit e2e ${uniqueKey('m')}`);
    await page.getByTestId('draft-create').click();
    await canvasReady(page);
    const draftId = (await page.getByTestId('modeler-page').getAttribute('data-draft-id'))!;
    const processKey = (await page.getByTestId('modeler-process-key').textContent())!;
    known.clear();
    known.add('start');

    // when the process owner draws start → service task → user task → end
    await select(page, 'start');
    await fillEntry(page, 'group-general', 'name', 'Courrier reçu');
    const receipt = await replaceWith(page, await append(page, 'append.append-task', 'Accusé de réception'), 'service-task');
    // and picks the "Issue receipt" step instead of typing a topic
    await page.locator('[data-group-id="group-ElementTemplates__Template"] .bio-properties-panel-group-header-buttons button').first().click();
    await page.locator('.djs-popup [data-id="apply-template-diwan.receipt.issue"]').click();
    await page.locator('[data-group-id="group-ElementTemplates__Template"]', { hasText: 'Issue receipt' }).waitFor();

    const triage = await replaceWith(page, await append(page, 'append.append-task', 'Imputation'), 'user-task');
    // the candidate group is picked from the real departments, by name
    await openPanelGroup(page.locator('[data-group-id="group-CamundaPlatform__UserAssignment"]'));
    await page.locator('[data-testid="picker-candidateGroups"] label', { hasText: 'Cabinet' }).locator('input[data-value="cabinet"]').check();
    // the deadline rule: a circuit with user tasks has a deadline
    await page.locator('#bio-properties-panel-dueDate').fill('P5D');
    await page.locator('#bio-properties-panel-dueDate').press('Tab');

    // and designs the task's form (the editor opens; the empty form is enough)
    await page.getByTestId('form-design').click();
    await page.locator('[data-testid="form-designer"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="form-designer"] .fjs-editor-container, [data-testid="form-designer"] .fjs-container').first().waitFor();
    await page.getByTestId('form-save').click();
    await page.getByTestId('form-designer').waitFor({ state: 'detached' });

    await select(page, triage);
    const end = await append(page, 'append.end-event', 'Traité');
    expect(end).toBeTruthy();

    // then it is saved automatically, with the template, the group and the form
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    const saved = await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin });
    expect(saved.body.xml).toContain('camunda:topic="receipt.issue"');
    expect(saved.body.xml).toContain('camunda:modelerTemplate="diwan.receipt.issue"');
    expect(saved.body.xml).toContain('camunda:candidateGroups="cabinet"');
    expect(saved.body.xml).toContain(`camunda:formRef="${triage}-form"`);
    expect(saved.body.forms.map((f: { formId: string }) => f.formId)).toEqual([`${triage}-form`]);

    // and the server accepts it
    await page.getByTestId('validate-button').click();
    await page.getByTestId('validate-result').waitFor();

    // when it is deployed, the progress completes
    const definitionId = await expectDeployed(page);
    expect((await runtimeApi<{ key: string }>('GET', `/process-definition/${encodeURIComponent(definitionId)}`)).key).toBe(processKey);

    // then an instance runs: the receipt worker completes its task and the user task appears
    // (through a mail type bound to it: registration starts the type's circuit)
    const code = uniqueKey('type').toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const type = await api('POST', '/api/mail-types', { token: admin, body: { code, label: { ar: 'نوع', fr: 'Type', en: 'Type' }, direction: 'incoming', dueDays: 5, circuitKey: processKey } });
    expect(type.status).toBe(201);
    const registered = await registerMail((await login('registrar')).token, aMail({ mailType: code }));
    expect(registered.status).toBe(201);
    const businessKey: string = registered.body.id;
    const instance = await waitFor('the instance', async () => (await runtimeApi<{ id: string }[]>('GET', `/process-instance?businessKey=${businessKey}`))[0]);
    await waitFor(
      'the receipt step to be done',
      async () => (await runtimeApi<unknown[]>('GET', `/history/activity-instance?processInstanceId=${instance.id}&activityId=${receipt}&finished=true`)).length > 0,
      30_000,
    );
    const tasks = await waitFor('the user task', async () => {
      const list = await runtimeApi<{ taskDefinitionKey: string; due: string | null }[]>('GET', `/task?processInstanceId=${instance.id}`);
      return list.length > 0 ? list : null;
    });
    expect(tasks[0]!.taskDefinitionKey).toBe(triage);
    expect(tasks[0]!.due).toBeTruthy();
    await page.close();
  }, 180_000);

  it('imports a Camunda Modeler file, which opens unchanged and deploys', async () => {
    const processKey = uniqueKey('camunda-modeler').replace(/[^A-Za-z0-9-]/g, '-');
    const file = camundaModelerFile(processKey);
    const page = await newModelerPage();
    await page.goto(`${stack.engineUrl}/circuits/drafts`);
    await page.getByTestId('draft-import').setInputFiles({ name: `${processKey}.bpmn`, mimeType: 'application/xml', buffer: Buffer.from(file) });
    await canvasReady(page);
    const draftId = (await page.getByTestId('modeler-page').getAttribute('data-draft-id'))!;
    expect(await page.locator('.djs-shape[data-element-id="issue_receipt"]').count()).toBe(1);
    expect((await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin })).body.xml).toBe(file);
    await page.locator('[data-testid="lint-count"][data-errors="0"]').waitFor();

    const definitionId = await expectDeployed(page);
    expect((await runtimeApi<{ key: string }>('GET', `/process-definition/${encodeURIComponent(definitionId)}`)).key).toBe(processKey);
    await page.close();
  }, 120_000);

  it('refuses a circuit with a script task, naming the element, in the problems and from the server', async () => {
    const processKey = uniqueKey('scripted').replace(/[^A-Za-z0-9-]/g, '-');
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name: 'Scripted', xml: scriptedFile(processKey) } });
    expect(created.status).toBe(201);
    const page = await newModelerPage();
    await page.goto(`${stack.engineUrl}/circuits/drafts/${created.body._id}`);
    await canvasReady(page);

    // the problems list names the script task, and deploying is blocked with the reason
    const issue = page.locator('[data-testid="lint-issue"][data-element-id="compute_fee"][data-rule="diwan/no-code"]');
    await issue.waitFor();
    expect(await issue.textContent()).toContain('Calculer les frais');
    expect(await issue.textContent()).toMatch(/politique de déploiement/);
    expect(await issue.locator('.lint-issue__message').getAttribute('title')).toContain('ScriptTask compute_fee');
    expect(await issue.textContent()).not.toContain('diwan/no-code');
    expect(await page.getByTestId('deploy-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('deploy-blocked-reason').textContent()).toMatch(/bloqué/);

    // and the server, asked, refuses it too, naming the element and the rule
    await page.getByTestId('validate-button').click();
    const violation = page.locator('[data-testid="deploy-violation"][data-element-id="compute_fee"][data-rule="no-script-task"]');
    await violation.waitFor();
    // in the page's language (French here), naming the step by its name
    expect(await violation.textContent()).toBe('Calculer les frais — Les scripts ne sont pas autorisés : utilisez plutôt une étape prête du catalogue.');
    const refused = await api('POST', `/api/circuit-drafts/${created.body._id}/deploy`, { token: admin, body: { versionNumber: null } });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('compute_fee');
    await page.close();
  }, 120_000);
});

/** A file as Camunda Modeler 5 writes it for Camunda Platform 7, within the policy. */
function camundaModelerFile(processKey: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1x2y3z" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.22.0">
  <bpmn:process id="${processKey}" name="Courrier simple" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="StartEvent_1" name="Courrier reçu">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="issue_receipt" />
    <bpmn:serviceTask id="issue_receipt" name="Accusé de réception" camunda:type="external" camunda:topic="receipt.issue">
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_2" sourceRef="issue_receipt" targetRef="handle" />
    <bpmn:userTask id="handle" name="Traiter" camunda:candidateGroups="cabinet" camunda:dueDate="P3D">
      <bpmn:incoming>Flow_2</bpmn:incoming>
      <bpmn:outgoing>Flow_3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1" name="Traité">
      <bpmn:incoming>Flow_3</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_3" sourceRef="handle" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processKey}">
      <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
        <dc:Bounds x="179" y="99" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="163" y="142" width="68" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_issue_receipt_di" bpmnElement="issue_receipt">
        <dc:Bounds x="270" y="77" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_handle_di" bpmnElement="handle">
        <dc:Bounds x="430" y="77" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Event_end_di" bpmnElement="EndEvent_1">
        <dc:Bounds x="592" y="99" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="596" y="142" width="29" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
        <di:waypoint x="215" y="117" />
        <di:waypoint x="270" y="117" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
        <di:waypoint x="370" y="117" />
        <di:waypoint x="430" y="117" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3">
        <di:waypoint x="530" y="117" />
        <di:waypoint x="592" y="117" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

/** A circuit whose middle step is a script task: against the policy. */
function scriptedFile(processKey: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_s" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processKey}" name="Scripted" isExecutable="true">
    <bpmn:startEvent id="start" name="Début"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="compute_fee" />
    <bpmn:scriptTask id="compute_fee" name="Calculer les frais" scriptFormat="javascript"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:script>execution.setVariable('fee', 10)</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="f2" sourceRef="compute_fee" targetRef="end" />
    <bpmn:endEvent id="end" name="Fin"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d">
    <bpmndi:BPMNPlane id="p" bpmnElement="${processKey}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="compute_fee_di" bpmnElement="compute_fee"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
