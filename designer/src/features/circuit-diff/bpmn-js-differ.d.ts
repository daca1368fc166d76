// bpmn-js-differ and bpmn-moddle's main entry ship no type declarations; these cover what we use.
declare module 'bpmn-js-differ' {
  export interface DiffElement {
    $type: string;
    id?: string;
    name?: string;
  }
  export interface DiffResult {
    _added: Record<string, DiffElement>;
    _removed: Record<string, DiffElement>;
    _changed: Record<string, { model: DiffElement; attrs: Record<string, { oldValue: unknown; newValue: unknown }> }>;
    _layoutChanged: Record<string, DiffElement>;
  }
  export function diff(a: object, b: object): DiffResult;
}

declare module 'bpmn-moddle' {
  export class BpmnModdle {
    fromXML(xml: string, type?: string): Promise<{ rootElement: object; elementsById: Record<string, { get(name: string): unknown }>; warnings: unknown[] }>;
  }
}
