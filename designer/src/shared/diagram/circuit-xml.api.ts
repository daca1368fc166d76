/** Engine path of a deployed circuit's BPMN XML; the id is a process definition id (`key:version:uuid`). */
export function circuitXmlPath(id: string): string {
  return `/api/circuits/${encodeURIComponent(id)}/xml`;
}
