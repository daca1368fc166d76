/** The name of the first process in a BPMN file (Camunda Modeler writes it), if any. */
export function nameOfBpmn(xml: string): string | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  const process = doc.getElementsByTagNameNS('http://www.omg.org/spec/BPMN/20100524/MODEL', 'process')[0];
  const name = process?.getAttribute('name')?.trim() || process?.getAttribute('id')?.trim();
  return name && name.length >= 2 ? name : null;
}
