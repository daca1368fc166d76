import { SaxesParser, type SaxesTagNS } from 'saxes';
import { POLICY_RULES, type PolicyRule, type PolicyViolation } from './deployment-policy.js';

/**
 * The deployment policy for DMN decision tables: no DOCTYPE (no XML entities), well-formed, and
 * FEEL only. Any other expression language (juel, javascript, groovy, python…) runs code inside
 * the runtime, on definitions, input expressions, entries or literal expressions alike. FEEL's
 * external functions (which call Java) are refused too.
 */
const FEEL = /^(feel|https?:\/\/www\.omg\.org\/spec\/(FEEL\/\d{8}|DMN\/\d{8}\/FEEL)\/?)$/i;
const EXTERNAL_FUNCTION = /\bexternal\s*\{/;

export function checkDmn(file: string, xml: string): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const ids: (string | null)[] = [];
  const add = (elementId: string | null, rule: PolicyRule, message: string) => violations.push({ file, elementId, rule, message });
  const nearestId = () => [...ids].reverse().find((id) => id) ?? null;
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('doctype', () => {
    add(null, POLICY_RULES.noDoctype, `${file}: a DOCTYPE is not accepted (no DTDs, no XML entities)`);
    throw new DoctypeRefused();
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    ids.push(plainAttr(tag, 'id') ?? null);
    const language = plainAttr(tag, 'expressionLanguage');
    if (language !== undefined && !FEEL.test(language.trim())) {
      const where = nearestId();
      add(where, POLICY_RULES.feelOnly, `${tag.local} ${where ?? '(no id)'}: expression language "${language}" is not allowed; decisions use FEEL only`);
    }
  });
  parser.on('closetag', () => {
    ids.pop();
  });
  parser.on('text', (text) => {
    if (EXTERNAL_FUNCTION.test(text)) {
      const where = nearestId();
      add(where, POLICY_RULES.feelOnly, `Element ${where ?? '(document)'}: FEEL external functions call Java; they are not allowed`);
    }
  });

  try {
    parser.write(xml).close();
  } catch (err) {
    if (!(err instanceof DoctypeRefused)) add(null, POLICY_RULES.wellFormed, `${file} is not well-formed XML: ${(err as Error).message}`);
  }
  return violations;
}

/** Stops the parse at the DOCTYPE: nothing after it is read. */
class DoctypeRefused extends Error {}

function plainAttr(tag: SaxesTagNS, local: string): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && a.uri === '')?.value;
}
