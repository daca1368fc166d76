import { describe, expect, it } from '@jest/globals';
import { fieldsOf } from './form-schema.js';
import { checkCompletion } from './user-task.form-contract.js';

/** A dispatch form: the receiving administration shows, and is required, only when the letter goes by exchange. */
const schema = {
  components: [
    { type: 'select', key: 'dispatchMeans', values: [{ value: 'post' }, { value: 'exchange' }] },
    { type: 'select', key: 'dispatchPeer', validate: { required: true }, conditional: { hide: '=dispatchMeans != "exchange"' } },
    { type: 'textfield', key: 'note', validate: { required: true }, conditional: { hide: '=this is not FEEL (' } },
  ],
};
const fields = fieldsOf(schema);
const anyOption = () => null;
const refusal = (variables: Record<string, unknown>, current: Record<string, unknown> = {}) => {
  try {
    checkCompletion(fields, variables, anyOption, current);
    return null;
  } catch (err) {
    return (err as { details?: { fields: { field: string }[] } }).details?.fields.map((f) => f.field);
  }
};

describe('a required field that a condition may hide', () => {
  it('is required while its condition shows it, as form-js decides in the browser', () => {
    expect(refusal({ dispatchMeans: 'exchange', note: 'n' })).toEqual(['dispatchPeer']);
    expect(refusal({ dispatchMeans: 'exchange', dispatchPeer: 'bizerte', note: 'n' })).toBeNull();
  });

  it('is not required while hidden, whether this completion or the step’s variables hide it', () => {
    expect(refusal({ dispatchMeans: 'post', note: 'n' })).toBeNull();
    expect(refusal({ note: 'n' }, { dispatchMeans: 'post' })).toBeNull();
    // and the step's variables say "exchange": the completion must name the peer
    expect(refusal({ note: 'n' }, { dispatchMeans: 'exchange' })).toEqual(['dispatchPeer']);
  });

  it('stays required when its condition can’t be evaluated (it hides nothing, as in form-js)', () => {
    expect(refusal({ dispatchMeans: 'post' })).toEqual(['note']);
  });

  it('reads the mail’s facts as the browser’s form does (`mail` in its data)', () => {
    const byMail = fieldsOf({ components: [{ type: 'textfield', key: 'registerNote', conditional: { hide: '=mail.directionLabel != "Arrivée"' } }] });
    const check = (directionLabel: string) => () => checkCompletion(byMail, { registerNote: 'n' }, anyOption, { mail: { directionLabel } });
    expect(check('Arrivée')()).toEqual({ registerNote: 'n' });
    expect(check('Départ')).toThrow(/registerNote is hidden/);
  });

  it('takes no value while hidden: a peer given for a letter that goes by post is refused, naming it', () => {
    expect(refusal({ dispatchMeans: 'post', dispatchPeer: 'bizerte', note: 'n' })).toEqual(['dispatchPeer']);
    expect(refusal({ dispatchPeer: 'bizerte', note: 'n' }, { dispatchMeans: 'post' })).toEqual(['dispatchPeer']);
    // left empty, as an API client may send it, it is simply not passed on
    expect(checkCompletion(fields, { dispatchMeans: 'post', dispatchPeer: '', note: 'n' }, anyOption)).toEqual({ dispatchMeans: 'post', note: 'n' });
  });
});
