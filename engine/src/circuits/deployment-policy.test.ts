import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { KNOWN_TOPICS } from '@diwan/contracts';
import { checkBpmn } from './deployment-policy.js';

const options = { knownTopics: KNOWN_TOPICS };
const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const rulesOf = (xml: string, allowCode = false) => checkBpmn('c.bpmn', xml, { ...options, allowCode }).map((v) => [v.elementId, v.rule]);

describe('the deployment policy', () => {
  it('accepts every standard circuit', () => {
    const dir = path.resolve(process.cwd(), 'processes');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.bpmn'))) {
      expect(checkBpmn(file, readFileSync(path.join(dir, file), 'utf8'), options)).toEqual([]);
    }
  });

  it('accepts external tasks on known topics and assigned user tasks', () => {
    expect(rulesOf(bpmn('<bpmn:serviceTask id="r" camunda:type="external" camunda:topic="receipt.issue"/><bpmn:userTask id="u" camunda:candidateGroups="cabinet"/>'))).toEqual([]);
  });

  it('refuses a script task, naming it', () => {
    const [violation] = checkBpmn('c.bpmn', bpmn('<bpmn:scriptTask id="calc" scriptFormat="groovy"><bpmn:script>1+1</bpmn:script></bpmn:scriptTask>'), options);
    expect(violation).toMatchObject({ elementId: 'calc', rule: 'no-script-task' });
    expect(violation?.message).toContain('calc');
  });

  it('refuses Java classes, expression delegates and script listeners', () => {
    expect(
      rulesOf(
        bpmn(`
      <bpmn:serviceTask id="java" camunda:class="com.acme.Delegate"/>
      <bpmn:serviceTask id="expr" camunda:expression="\${bean.run()}"/>
      <bpmn:serviceTask id="del" camunda:delegateExpression="\${myDelegate}"/>
      <bpmn:userTask id="u" camunda:assignee="x"><bpmn:extensionElements>
        <camunda:taskListener event="create" class="com.acme.Listener"/>
        <camunda:executionListener event="start"><camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script></camunda:executionListener>
      </bpmn:extensionElements></bpmn:userTask>`),
      ),
    ).toEqual([
      ['java', 'no-java-delegate'],
      ['expr', 'no-java-delegate'],
      ['del', 'no-java-delegate'],
      ['u', 'no-java-delegate'],
      ['u', 'no-script'],
    ]);
  });

  it('lets an admin allow code explicitly', () => {
    expect(rulesOf(bpmn('<bpmn:scriptTask id="calc" scriptFormat="groovy"/><bpmn:serviceTask id="java" camunda:class="X"/>'), true)).toEqual([]);
  });

  it('refuses unknown topics, service tasks without an external implementation, and unassigned user tasks', () => {
    expect(rulesOf(bpmn('<bpmn:serviceTask id="a" camunda:type="external" camunda:topic="mine.bitcoin"/><bpmn:sendTask id="b"/><bpmn:userTask id="c"/>'))).toEqual([
      ['a', 'known-topic'],
      ['b', 'external-service-work'],
      ['c', 'user-task-assignment'],
    ]);
  });

  it('refuses expressions that reach into the engine', () => {
    expect(rulesOf(bpmn('<bpmn:userTask id="u" camunda:assignee="${execution.getProcessEngineServices().getIdentityService()}"/>'))).toEqual([['u', 'no-engine-access']]);
  });

  it('refuses #{…} expressions that reach into the engine, as it does ${…} ones', () => {
    // given expressions in both syntaxes the runtime evaluates, in an attribute and in a text
    const xml = bpmn(`
      <bpmn:userTask id="u" camunda:assignee="#{execution.getProcessEngineServices()}"/>
      <bpmn:sequenceFlow id="f" sourceRef="u" targetRef="u"><bpmn:conditionExpression>#{java.lang.System.exit(1)}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:userTask id="ok" camunda:assignee="#{agent}"/>`);

    // when the policy checks them, then both engine reaches are refused and a plain variable is not
    expect(rulesOf(xml)).toEqual([
      ['u', 'no-engine-access'],
      ['f', 'no-engine-access'],
    ]);
  });

  it('accepts milestones from the mail status vocabulary on any flow node', () => {
    // given milestones on an event, a task, a gateway and a sub-process
    const milestone = (status: string) => `<bpmn:extensionElements><camunda:properties><camunda:property name="diwan.milestone" value="${status}"/></camunda:properties></bpmn:extensionElements>`;
    const xml = bpmn(`
      <bpmn:startEvent id="s">${milestone('triaged')}</bpmn:startEvent>
      <bpmn:userTask id="u" camunda:candidateGroups="cabinet">${milestone('in_progress')}</bpmn:userTask>
      <bpmn:exclusiveGateway id="g">${milestone('validated')}</bpmn:exclusiveGateway>
      <bpmn:subProcess id="sp">${milestone('closed')}</bpmn:subProcess>
      <bpmn:endEvent id="e">${milestone('archived')}</bpmn:endEvent>`);

    // when the policy checks it, then nothing is refused
    expect(rulesOf(xml)).toEqual([]);
  });

  it('refuses a milestone outside the vocabulary, naming the element and the allowed values', () => {
    // given a task whose milestone is not a mail status, and one that would set a status the registry owns
    const xml = bpmn(`
      <bpmn:userTask id="review" camunda:candidateGroups="cabinet"><bpmn:extensionElements><camunda:properties>
        <camunda:property name="name.fr" value="Revue"/><camunda:property name="diwan.milestone" value="reviewed"/>
      </camunda:properties></bpmn:extensionElements></bpmn:userTask>
      <bpmn:endEvent id="gone"><bpmn:extensionElements><camunda:properties><camunda:property name="diwan.milestone" value="void"/></camunda:properties></bpmn:extensionElements></bpmn:endEvent>`);

    // when the policy checks it
    const violations = checkBpmn('c.bpmn', xml, options);

    // then both are refused, each naming its element, the value and the allowed values
    expect(violations.map((v) => [v.elementId, v.rule])).toEqual([
      ['review', 'known-milestone'],
      ['gone', 'known-milestone'],
    ]);
    expect(violations[0]?.message).toContain('review');
    expect(violations[0]?.message).toContain('"reviewed"');
    expect(violations[0]?.message).toContain('triaged, in_progress, validated, closed, archived');
  });

  it('refuses a DOCTYPE, so no external entity is ever read', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${bpmn('<bpmn:userTask id="u" camunda:assignee="&x;"/>').replace(/^<\?xml[^>]*>/, '')}`;
    expect(rulesOf(xxe)).toEqual([[null, 'no-doctype']]);
  });

  it('refuses malformed XML with the parser position', () => {
    const [violation] = checkBpmn('c.bpmn', '<bpmn:definitions><oops></bpmn:definitions>', options);
    expect(violation).toMatchObject({ rule: 'xml-well-formed' });
    expect(violation?.message).toMatch(/c\.bpmn is not well-formed XML: .*\d+:\d+/);
  });
});
