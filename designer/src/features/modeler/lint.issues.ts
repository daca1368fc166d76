/** A problem bpmnlint found, as bpmn-js-bpmnlint reports it in `linting.completed`. */
export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
  actualElementId?: string;
}

/** Flattens `{ [elementId]: issues[] }`, errors first, then by element. */
export function flattenIssues(issues: Record<string, LintIssue[]>): LintIssue[] {
  const order = { error: 0, 'rule-error': 0, warn: 1, info: 2 } as const;
  return Object.values(issues)
    .flat()
    .sort((a, b) => order[a.category] - order[b.category] || (a.actualElementId ?? a.id).localeCompare(b.actualElementId ?? b.id));
}

export const isBlocking = (issue: LintIssue) => issue.category === 'error' || issue.category === 'rule-error';
