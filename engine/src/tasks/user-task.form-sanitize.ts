import type { FormComponent } from './form-schema.js';

/**
 * form-js renders a text component as markdown and lets HTML through (img, a, ...), after filling
 * its `{{…}}` templates with the form's data, raw. A mail's subject or a correspondent's name is
 * typed by someone else, so a template value could draw an image or a link in a colleague's form.
 * The engine therefore serves text that form-js can't turn into markup:
 * - template values are filled here, from the facts the engine gives the form, every ASCII
 *   punctuation character as an HTML entity (no markdown, no HTML, no autolink, no template);
 * - a template that is not a plain path (an expression) shows nothing: form text shows facts only
 *   (an `{{#if path}}…{{else}}…{{/if}}` on a plain path is decided here from the same facts; other
 *   block tags stay for form-js: they only choose what shows);
 * - the form author's own text keeps its markdown, but any HTML in it is shown as text;
 * - components that render HTML or load other pages (html, iframe, document preview) are dropped,
 *   and images must be inline data.
 */
export function sanitizeText(text: string, facts: Record<string, unknown>): string {
  return decideConditions(text, facts)
    .split(/(\{\{[\s\S]*?\}\})/)
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;') : BLOCK_TAG.test(part) ? part : templateValue(part.slice(2, -2).trim(), facts)))
    .join('');
}

/** Drops the components that may render HTML or reach other sites; walks groups and lists. */
export function withoutUnsafeComponents(components: unknown): FormComponent[] {
  if (!Array.isArray(components)) return [];
  return (components as FormComponent[])
    .filter((c) => !UNSAFE.has(String(c.type)) && !(c.type === 'image' && !String(c.source ?? '').startsWith('data:image/')))
    .map((c) => (Array.isArray(c.components) ? { ...c, components: withoutUnsafeComponents(c.components) } : c));
}

const UNSAFE = new Set(['html', 'iframe', 'documentPreview']);
/** {{#if …}}, {{#loop …}}, {{/if}}, {{else}}: they decide what shows, and show nothing themselves. */
const BLOCK_TAG = /^\{\{\s*(#(if|loop)\b|\/(if|loop)\s*\}\}|else\s*\}\})/;
const PLAIN_PATH = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/;

const PLAIN_CONDITION = /\{\{\s*#if\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*\}\}((?:(?!\{\{\s*[#/]if\b)[\s\S])*?)\{\{\s*\/if\s*\}\}/g;

/** Decides the innermost `{{#if path}}…{{else}}…{{/if}}` on plain paths, again until none is left. */
function decideConditions(text: string, facts: Record<string, unknown>): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(PLAIN_CONDITION, (_all, path: string, body: string) => {
      const [then, otherwise = ''] = body.split(/\{\{\s*else\s*\}\}/);
      const value = valueAt(path, facts);
      return value !== null && value !== undefined && value !== '' && value !== false ? then! : otherwise;
    });
  } while (current !== previous);
  return current;
}

function valueAt(path: string, facts: Record<string, unknown>): unknown {
  let value: unknown = facts;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function templateValue(expression: string, facts: Record<string, unknown>): string {
  if (!PLAIN_PATH.test(expression)) return '';
  const value = valueAt(expression, facts);
  if (value === null || value === undefined || typeof value === 'object') return '';
  return asInertText(String(value));
}

/** A value as text only: one line, every ASCII punctuation character an HTML entity. */
export function asInertText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `&#${c.charCodeAt(0)};`);
}
