import { diff, type DiffElement } from 'bpmn-js-differ';
import { BpmnModdle } from 'bpmn-moddle';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface AttributeChange {
  name: string;
  oldValue: string;
  newValue: string;
}

/** One difference between two versions of a diagram, by element. */
export interface ElementChange {
  id: string;
  kind: ChangeKind;
  /** `UserTask`, `SequenceFlow`… */
  type: string;
  name: string | null;
  attributes: AttributeChange[];
}

/** Elements that are the diagram itself, not something drawn on it. */
const CONTAINER_TYPES = new Set(['bpmn:Definitions', 'bpmn:Process', 'bpmn:Collaboration', 'bpmn:LaneSet']);

/**
 * Compares two BPMN documents with bpmn-js-differ on their moddle definitions: what was added,
 * removed, changed (attributes, names, extension elements) or only moved (layout).
 */
export async function diffBpmn(xmlA: string, xmlB: string): Promise<ElementChange[]> {
  const moddle = new BpmnModdle();
  const [a, b] = await Promise.all([moddle.fromXML(xmlA), moddle.fromXML(xmlB)]);
  const result = diff(a.rootElement, b.rootElement);
  // bpmn-js-differ 3.2 swaps oldValue and newValue of a modified attribute, so both values are
  // read from the two models themselves; nested paths (`extensionElements.values[0]`) are not.
  const valueOf = (side: typeof a, id: string, name: string) => (/^[\w:]+$/.test(name) ? show(side.elementsById[id]?.get(name)) : '…');
  const of = (kind: ChangeKind, id: string, element: DiffElement, attributes: AttributeChange[] = []): ElementChange => ({
    id,
    kind,
    type: element.$type.replace(/^bpmn:/, ''),
    name: element.name?.trim() || null,
    attributes,
  });
  return [
    ...Object.entries(result._added).map(([id, element]) => of('added', id, element)),
    ...Object.entries(result._removed).map(([id, element]) => of('removed', id, element)),
    ...Object.entries(result._changed).map(([id, { model, attrs }]) =>
      of('changed', id, model, Object.keys(attrs).map((name) => ({ name, oldValue: valueOf(a, id, name), newValue: valueOf(b, id, name) }))),
    ),
    ...Object.entries(result._layoutChanged).map(([id, element]) => of('layout', id, element)),
  ];
}

/** Whether the change is to something drawn (and so can be coloured on the canvas). */
export function isDrawn(change: ElementChange): boolean {
  return !CONTAINER_TYPES.has(`bpmn:${change.type}`);
}

/** Canvas markers for each side: the old version shows what went away, the new one what came. */
export function diffMarkers(changes: ElementChange[]): { a: Record<string, string[]>; b: Record<string, string[]> } {
  const ids = (kind: ChangeKind) => changes.filter((c) => c.kind === kind && isDrawn(c)).map((c) => c.id);
  return {
    a: { 'diff-removed': ids('removed'), 'diff-layout': ids('layout'), 'diff-changed': ids('changed') },
    b: { 'diff-added': ids('added'), 'diff-layout': ids('layout'), 'diff-changed': ids('changed') },
  };
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value !== 'object') return String(value);
  const withId = value as { id?: unknown; $type?: unknown };
  if (typeof withId.id === 'string') return withId.id;
  if (typeof withId.$type === 'string') return withId.$type.replace(/^[a-z]+:/, '');
  return '…';
}
