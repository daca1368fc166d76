import type { ExternalTask } from 'camunda-external-task-client-js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';

/**
 * `receipt.issue`: has the engine issue the correspondence's receipt. The
 * engine keys receipts by business key, so a retry returns the same number.
 */
export function receiptIssueHandler(deps: { engine: EngineApi }): TopicHandler {
  return async (task: ExternalTask) => {
    if (!task.businessKey) throw new Error('receipt.issue needs a business key on the process instance');
    const receipt = await deps.engine.issueReceipt(task.businessKey, task.processInstanceId);
    return { receiptNumber: receipt.number, receiptIssuedAt: receipt.issuedAt };
  };
}
