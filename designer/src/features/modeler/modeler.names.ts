import type BpmnModeler from 'bpmn-js/lib/Modeler';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';

/** How people know an element of the diagram: its name, else its id (what the server names). */
export function nameIn(modeler: BpmnModeler | null): (elementId: string) => string {
  return (elementId) => {
    const element = modeler?.get<ElementRegistry>('elementRegistry').get(elementId) as { businessObject?: { name?: string } } | undefined;
    return element?.businessObject?.name?.trim() || elementId;
  };
}
