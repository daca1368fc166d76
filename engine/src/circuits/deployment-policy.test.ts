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
