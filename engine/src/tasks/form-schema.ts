/**
 * A Camunda Form (form-js schema) read as the contract of a user task: which fields it
 * declares, of which kind, with which rules and options. Display components (text, html,
 * images, separators) declare nothing; groups without a path are flattened.
 */
export type FormComponent = Record<string, unknown> & { type?: string; key?: string; components?: FormComponent[] };

export type FieldKind = 'string' | 'number' | 'boolean' | 'choice' | 'choices' | 'date' | 'unsupported';

export interface FormField {
  key: string;
  kind: FieldKind;
  component: FormComponent;
  /** Required while shown (a field its condition hides is never required). */
  required: boolean;
  /** Its condition (`conditional.hide`, a FEEL expression): hidden while that is true. */
  hiddenWhen: string | null;
  /** A field the user can't change (readonly or disabled): shown, never taken from a completion. */
  readOnly: boolean;
  properties: Record<string, string>;
}

const KINDS: Record<string, FieldKind> = {
  textfield: 'string',
  textarea: 'string',
  number: 'number',
  checkbox: 'boolean',
  radio: 'choice',
  select: 'choice',
  checklist: 'choices',
  taglist: 'choices',
  datetime: 'date',
};
/** Components that show data but take no input. */
const DISPLAY = new Set(['text', 'html', 'image', 'spacer', 'separator', 'iframe', 'table', 'button', 'expression', 'documentPreview']);

export function componentsOf(schema: Record<string, unknown> | null): FormComponent[] {
  const out: FormComponent[] = [];
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const c of list as FormComponent[]) {
      out.push(c);
      if (c.type === 'group' || c.type === 'dynamiclist') walk(c.components);
    }
  };
  walk(schema?.components);
  return out;
}

/** The input fields a form declares. */
export function fieldsOf(schema: Record<string, unknown> | null): FormField[] {
  return componentsOf(schema)
    .filter((c) => typeof c.key === 'string' && c.type && !DISPLAY.has(c.type) && c.type !== 'group')
    .map((c) => {
      const validate = (c.validate ?? {}) as { required?: boolean };
      return {
        key: c.key!,
        kind: c.type === 'dynamiclist' ? 'unsupported' : (KINDS[c.type!] ?? 'unsupported'),
        component: c,
        required: Boolean(validate.required),
        hiddenWhen: hideConditionOf(c),
        readOnly: c.readonly === true || c.disabled === true,
        properties: propertiesOf(c),
      };
    });
}

/** A component's condition (`conditional.hide`), if it has one. */
export function hideConditionOf(c: FormComponent): string | null {
  const hide = (c.conditional as { hide?: unknown } | undefined)?.hide;
  return typeof hide === 'string' && hide.trim() ? hide : null;
}

export function propertiesOf(c: FormComponent): Record<string, string> {
  const p = c.properties;
  if (!p || typeof p !== 'object') return {};
  return Object.fromEntries(Object.entries(p as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
const FEEL_WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'null', 'if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function', 'this', 'parent', 'count', 'sum', 'string', 'number', 'date', 'today', 'now', 'length', 'contains', 'upper', 'lower', 'case']);

/**
 * The variables a form shows: its fields' keys, the keys its option lists read, and the
 * names its templates (`{{ x }}`) and expressions (`=x`) use.
 */
export function variablesShownBy(schema: Record<string, unknown> | null): Set<string> {
  const names = new Set<string>();
  const scan = (text: string) => {
    for (const m of text.replace(/"[^"]*"/g, '').matchAll(IDENTIFIER)) if (!FEEL_WORDS.has(m[0])) names.add(m[0]);
  };
  const scanValue = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/\{\{([^}]*)\}\}/g)) scan(m[1]!);
      if (value.startsWith('=')) scan(value.slice(1));
    } else if (value && typeof value === 'object') {
      for (const v of Object.values(value)) scanValue(v);
    }
  };
  for (const c of componentsOf(schema)) {
    if (typeof c.key === 'string' && c.type !== 'group') names.add(c.key);
    if (typeof c.valuesKey === 'string') names.add(c.valuesKey);
    for (const [k, v] of Object.entries(c)) if (k !== 'components' && k !== 'properties') scanValue(v);
  }
  return names;
}
