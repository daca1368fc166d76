/** Small circuits with DI for the browser tests of the live view and the diff. */
const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"';

const shape = (id: string, x: number, y: number, w: number, h: number) =>
  `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
const edge = (id: string, ...points: [number, number][]) =>
  `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;

const document = (key: string, name: string, process: string, diagram: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Definitions_${key}" targetNamespace="https://diwan.example/tests">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:historyTimeToLive="P30D">
    ${process}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${key}">
      ${diagram}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/** start → step (user task for the cabinet) → end. */
export function reviewCircuit(key: string): string {
  return document(
    key,
    'Relecture · مراجعة',
    `<bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="step" />
    <bpmn:userTask id="step" name="Relecture" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f2" sourceRef="step" targetRef="end" />
    <bpmn:endEvent id="end" />`,
    [shape('start', 152, 102, 36, 36), shape('step', 240, 80, 100, 80), shape('end', 402, 102, 36, 36), edge('f1', [188, 120], [240, 120]), edge('f2', [340, 120], [402, 120])].join(''),
  );
}

/** Version 1: start → review → archive (external) → end. */
export function draftVersion1(key: string): string {
  return document(
    key,
    'Courrier arrivé',
    `<bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Relecture" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="archive" />
    <bpmn:serviceTask id="archive" name="Archivage" camunda:type="external" camunda:topic="mail.archive" />
    <bpmn:sequenceFlow id="f3" sourceRef="archive" targetRef="end" />
    <bpmn:endEvent id="end" />`,
    [
      shape('start', 152, 102, 36, 36),
      shape('review', 240, 80, 100, 80),
      shape('archive', 400, 80, 100, 80),
      shape('end', 562, 102, 36, 36),
      edge('f1', [188, 120], [240, 120]),
      edge('f2', [340, 120], [400, 120]),
      edge('f3', [500, 120], [562, 120]),
    ].join(''),
  );
}

/**
 * Version 2: review renamed (changed), archive and its flow removed, sign and its flow added,
 * the end event moved (layout only).
 */
export function draftVersion2(key: string): string {
  return document(
    key,
    'Courrier arrivé',
    `<bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
    <bpmn:userTask id="review" name="Relecture juridique" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="sign" />
    <bpmn:userTask id="sign" name="Signature" camunda:candidateGroups="cabinet" />
    <bpmn:sequenceFlow id="f4" sourceRef="sign" targetRef="end" />
    <bpmn:endEvent id="end" />`,
    [
      shape('start', 152, 102, 36, 36),
      shape('review', 240, 80, 100, 80),
      shape('sign', 400, 80, 100, 80),
      shape('end', 562, 222, 36, 36),
      edge('f1', [188, 120], [240, 120]),
      edge('f2', [340, 120], [400, 120]),
      edge('f4', [450, 160], [450, 240], [562, 240]),
    ].join(''),
  );
}
