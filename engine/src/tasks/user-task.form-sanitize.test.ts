import { describe, expect, it } from '@jest/globals';
import { localizeForm } from './user-task.form-localize.js';
import { asInertText, sanitizeText, withoutUnsafeComponents } from './user-task.form-sanitize.js';

describe('form text served to form-js', () => {
  const facts = { mail: { chronoNumber: '2026-000042', subject: '<img src=x onerror=alert(1)> [a](https://evil.example) {{mail.chronoNumber}}', typeLabel: null } };

  it('fills plain templates with inert text and keeps the author’s markdown', () => {
    // given a text with markdown of its own and templates whose values carry markup
    const text = sanitizeText('**{{mail.chronoNumber}}** · {{ mail.subject }} · {{mail.typeLabel}}', facts);
    // then the author's ** stays, the values have every ASCII punctuation as an entity, and a null is empty
    expect(text.startsWith('**2026&#45;000042** · ')).toBe(true);
    expect(text).not.toMatch(/[<[\]{}()]/);
    expect(text.endsWith(' · ')).toBe(true);
  });

  it('decides conditions on plain paths from the facts, nested ones too', () => {
    expect(sanitizeText('{{#if mail.subject}}x{{/if}}', facts)).toBe('x');
    expect(sanitizeText('a{{#if mail.typeLabel}}{{mail.typeLabel}} — {{/if}}b', facts)).toBe('ab');
    expect(sanitizeText('{{#if mail.typeLabel}}t{{else}}none{{/if}}', facts)).toBe('none');
    expect(sanitizeText('{{#if mail.chronoNumber}}[{{#if mail.typeLabel}}t{{/if}}]{{/if}}', facts)).toBe('[]');
  });

  it('shows nothing for an expression template, keeps other block tags, and shows the author’s HTML as text', () => {
    expect(sanitizeText('a {{ string(mail.subject) }} b', facts)).toBe('a  b');
    expect(sanitizeText('{{#if count(x) > 1}}x{{/if}}', facts)).toBe('{{#if count(x) > 1}}x{{/if}}');
    expect(sanitizeText('<img src=x> and **bold**', facts)).toBe('&lt;img src=x> and **bold**');
  });

  it('makes a value one line of text', () => {
    expect(asInertText('a\n\n# b')).toBe('a &#35; b');
  });

  it('drops html, iframe and document-preview components and images from elsewhere, in groups too', () => {
    const kept = withoutUnsafeComponents([
      { type: 'html', content: '<b>x</b>' },
      { type: 'iframe', url: 'https://evil.example' },
      { type: 'image', source: 'https://evil.example/t.png' },
      { type: 'image', source: 'data:image/png;base64,AAAA' },
      { type: 'group', components: [{ type: 'html', content: 'x' }, { type: 'textfield', key: 'a' }] },
    ]);
    expect(kept).toEqual([
      { type: 'image', source: 'data:image/png;base64,AAAA' },
      { type: 'group', components: [{ type: 'textfield', key: 'a' }] },
    ]);
  });

  it('is what localizeForm serves, in the reader’s language', () => {
    const schema = { components: [{ type: 'text', text: '{{mail.subject}}', properties: { 'text.en': 'Subject: {{mail.subject}}' } }, { type: 'html', content: 'x' }] };
    const served = localizeForm(schema, 'en', () => null, facts) as { components: { type: string; text: string }[] };
    expect(served.components).toHaveLength(1);
    expect(served.components[0]!.text).toBe(`Subject: ${asInertText(facts.mail.subject)}`);
  });
});
