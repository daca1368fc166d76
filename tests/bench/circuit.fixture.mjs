// A valid, deployable BPMN circuit of any size, drawn in a grid, for benchmarks and load tests:
// `nodes` flow nodes (start, user tasks, external service tasks, timers, one parallel split and
// join, end) and as many sequence flows, all with DI. Within the deployment policy: user tasks
// have a candidate group, service tasks are external on a known topic.
const COLS = 10;
const CELL = { width: 160, height: 130 };
const SIZE = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  intermediateCatchEvent: [36, 36],
  parallelGateway: [50, 50],
  userTask: [100, 80],
  serviceTask: [100, 80],
};

/** `{ key, nodes = 150 }` → `{ xml, elementIds }`; `nodes` flow nodes + `nodes` flows = 2 × nodes elements. */
export function generateCircuit({ key, nodes = 150, name = `Benchmark ${nodes * 2}` }) {
  if (nodes < 6) throw new Error('at least 6 nodes');
  const fork = Math.floor(nodes / 3);
  const list = Array.from({ length: nodes }, (_, i) => {
    const type = i === 0 ? 'startEvent' : i === nodes - 1 ? 'endEvent' : i === fork || i === fork + 3 ? 'parallelGateway' : i % 17 === 0 ? 'intermediateCatchEvent' : i % 5 === 0 ? 'serviceTask' : 'userTask';
    const [width, height] = SIZE[type];
    const cx = 100 + (i % COLS) * CELL.width;
    const cy = 100 + Math.floor(i / COLS) * CELL.height;
    return { id: `n${i}`, type, index: i, width, height, cx, cy };
  });
  // A chain, except that the fork feeds both nodes after it and both of those feed the join.
  const pairs = [];
  for (let i = 0; i + 1 < nodes; i++) {
    if (i === fork) pairs.push([fork, fork + 1], [fork, fork + 2]);
    else if (i === fork + 1) pairs.push([fork + 1, fork + 3]);
    else pairs.push([i, i + 1]);
  }
  const flows = pairs.map(([s, t], i) => ({ id: `f${i}`, source: list[s], target: list[t] }));

  const incoming = new Map(list.map((n) => [n.id, []]));
  const outgoing = new Map(list.map((n) => [n.id, []]));
  for (const f of flows) {
    outgoing.get(f.source.id).push(f.id);
    incoming.get(f.target.id).push(f.id);
  }
  const refs = (n) => [...incoming.get(n.id).map((id) => `<bpmn:incoming>${id}</bpmn:incoming>`), ...outgoing.get(n.id).map((id) => `<bpmn:outgoing>${id}</bpmn:outgoing>`)].join('');
  const semantic = (n) => {
    switch (n.type) {
      case 'userTask':
        return `<bpmn:userTask id="${n.id}" name="Étape ${n.index} · مرحلة" camunda:candidateGroups="cabinet">${refs(n)}</bpmn:userTask>`;
      case 'serviceTask':
        return `<bpmn:serviceTask id="${n.id}" name="Archivage ${n.index}" camunda:type="external" camunda:topic="mail.archive">${refs(n)}</bpmn:serviceTask>`;
      case 'intermediateCatchEvent':
        return `<bpmn:intermediateCatchEvent id="${n.id}">${refs(n)}<bpmn:timerEventDefinition id="${n.id}_timer"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
      default:
        return `<bpmn:${n.type} id="${n.id}">${refs(n)}</bpmn:${n.type}>`;
    }
  };
  const shape = (n) =>
    `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${n.cx - n.width / 2}" y="${n.cy - n.height / 2}" width="${n.width}" height="${n.height}" /></bpmndi:BPMNShape>`;
  const edge = (f) => {
    const waypoints = route(f.source, f.target).map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('');
    return `<bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">${waypoints}</bpmndi:BPMNEdge>`;
  };

  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${key}" targetNamespace="https://diwan.example/bench">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:historyTimeToLive="P30D">
    ${list.map(semantic).join('\n    ')}
    ${flows.map((f) => `<bpmn:sequenceFlow id="${f.id}" sourceRef="${f.source.id}" targetRef="${f.target.id}" />`).join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_${key}">
    <bpmndi:BPMNPlane id="Plane_${key}" bpmnElement="${key}">
      ${list.map(shape).join('\n      ')}
      ${flows.map(edge).join('\n      ')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { xml, elementIds: [...list.map((n) => n.id), ...flows.map((f) => f.id)] };
}

/** Neighbours in a row join straight; anything else goes down into the gap under the source row. */
function route(s, t) {
  const sameRow = s.cy === t.cy;
  if (sameRow && t.cx - s.cx === CELL.width) return [[s.cx + s.width / 2, s.cy], [t.cx - t.width / 2, t.cy]];
  const gap = s.cy + CELL.height / 2;
  const end = t.cy > s.cy ? [t.cx, t.cy - t.height / 2] : [t.cx, t.cy + t.height / 2];
  return [[s.cx, s.cy + s.height / 2], [s.cx, gap], [t.cx, gap], end];
}
