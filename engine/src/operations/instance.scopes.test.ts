import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repeatedScopes } from './instance.scopes.js';

const incoming = readFileSync(path.join(import.meta.dirname, '../../../processes/incoming-mail.bpmn'), 'utf8');

describe('the repeated sub-process around each step', () => {
  const { scopeOf: scopes, repeated } = repeatedScopes(incoming);

  it('is none for steps outside any repeated sub-process, plain sub-processes included', () => {
    // given the standard incoming circuit: triage sits in a plain sub-process
    expect(scopes.get('triage')).toBeNull();
    expect(scopes.get('mail_handling')).toBeNull();
  });

  it('is the innermost repeated sub-process for the steps inside one, however deep', () => {
    // the per-department handling repeats over the departments, with a consultation inside it
    expect(scopes.get('process_mail')).toBe('department_handling');
    expect(scopes.get('validate')).toBe('department_handling');
    expect(scopes.get('give_opinion')).toBe('department_handling');
    // the repeated sub-process itself starts whole (its items are read when it starts)
    expect(scopes.get('department_handling')).toBeNull();
    expect(scopes.get('consultation')).toBe('department_handling');
    // and the repeated activities are known, tasks included
    expect([...repeated].sort()).toEqual(['department_handling', 'give_opinion']);
  });

  it('finds a repeated sub-process nested in another one', () => {
    const xml = `<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
      <subProcess id="outer"><multiInstanceLoopCharacteristics />
        <subProcess id="plain"><subProcess id="inner"><userTask id="deep" /><multiInstanceLoopCharacteristics /></subProcess><userTask id="mid" /></subProcess>
      </subProcess><userTask id="top" /></process></definitions>`;
    const nested = repeatedScopes(xml).scopeOf;
    expect([nested.get('deep'), nested.get('mid'), nested.get('inner'), nested.get('top'), nested.get('outer')]).toEqual(['inner', 'outer', 'outer', null, null]);
  });
});
