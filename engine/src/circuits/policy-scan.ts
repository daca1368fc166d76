import { SaxesParser, type SaxesTagNS } from 'saxes';
import { POLICY_RULES, type PolicyRule, type PolicyViolation } from './deployment-policy.js';

export type AddViolation = (elementId: string | null, rule: PolicyRule, message: string) => void;

export interface PolicyScan {
  /** The id an element gives to what it contains (null: none that a refusal should name). */
  idOf(tag: SaxesTagNS): string | null;
  /** Checks an element; `where` is the nearest enclosing id. */
  onOpen(tag: SaxesTagNS, where: string | null, add: AddViolation): void;
  /** Checks a text node (expressions live in texts too). */
  onText(text: string, where: string | null, add: AddViolation): void;
}

/**
 * Reads a deployment file once, for the BPMN and the DMN policies alike: no DOCTYPE (the parse
 * stops there, so no XML entity is ever read), well-formed, and each element and text checked by
 * the policy with the nearest enclosing id, so that every refusal names its element.
 */
export function scanXml(file: string, xml: string, scan: PolicyScan): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const ids: (string | null)[] = [];
  const add: AddViolation = (elementId, rule, message) => violations.push({ file, elementId, rule, message });
  const nearestId = () => [...ids].reverse().find((id) => id) ?? null;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('doctype', () => {
    add(null, POLICY_RULES.noDoctype, `${file}: a DOCTYPE is not accepted (no DTDs, no XML entities)`);
    throw new DoctypeRefused();
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    ids.push(scan.idOf(tag));
    scan.onOpen(tag, nearestId(), add);
  });
  parser.on('closetag', () => {
    ids.pop();
  });
  parser.on('text', (text) => scan.onText(text, nearestId(), add));
  try {
    parser.write(xml).close();
  } catch (err) {
    if (!(err instanceof DoctypeRefused)) add(null, POLICY_RULES.wellFormed, `${file} is not well-formed XML: ${(err as Error).message}`);
  }
  return violations;
}

/** Stops the parse at the DOCTYPE: nothing after it is read. */
class DoctypeRefused extends Error {}

/** An attribute without a namespace. */
export function plainAttr(tag: SaxesTagNS, local: string): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === '')?.value;
}
