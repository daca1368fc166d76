import { TOPICS } from '@diwan/contracts';
import type { EngineApi } from './engine.api.js';
import type { TopicHandler } from './failure-policy.js';
import { receiptIssueHandler } from './handlers/receipt-issue.handler.js';

export interface HandlerDeps {
  engine: EngineApi;
}

/** The topic-to-handler map: every topic this worker serves. */
export function topicHandlers(deps: HandlerDeps): Record<string, TopicHandler> {
  return {
    [TOPICS.receiptIssue]: receiptIssueHandler(deps),
  };
}
