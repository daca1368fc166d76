import type { LintRuleFactory, ModdleNode } from './lint-rule.types';

/**
 * A mail circuit has a deadline. We call "mail circuit" any process with a user task: a person
 * works on the mail, so the administration owes an answer in a given time. (Matching on the
 * process id, "mail" in it, would miss circuits named in French or Arabic.) A deadline is a timer
 * boundary event, or a user task with a due date (camunda:dueDate), anywhere in the process.
 */
const mailCircuitDeadline: LintRuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process') || !node.id) return;
    const elements = flatten(node.flowElements ?? []);
    const userTasks = elements.filter((e) => e.$instanceOf('bpmn:UserTask'));
    if (userTasks.length === 0) return;
    const hasDueDate = userTasks.some((t) => typeof t.get('camunda:dueDate') === 'string' && String(t.get('camunda:dueDate')).trim() !== '');
    const hasTimer = elements.some(
      (e) => e.$instanceOf('bpmn:BoundaryEvent') && (e.eventDefinitions ?? []).some((d) => d.$instanceOf('bpmn:TimerEventDefinition')),
    );
    if (!hasDueDate && !hasTimer) {
      reporter.report(node.id, `Process ${node.id}: a mail circuit needs a deadline: a due date on a user task or a timer boundary event`);
    }
  },
});
export default mailCircuitDeadline;

function flatten(elements: ModdleNode[]): ModdleNode[] {
  return elements.flatMap((e) => [e, ...flatten(e.flowElements ?? [])]);
}
