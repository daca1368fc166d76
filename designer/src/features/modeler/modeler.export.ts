import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { saveBlob } from '../../shared/api/api.download';

/** Downloads the diagram as it is drawn: `.bpmn` (formatted XML) or `.svg`. */
export async function exportBpmn(modeler: BpmnModeler, processKey: string): Promise<void> {
  const { xml } = await modeler.saveXML({ format: true });
  saveBlob(new Blob([xml ?? ''], { type: 'application/xml' }), `${processKey}.bpmn`);
}

export async function exportSvg(modeler: BpmnModeler, processKey: string): Promise<void> {
  const { svg } = await modeler.saveSVG();
  saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `${processKey}.svg`);
}

/** Toggles token simulation (bpmn-js-token-simulation's modeler flavour). */
export function toggleSimulation(modeler: BpmnModeler): void {
  modeler.get<{ toggleMode: (active?: boolean) => void }>('toggleMode').toggleMode();
}
