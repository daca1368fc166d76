import { parseExpression } from '@bpmn-io/feelin';
import { componentsOf, hideConditionOf } from '../tasks/form-schema.js';
import { POLICY_RULES, type PolicyViolation } from './deployment-policy.js';

/**
 * A form's conditions (`conditional.hide`) must be FEEL that parses. One that does not hides
 * nothing, in the browser (form-js) as in the engine's check of a completion, so a field meant to
 * be hidden would be shown, and required if it is: refused at deployment instead.
 */
export function checkForm(file: string, schema: Record<string, unknown>): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  for (const component of componentsOf(schema)) {
    const hide = hideConditionOf(component);
    if (!hide || parses(hide.trim().replace(/^=/, ''))) continue;
    const name = String(component.key ?? component.id ?? component.type ?? '');
    violations.push({
      file,
      elementId: typeof component.id === 'string' ? component.id : null,
      rule: POLICY_RULES.formCondition,
      message: `Form field ${name}: its condition "${hide}" is not a FEEL expression`,
    });
  }
  return violations;
}

function parses(expression: string): boolean {
  let broken = expression.length === 0;
  parseExpression(expression, {}, undefined).iterate({
    enter: (node) => {
      if (node.type.isError) broken = true;
    },
  });
  return !broken;
}
