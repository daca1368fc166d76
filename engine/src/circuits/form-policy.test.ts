import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { checkDeployment } from './circuit-files.js';

const form = (hide: string) => JSON.stringify({ id: 'f', components: [{ type: 'select', id: 'Field_1', key: 'dispatchPeer', validate: { required: true }, conditional: { hide } }] });
const refusal = (json: string) => {
  try {
    checkDeployment([{ name: 'f.form', content: json }]);
    return null;
  } catch (err) {
    return (err as { details?: { violations: { rule: string; elementId: string | null }[] } }).details?.violations;
  }
};

describe('the conditions of a deployed form', () => {
  it('are FEEL that parses: one that does not would hide nothing, and is refused naming the field', () => {
    expect(refusal(form('=dispatchMeans != "exchange"'))).toBeNull();
    expect(refusal(form('=dispatchMeans != '))).toEqual([expect.objectContaining({ rule: 'form-condition', elementId: 'Field_1' })]);
    expect(refusal(form('=if then'))).toEqual([expect.objectContaining({ rule: 'form-condition' })]);
  });

  it('are so in every standard form', () => {
    const dir = path.resolve(import.meta.dirname, '../../../processes');
    const forms = readdirSync(dir).filter((f) => f.endsWith('.form'));
    expect(forms.length).toBeGreaterThan(5);
    expect(refusal(JSON.stringify({ id: 'x', components: [] }))).toBeNull();
    for (const name of forms) expect([name, refusal(readFileSync(path.join(dir, name), 'utf8'))]).toEqual([name, null]);
  });
});
