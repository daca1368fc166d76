export interface DiagramElement {
  name: string | null;
  /** The BPMN element's local name: `userTask`, `startEvent`, `exclusiveGateway`… */
  type: string;
  /** Drawn as an open frame around its own steps (an expanded sub-process's BPMN shape). */
  expanded: boolean;
}

/** A diagram's BPMN elements with an id, read from its XML. */
export function diagramElements(xml: string): Map<string, DiagramElement> {
  const elements = new Map<string, DiagramElement>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const expanded = new Set(
    Array.from(document.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/DI', 'BPMNShape'))
      .filter((shape) => shape.getAttribute('isExpanded') === 'true')
      .map((shape) => shape.getAttribute('bpmnElement')),
  );
  for (const element of Array.from(document.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', '*'))) {
    const id = element.getAttribute('id');
    if (id) elements.set(id, { name: element.getAttribute('name')?.trim() || null, type: element.localName, expanded: expanded.has(id) });
  }
  return elements;
}

/**
 * Whether time is spent in a step of this type (`userTask` or `bpmn:UserTask`): activities and
 * catching events, not start and end events or gateways, which are passed through at once.
 */
export function takesTime(type: string): boolean {
  const local = type.replace(/^bpmn:/, '');
  return !/^(startEvent|endEvent|boundaryEvent|.*Gateway)$/i.test(local);
}
