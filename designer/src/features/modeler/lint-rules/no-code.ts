import type { LintRuleFactory, ModdleNode } from './lint-rule.types';
import { label } from './lint-rule.types';

const CODE_ATTRIBUTES = ['class', 'expression', 'delegateExpression'];
const LISTENERS = ['camunda:ExecutionListener', 'camunda:TaskListener'];

/**
 * The deployment policy in the modeler: no script tasks, no Java class / expression /
 * delegate expression implementations, no script or code listeners, no connectors. The engine
 * refuses them anyway; saying so while drawing saves a round trip.
 */
const noCode: LintRuleFactory = () => ({
  check(node, reporter) {
    if (!node.id || node.$instanceOf('bpmn:Definitions')) return;
    const report = (what: string) => reporter.report(node.id!, `${label(node)}: ${what}`);
    if (node.$instanceOf('bpmn:ScriptTask')) report('scripts are not allowed; use an external task on a known topic');
    for (const attribute of CODE_ATTRIBUTES) {
      if (node.get(`camunda:${attribute}`)) report(`camunda:${attribute} runs code in the runtime; use an external task on a known topic`);
    }
    for (const extension of node.extensionElements?.values ?? []) {
      if (LISTENERS.includes(extension.$type)) {
        const kind = extension.$type.replace('camunda:', '');
        if (extension.script) report(`a ${kind} with a script is not allowed`);
        if (CODE_ATTRIBUTES.some((a) => extension[a])) report(`a ${kind} with a class or expression runs code in the runtime`);
      }
      if (extension.$type === 'camunda:Connector') report('connectors are not allowed; use an external task');
      if (extension.$type === 'camunda:InputOutput' && hasScriptParameter(extension)) report('a script in an input/output mapping is not allowed');
    }
  },
});
export default noCode;

function hasScriptParameter(inputOutput: ModdleNode): boolean {
  const parameters = [...((inputOutput.inputParameters as ModdleNode[] | undefined) ?? []), ...((inputOutput.outputParameters as ModdleNode[] | undefined) ?? [])];
  return parameters.some((p) => (p.definition as ModdleNode | undefined)?.$type === 'camunda:Script');
}
