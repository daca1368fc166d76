import { POLICY_RULES, type PolicyViolation } from './deployment-policy.js';
import { plainAttr, scanXml } from './policy-scan.js';

/**
 * The deployment policy for DMN decision tables: no DOCTYPE (no XML entities), well-formed, and
 * FEEL only. Any other expression language (juel, javascript, groovy, python…) runs code inside
 * the runtime, on definitions, input expressions, entries or literal expressions alike. FEEL's
 * external functions (which call Java) are refused too.
 */
const FEEL = /^(feel|https?:\/\/www\.omg\.org\/spec\/(FEEL\/\d{8}|DMN\/\d{8}\/FEEL)\/?)$/i;
const EXTERNAL_FUNCTION = /\bexternal\s*\{/;

export function checkDmn(file: string, xml: string): PolicyViolation[] {
  return scanXml(file, xml, {
    idOf: (tag) => plainAttr(tag, 'id') ?? null,
    onOpen(tag, where, add) {
      const language = plainAttr(tag, 'expressionLanguage');
      if (language !== undefined && !FEEL.test(language.trim())) {
        add(where, POLICY_RULES.feelOnly, `${tag.local} ${where ?? '(no id)'}: expression language "${language}" is not allowed; decisions use FEEL only`);
      }
    },
    onText(text, where, add) {
      if (EXTERNAL_FUNCTION.test(text)) add(where, POLICY_RULES.feelOnly, `Element ${where ?? '(document)'}: FEEL external functions call Java; they are not allowed`);
    },
  });
}
