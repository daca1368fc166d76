/** The shapes bpmnlint gives a rule: a moddle element to check and a reporter for problems. */
export interface ModdleNode {
  $type: string;
  id?: string;
  name?: string;
  $instanceOf(type: string): boolean;
  get(name: string): unknown;
  flowElements?: ModdleNode[];
  eventDefinitions?: ModdleNode[];
  extensionElements?: { values?: ModdleNode[] };
  [property: string]: unknown;
}

export interface LintReporter {
  report(id: string, message: string): void;
}

export interface LintRule {
  check: (node: ModdleNode, reporter: LintReporter) => boolean | void;
}

export type LintRuleFactory = (config?: unknown) => LintRule;

/** "Service task receipt_1" / "Tâche receipt_1": names an element as the server's policy does. */
export function label(node: ModdleNode): string {
  const kind = node.$type.replace(/^bpmn:/, '');
  const name = node.name ? ` "${node.name}"` : '';
  return `${kind} ${node.id ?? '(no id)'}${name}`;
}
