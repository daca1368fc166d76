import type { LintRuleFactory } from './lint-rule.types';
import { label } from './lint-rule.types';

/** Every user task lands in someone's inbox: a candidate group, a candidate user or an assignee. */
const userTaskAssignment: LintRuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:UserTask') || !node.id) return;
    const assigned = ['camunda:assignee', 'camunda:candidateGroups', 'camunda:candidateUsers'].some((p) => {
      const value = node.get(p);
      return typeof value === 'string' && value.trim().length > 0;
    });
    if (!assigned) reporter.report(node.id, `${label(node)}: give it a candidate group or an assignee`);
  },
});
export default userTaskAssignment;
