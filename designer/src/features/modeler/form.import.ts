/** A form-js schema as the form editor imports and saves it. */
export type FormSchema = Record<string, unknown> & { id?: unknown; type?: unknown; components?: unknown };

/** An empty form with the given id: what a user task gets before anyone designs it. */
export const emptyForm = (formId: string): FormSchema => ({ type: 'default', id: formId, schemaVersion: 16, components: [] });

/**
 * Reads a form (a `.form` file, or a draft's stored schema) for the editor. A form without an id
 * gets `formId`, so a user task can refer to it with `camunda:formRef`; the answer says whether
 * it had to. Null when the text is not a form-js schema.
 */
export function readForm(text: string, formId: string): { schema: FormSchema; idAdded: boolean } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const schema = parsed as FormSchema;
  if (schema.components !== undefined && !Array.isArray(schema.components)) return null;
  const idAdded = typeof schema.id !== 'string' || schema.id.trim() === '';
  return { schema: { ...schema, type: schema.type ?? 'default', components: schema.components ?? [], ...(idAdded ? { id: formId } : {}) }, idAdded };
}
