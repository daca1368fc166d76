import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, stack, uniqueKey } from '../harness/stack.js';

const SHOTS = 'test-results/modeler-arabic';
const LATIN_WORD = /[A-Za-z]{3,}/;

/** The modeler for a process owner who reads Arabic (issue 7, item 6), through its real UI. */
describe('the circuit modeler, in Arabic', () => {
  let browser: Browser;
  let admin: string;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
    admin = (await login('admin')).token;
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openDraft(xml: string, name: string): Promise<{ page: Page; draftId: string }> {
    const created = await api('POST', '/api/circuit-drafts', { token: admin, body: { name, xml } });
    expect(created.status).toBe(201);
    const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    await logIn(page, 'admin', 'ar');
    await page.goto(`${stack.engineUrl}/circuits/drafts/${created.body._id}`);
    await page.locator('[data-testid="modeler-canvas"][data-state="ready"]').waitFor({ timeout: 30_000 });
    return { page, draftId: String(created.body._id) };
  }

  it('picks the candidate group among the real departments, by their Arabic names, deploys, and links to the live view', async () => {
    // given a circuit whose one user task says nobody yet
    const processKey = uniqueKey('permit').replace(/[^A-Za-z0-9-]/g, '-');
    const { page, draftId } = await openDraft(circuitFile(processKey, ''), 'رخصة بناء');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByTestId('modeler-canvas').getAttribute('dir')).toBe('ltr');
    await page.locator('[data-testid="lint-issue"][data-element-id="study"][data-rule="diwan/user-task-assignment"]').waitFor();

    // when the process owner selects the task and opens its assignment
    await page.locator('.djs-shape[data-element-id="study"]').click();
    await page.locator('[data-group-id="group-CamundaPlatform__UserAssignment"] .bio-properties-panel-group-header').click();
    const picker = page.getByTestId('picker-candidateGroups');
    // then the departments are listed by their Arabic names, codes hidden
    await picker.locator('label', { hasText: 'مصلحة التعمير' }).waitFor();
    const names = await picker.locator('label').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['الديوان', 'مصلحة التعمير', 'مصلحة المالية']));
    expect(names.join(' ')).not.toMatch(LATIN_WORD);
    // and the group name and labels of the panel are Arabic
    expect(await page.locator('[data-group-id="group-CamundaPlatform__UserAssignment"] .bio-properties-panel-group-header-title').textContent()).toBe('الإسناد');

    // when they tick "urban planning"
    await picker.locator('label', { hasText: 'مصلحة التعمير' }).locator('input').check();
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    // then the task's candidate group is the department's code, and the problem is gone
    const saved = await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin });
    expect(saved.body.xml).toContain('camunda:candidateGroups="urbanism"');
    await page.locator('[data-testid="lint-count"][data-errors="0"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/1-department-picker.png` });

    // and an expression still assigns dynamically
    await page.getByTestId('picker-mode-assignee').selectOption('expression');
    await page.locator('#bio-properties-panel-assignee').fill('${registrar}');
    await page.locator('#bio-properties-panel-assignee').press('Tab');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    expect((await api('GET', `/api/circuit-drafts/${draftId}`, { token: admin })).body.xml).toContain('camunda:assignee="${registrar}"');

    // when it is deployed
    await page.getByTestId('deploy-button').click();
    await page.locator('[data-testid="deploy-progress"][data-state="done"][data-step="done"]').waitFor({ timeout: 30_000 });

    // then the result links to the live view of the deployed version
    const live = page.getByTestId('deploy-live-link');
    await live.waitFor();
    const definitionId = (await page.getByTestId('deploy-result').getAttribute('data-process-definition-id'))!;
    expect(await live.getAttribute('href')).toBe(`/circuits/${encodeURIComponent(definitionId)}/live`);
    expect(await live.textContent()).toBe('فتح العرض المباشر لهذه الدائرة');
    // and says that no mail type runs it yet
    await page.locator('[data-testid="deploy-mail-types"][data-count="0"]', { hasText: 'لا يتبع أي نوع من المراسلات هذه الدائرة بعد.' }).waitFor();

    // when a mail type is bound to it and it is deployed again
    const code = uniqueKey('permit').toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40);
    const mailType = await api('POST', '/api/mail-types', {
      token: admin,
      body: { code, label: { ar: 'طلب رخصة بناء', fr: 'Demande de permis', en: 'Permit request' }, direction: 'incoming', dueDays: 30, circuitKey: processKey, active: true },
    });
    expect([mailType.status, mailType.body]).toEqual([201, expect.anything()]);
    await page.getByTestId('deploy-button').click();
    await page.locator('[data-testid="deploy-progress"][data-state="done"][data-step="done"]').waitFor({ timeout: 30_000 });
    // then the mail type is listed by its Arabic label, with the page that manages mail types
    await page.locator(`[data-testid="deploy-mail-type"][data-code="${code}"]`, { hasText: 'طلب رخصة بناء' }).waitFor();
    expect(await page.getByTestId('deploy-mail-types-link').getAttribute('href')).toBe('/admin/mail-types');
    expect(await page.getByTestId('deploy-result').textContent()).not.toMatch(LATIN_WORD);
    await page.screenshot({ path: `${SHOTS}/2-deployed-links.png`, fullPage: true });

    // and the live view opens
    await live.click();
    await page.waitForURL(/\/live$/);
    await page.close();
  }, 180_000);

  it('shows the import warnings in Arabic until dismissed', async () => {
    // given a file with an element bpmn-js does not know
    const processKey = uniqueKey('odd').replace(/[^A-Za-z0-9-]/g, '-');
    const { page } = await openDraft(circuitFile(processKey, 'cabinet', '<bpmn:fancyTask id="fancy" name="غريب" />'), 'ملف غريب');
    // then the warning says so in Arabic, bpmn-js's sentence in the tooltip only
    const warning = page.locator('[data-testid="import-warning"][data-kind="unparsable"]');
    await warning.waitFor();
    expect(await warning.textContent()).toBe('تم تجاوز عنصر غير معروف «fancyTask».');
    expect(await warning.getAttribute('title')).toContain('unparsable content <bpmn:fancyTask>');
    expect(await page.getByTestId('import-warnings').locator('.alert__title').textContent()).toMatch(/^فُتح المخطط/);
    await page.screenshot({ path: `${SHOTS}/3-import-warning.png` });
    // when dismissed, it goes
    await page.getByTestId('import-warnings-dismiss').click();
    expect(await page.getByTestId('import-warnings').count()).toBe(0);
    await page.close();
  }, 120_000);

  it('shows the server’s policy refusal in Arabic, naming the step by its name', async () => {
    // given a circuit with a script task
    const processKey = uniqueKey('scripted').replace(/[^A-Za-z0-9-]/g, '-');
    const { page } = await openDraft(circuitFile(processKey, 'cabinet', '<bpmn:scriptTask id="fee" name="حساب المعاليم" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>', 'fee'), 'دائرة بنص برمجي');
    // when the server is asked
    await page.getByTestId('validate-button').click();
    // then it refuses in Arabic, and the page names the step
    const violation = page.locator('[data-testid="deploy-violation"][data-element-id="fee"][data-rule="no-script-task"]');
    await violation.waitFor();
    expect(await violation.textContent()).toBe('حساب المعاليم — النصوص البرمجية غير مسموح بها: استعمل بدلها خطوة جاهزة من الفهرس.');
    expect(await page.getByTestId('deploy-errors').textContent()).not.toMatch(LATIN_WORD);
    // and the lint button and problems list speak Arabic too
    expect(await page.locator('.bjsl-button').textContent()).toMatch(/أخطاء/);
    await page.getByTestId('deploy-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/4-policy-refusal.png`, fullPage: true });

    // and the API itself answers in the Accept-Language language
    const refused = await api('POST', `/api/circuit-drafts/${(await page.getByTestId('modeler-page').getAttribute('data-draft-id'))!}/deploy`, {
      token: admin,
      body: { versionNumber: null },
      headers: { 'Accept-Language': 'ar' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/^رُفض النشر: /);
    await page.close();
  }, 120_000);

  it('says the token simulation and the form editor in Arabic', async () => {
    const processKey = uniqueKey('sim').replace(/[^A-Za-z0-9-]/g, '-');
    const { page } = await openDraft(circuitFile(processKey, 'cabinet'), 'محاكاة');
    // token simulation: its own toggle and palette
    await page.locator('.bts-toggle-mode', { hasText: 'محاكاة المسار' }).waitFor();
    await page.getByTestId('simulation-toggle').click();
    await page.locator('.bts-toggle-mode', { hasText: 'محاكاة المسار' }).waitFor();
    expect(await page.locator('.bts-toggle-mode').textContent()).not.toMatch(LATIN_WORD);
    await page.screenshot({ path: `${SHOTS}/5-token-simulation.png` });
    await page.getByTestId('simulation-toggle').click();

    // the form editor: palette and panel in Arabic
    await page.locator('.djs-shape[data-element-id="study"]').click();
    await page.getByTestId('form-design').click();
    await page.locator('[data-testid="form-designer"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await page.locator('.fjs-palette-header', { hasText: 'المكوّنات' }).waitFor();
    expect(await page.locator('.fjs-palette-group-title').allTextContents()).toEqual(expect.arrayContaining(['إدخال', 'اختيار']));
    expect(await page.locator('.fjs-palette-search').getAttribute('placeholder')).toBe('البحث في المكوّنات');
    await page.screenshot({ path: `${SHOTS}/6-form-editor.png` });
    await page.getByTestId('form-cancel').click();
    await page.close();
  }, 120_000);
});

/** start → a user task (candidate groups as given) with a deadline → end; `extra` goes in the process. */
function circuitFile(processKey: string, candidateGroups: string, extra = '', extraShape = ''): string {
  const groups = candidateGroups ? ` camunda:candidateGroups="${candidateGroups}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_p" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processKey}" name="رخصة بناء" isExecutable="true" camunda:historyTimeToLive="180">
    <bpmn:startEvent id="start" name="طلب وارد"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="study" />
    <bpmn:userTask id="study" name="دراسة الملف"${groups} camunda:dueDate="P10D"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="study" targetRef="end" />
    <bpmn:endEvent id="end" name="تمت الدراسة"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    ${extra}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d">
    <bpmndi:BPMNPlane id="p" bpmnElement="${processKey}">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="study_di" bpmnElement="study"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      ${extraShape ? `<bpmndi:BPMNShape id="${extraShape}_di" bpmnElement="${extraShape}"><dc:Bounds x="240" y="240" width="100" height="80" /></bpmndi:BPMNShape>` : ''}
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
