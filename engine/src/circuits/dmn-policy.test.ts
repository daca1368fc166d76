import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { UnprocessableError } from '../shared/errors.js';
import { checkDeployment } from './circuit-files.js';
import { checkDmn } from './dmn-policy.js';

const FEEL = 'https://www.omg.org/spec/DMN/20191111/FEEL/';
const dmn = (options: { definitionsLanguage?: string; inputLanguage?: string; entry?: string; entryLanguage?: string } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="d" namespace="t"${options.definitionsLanguage ? ` expressionLanguage="${options.definitionsLanguage}"` : ''}>
  <decision id="pick" name="Pick">
    <decisionTable id="table" hitPolicy="FIRST">
      <input id="in1" label="Type">
        <inputExpression id="expr1" typeRef="string"${options.inputLanguage ? ` expressionLanguage="${options.inputLanguage}"` : ''}><text>mailType</text></inputExpression>
      </input>
      <output id="out1" name="department" typeRef="string"/>
      <rule id="r1">
        <inputEntry id="e1"${options.entryLanguage ? ` expressionLanguage="${options.entryLanguage}"` : ''}><text>${options.entry ?? '"complaint"'}</text></inputEntry>
        <outputEntry id="o1"><text>"presidency"</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
</definitions>`;
const rulesOf = (xml: string) => checkDmn('d.dmn', xml).map((v) => [v.elementId, v.rule]);

describe('the deployment policy for decisions', () => {
  it('accepts every standard decision', () => {
    const dir = path.resolve(process.cwd(), 'processes');
    const files = readdirSync(dir).filter((f) => f.endsWith('.dmn'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(checkDmn(file, readFileSync(path.join(dir, file), 'utf8'))).toEqual([]);
  });

  it('accepts FEEL, by default or named', () => {
    expect(rulesOf(dmn())).toEqual([]);
    expect(rulesOf(dmn({ definitionsLanguage: FEEL, inputLanguage: 'feel', entryLanguage: 'http://www.omg.org/spec/FEEL/20140401' }))).toEqual([]);
  });

  it('refuses any other expression language, naming the element', () => {
    // given scripts where FEEL belongs: on the definitions, an input expression and an input entry
    const xml = dmn({ definitionsLanguage: 'juel', inputLanguage: 'javascript', entryLanguage: 'groovy' });

    // when the policy checks it
    const violations = checkDmn('d.dmn', xml);

    // then each is refused with its element and language
    expect(violations.map((v) => [v.elementId, v.rule])).toEqual([
      ['defs', 'feel-only'],
      ['expr1', 'feel-only'],
      ['e1', 'feel-only'],
    ]);
    expect(violations[1]?.message).toContain('"javascript"');
  });

  it('refuses python on literal expressions and output entries too', () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" namespace="t">
      <decision id="lit"><literalExpression id="le" expressionLanguage="python"><text>1</text></literalExpression></decision>
      <decision id="tab"><decisionTable id="t"><output id="o"/><rule id="r"><outputEntry id="oe" expressionLanguage="jruby"><text>1</text></outputEntry></rule></decisionTable></decision>
    </definitions>`;
    expect(rulesOf(xml)).toEqual([
      ['le', 'feel-only'],
      ['oe', 'feel-only'],
    ]);
  });

  it('refuses FEEL external functions, which call Java', () => {
    const entry = 'function(x) external { java: { class: "java.lang.Runtime", method signature: "getRuntime()" } }';
    expect(rulesOf(dmn({ entry }))).toEqual([['e1', 'feel-only']]);
  });

  it('refuses a DOCTYPE and malformed XML', () => {
    expect(rulesOf(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${dmn({ entry: '&x;' }).replace(/^<\?xml[^>]*>/, '')}`)).toEqual([[null, 'no-doctype']]);
    expect(rulesOf('<definitions><decision></definitions>')).toEqual([[null, 'xml-well-formed']]);
  });

  it('runs on every .dmn of a deployment, refusing the whole deployment', () => {
    // given a deployment with a valid circuit and a decision in javascript
    const files = [
      { name: 'ok.dmn', content: dmn() },
      { name: 'bad.dmn', content: Buffer.from(dmn({ inputLanguage: 'javascript' })) },
    ];

    // when it is checked, then it is refused, naming the file and the element
    let refusal: unknown;
    try {
      checkDeployment(files);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(UnprocessableError);
    expect((refusal as UnprocessableError).details).toEqual({ violations: [expect.objectContaining({ file: 'bad.dmn', elementId: 'expr1', rule: 'feel-only' })] });
    expect(() => checkDeployment([{ name: 'ok.dmn', content: dmn() }])).not.toThrow();
  });
});
