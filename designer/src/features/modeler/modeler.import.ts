/** The name of the first process in a BPMN file (Camunda Modeler writes it), if any. */
export function nameOfBpmn(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  const process = doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')[0];
  const name = process?.getAttribute('name')?.trim() || process?.getAttribute('id')?.trim();
  return name && name.length >= 2 ? name : null;
}

/** A warning bpmn-js gives on import (`importXML` resolves with them): the file opened, partly. */
export interface ImportWarning {
  message: string;
  error?: unknown;
}

/** What a warning means for people: an i18n key under `modelerUx.warnings.kinds` and its values. */
export interface WarningMeaning {
  kind: 'unparsable' | 'unresolvedReference' | 'unknownType' | 'duplicateId' | 'multipleDi' | 'notDrawn' | 'other';
  subject: string;
}

const MEANINGS: [RegExp, WarningMeaning['kind']][] = [
  [/unparsable content <([^>]+)>/, 'unparsable'],
  [/unresolved reference <([^>]+)>/, 'unresolvedReference'],
  [/unknown type <([^>]+)>/, 'unknownType'],
  [/duplicate ID <([^>]+)>/, 'duplicateId'],
  [/multiple DI elements defined for <([^>]+)>/, 'multipleDi'],
  [/(?:no bpmnElement referenced in|missing \S+ for|element) <([^>]+)>/, 'notDrawn'],
];

/** Reads bpmn-js's English warning (moddle and the importer write these sentences). */
export function meaningOf(warning: ImportWarning): WarningMeaning {
  for (const [pattern, kind] of MEANINGS) {
    const match = pattern.exec(warning.message);
    if (match) return { kind, subject: (match[1] ?? '').replace(/^bpmn:|^camunda:/, '') };
  }
  return { kind: 'other', subject: '' };
}
