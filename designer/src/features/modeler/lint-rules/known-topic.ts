import { KNOWN_TOPICS } from '@diwan/contracts';
import type { LintRuleFactory, ModdleNode } from './lint-rule.types';
import { label } from './lint-rule.types';

const SERVICE_WORK = ['bpmn:ServiceTask', 'bpmn:SendTask', 'bpmn:BusinessRuleTask'];
const CODE = ['camunda:class', 'camunda:expression', 'camunda:delegateExpression'];

/**
 * Service work goes through an external task on a topic a worker serves (TOPICS in
 * @diwan/contracts), as the engine's deployment policy requires. Code delegates are reported by
 * `no-code`; a business rule task calling a decision is fine.
 */
const knownTopic: LintRuleFactory = () => ({
  check(node, reporter) {
    if (!node.id || !SERVICE_WORK.some((type) => node.$instanceOf(type))) return;
    if (node.$instanceOf('bpmn:BusinessRuleTask') && node.get('camunda:decisionRef')) return;
    if (CODE.some((p) => node.get(p))) return;
    if (node.get('camunda:type') !== 'external') {
      reporter.report(node.id, `${label(node)}: service work must be an external task on a known topic; pick a template (Issue receipt, Archive mail…)`);
      return;
    }
    const topic = topicOf(node);
    if (!KNOWN_TOPICS.includes(topic)) {
      reporter.report(node.id, `${label(node)}: topic "${topic}" is not a known worker topic (known: ${KNOWN_TOPICS.join(', ')})`);
    }
  },
});
export default knownTopic;

function topicOf(node: ModdleNode): string {
  const topic = node.get('camunda:topic');
  return typeof topic === 'string' ? topic : '';
}
