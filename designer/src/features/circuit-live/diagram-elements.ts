export interface DiagramElement {
  name: string | null;
  /** The BPMN element's local name: `userTask`, `startEvent`, `exclusiveGateway`… */
  type: string;
}

/** A diagram's BPMN elements with an id, read from its XML. */
export function diagramElements(xml: string): Map<string, DiagramElement> {
  const elements = new Map<string, DiagramElement>();
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(document.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', '*'))) {
    const id = element.getAttribute('id');
    if (id) elements.set(id, { name: element.getAttribute('name')?.trim() || null, type: element.localName });
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
