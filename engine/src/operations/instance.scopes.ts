import { SaxesParser, type SaxesTagNS } from 'saxes';

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const SCOPE = /^subProcess$|^transaction$|^adHocSubProcess$/;

export interface RepeatedSteps {
  /** For each flow node, the innermost repeated sub-process around it, or null. */
  scopeOf: Map<string, string | null>;
  /** The multi-instance activities (tasks and sub-processes): a move starts them whole, through their multi-instance body. */
  repeated: Set<string>;
}

/**
 * Where a circuit repeats. Starting a step inside a repeated sub-process that isn't running would
 * start it without the item it repeats over (a department, say), and its task would have nobody:
 * such a step is a move target only while an instance of its sub-process runs.
 */
export function repeatedScopes(xml: string): RepeatedSteps {
  const parentOf = new Map<string, string | null>();
  const repeated = new Set<string>();
  const stack: { local: string; id: string | null }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const owner = stack[stack.length - 1];
    if (tag.uri === BPMN && tag.local === 'multiInstanceLoopCharacteristics' && owner?.id) repeated.add(owner.id);
    const id = tag.uri === BPMN ? (Object.values(tag.attributes).find((a) => a.local === 'id' && a.uri === '')?.value ?? null) : null;
    if (id) parentOf.set(id, [...stack].reverse().find((e) => e.id && SCOPE.test(e.local))?.id ?? null);
    stack.push({ local: tag.local, id });
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  const scopeOf = new Map<string, string | null>();
  for (const node of parentOf.keys()) {
    let at = parentOf.get(node) ?? null;
    while (at && !repeated.has(at)) at = parentOf.get(at) ?? null;
    scopeOf.set(node, at);
  }
  return { scopeOf, repeated };
}
