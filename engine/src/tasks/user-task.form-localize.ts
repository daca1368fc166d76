import type { I18nText } from '@diwan/contracts';
import { pick, type Language } from '../shared/language.js';
import { componentsOf, propertiesOf, type FormComponent } from './form-schema.js';
import { sanitizeText, withoutUnsafeComponents } from './user-task.form-sanitize.js';

export interface Option {
  value: string;
  label: I18nText;
}

/** A component's text in each language: the `<what>.<lang>` property, else the component's own text. */
export function textsOf(c: FormComponent, what: 'label' | 'description' | 'text'): I18nText | null {
  const props = propertiesOf(c);
  const own = typeof c[what] === 'string' ? (c[what] as string) : null;
  const [ar, fr, en] = (['ar', 'fr', 'en'] as const).map((l) => props[`${what}.${l}`] || null);
  if (!own && !ar && !fr && !en) return null;
  const fallback = own ?? fr ?? ar ?? en ?? '';
  return { ar: ar ?? fallback, fr: fr ?? fallback, en: en ?? fr ?? fallback };
}

/** A static option's label in each language (`option.<value>.<lang>` properties). */
export function optionLabelOf(c: FormComponent, option: { value: unknown; label?: unknown }): I18nText {
  const props = propertiesOf(c);
  const own = typeof option.label === 'string' ? option.label : String(option.value);
  const [ar, fr, en] = (['ar', 'fr', 'en'] as const).map((l) => props[`option.${String(option.value)}.${l}`] || null);
  return { ar: ar ?? own, fr: fr ?? own, en: en ?? fr ?? own };
}

/**
 * The form as the caller reads it: labels, descriptions, texts and options in their language,
 * and the pickers (`diwan.ref`) given their options, so that form-js renders it as it is.
 * Text components come with their templates filled from `facts` and nothing form-js could turn
 * into HTML (user-task.form-sanitize.ts); components that render HTML are dropped.
 */
export function localizeForm(schema: Record<string, unknown>, language: Language, refOptions: (c: FormComponent) => Option[] | null, facts: Record<string, unknown> = {}): Record<string, unknown> {
  const copy = structuredClone(schema);
  copy.components = withoutUnsafeComponents(copy.components);
  for (const c of componentsOf(copy)) {
    for (const what of ['label', 'description', 'text'] as const) {
      const texts = textsOf(c, what);
      if (texts && (what !== 'text' || c.type === 'text')) c[what] = pick(texts, language);
    }
    if (c.type === 'text') c.text = sanitizeText(typeof c.text === 'string' ? c.text : '', facts);
    const options = refOptions(c);
    if (options) {
      c.values = options.map((o) => ({ value: o.value, label: pick(o.label, language) }));
      delete c.valuesKey;
      delete c.valuesExpression;
    } else if (Array.isArray(c.values)) {
      c.values = (c.values as { value: unknown; label?: unknown }[]).map((o) => ({ ...o, label: pick(optionLabelOf(c, o), language) }));
    }
    delete c.properties; // translations and picker kinds are the engine's business
  }
  return copy;
}
