import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { relabel } from './dom.relabel';

/** What token simulation says by itself (it has no `translate`), in the modeler dictionaries' terms. */
const ENDINGS: [RegExp, string][] = [
  [/^(.+) started$/, '{name} started'],
  [/^(.+) finished$/, '{name} finished'],
  [/^(.+) canceled$/, '{name} canceled'],
  [/^Set animation speed = (.+)$/, 'Animation speed: {name}'],
  [/^Focus process instance (.+)$/, 'Focus instance {name}'],
];

/**
 * bpmn-js-token-simulation writes fixed English (its toggle, palette, log, notifications):
 * its elements (`bts-*`) are relabelled through our `translate`, and again on a language switch
 * (the palette rebuild in use-bpmn-modeler.ts fires `modeler.languageChanged`).
 */
function SimulationLabels(canvas: Canvas, eventBus: EventBus, translate: (text: string, replacements?: Record<string, string>) => string) {
  const say = (english: string) => {
    const direct = translate(english);
    if (direct !== english) return direct;
    for (const [pattern, template] of ENDINGS) {
      const match = pattern.exec(english);
      if (match) return translate(template, { name: translate(match[1]!) });
    }
    return english;
  };
  const relabelling = relabel(canvas.getContainer(), '[class*="bts-"]', say);
  eventBus.on('modeler.languageChanged', () => relabelling.refresh());
  eventBus.on('diagram.destroy', () => relabelling.stop());
}
SimulationLabels.$inject = ['canvas', 'eventBus', 'translate'];

export const simulationLabelsModule = {
  __init__: ['simulationLabels'],
  simulationLabels: ['type', SimulationLabels],
};
