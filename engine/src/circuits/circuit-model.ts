import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { I18nText } from '@diwan/contracts';
import type { RuntimeClient } from '../runtime/runtime.client.js';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const EXTENSIONS = new Set(['http://camunda.org/schema/1.0/bpmn', 'http://operaton.org/schema/1.0/bpmn']);
/** Elements whose id names a step of the circuit. */
const FLOW_NODE = /Task$|Event$|Gateway$|^subProcess$|^callActivity$|^transaction$|^task$|^process$/;

/** What the engine knows of a circuit's step: only what the circuit declares. */
export interface CircuitNode {
  id: string;
  /** The BPMN element (userTask, serviceTask, exclusiveGateway, boundaryEvent, process …). */
  type: string;
  /** The BPMN name, and its translations from the `name.ar|fr|en` properties. */
  names: I18nText | null;
  properties: Record<string, string>;
}

/** The steps of one deployed circuit, read from its BPMN. */
export class CircuitModel {
  constructor(readonly nodes: ReadonlyMap<string, CircuitNode>) {}

  static parse(xml: string): CircuitModel {
    const nodes = new Map<string, CircuitNode & { name: string | null }>();
    const stack: (string | null)[] = [];
    const parser = new SaxesParser({ xmlns: true });
    parser.on('opentag', (tag: SaxesTagNS) => {
      const id = tag.uri === BPMN && FLOW_NODE.test(tag.local) ? attr(tag, 'id') : undefined;
      if (id) nodes.set(id, { id, type: tag.local, name: attr(tag, 'name') ?? null, names: null, properties: {} });
      stack.push(id ?? null);
      if (EXTENSIONS.has(tag.uri) && tag.local === 'property') {
        const owner = [...stack].reverse().find((s) => s);
        const name = attr(tag, 'name');
        if (owner && name) nodes.get(owner)!.properties[name] = attr(tag, 'value') ?? '';
      }
    });
    parser.on('closetag', () => void stack.pop());
    parser.write(xml).close();
    for (const node of nodes.values()) node.names = namesOf(node.name, node.properties);
    return new CircuitModel(nodes);
  }

  node(activityId: string | null | undefined): CircuitNode | null {
    if (!activityId) return null;
    // A multi-instance activity's body is `<id>#multiInstanceBody`: the step is <id>.
    return this.nodes.get(activityId.replace(/#multiInstanceBody$/, '')) ?? null;
  }
}

function namesOf(name: string | null, properties: Record<string, string>): I18nText | null {
  const [ar, fr, en] = (['ar', 'fr', 'en'] as const).map((l) => properties[`name.${l}`]?.trim() || null);
  if (!name && !ar && !fr && !en) return null;
  const fallback = name ?? ar ?? fr ?? en ?? '';
  return { ar: ar ?? fallback, fr: fr ?? fallback, en: en ?? fr ?? fallback };
}

function attr(tag: SaxesTagNS, local: string): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === '')?.value;
}

/** Deployed circuits never change: their models are read once per process definition. */
export class CircuitModels {
  private readonly cache = new Map<string, Promise<CircuitModel>>();

  constructor(private readonly runtime: RuntimeClient) {}

  of(processDefinitionId: string): Promise<CircuitModel> {
    let model = this.cache.get(processDefinitionId);
    if (!model) {
      model = this.runtime.processDefinitionXml(processDefinitionId).then(({ bpmn20Xml }) => CircuitModel.parse(bpmn20Xml));
      model.catch(() => this.cache.delete(processDefinitionId));
      if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(processDefinitionId, model);
    }
    return model;
  }
}
