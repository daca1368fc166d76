import { TOPICS } from '@diwan/contracts';
import type { EngineApi } from './engine.api.js';
import type { TopicHandler } from './failure-policy.js';
import { deadlineEscalateHandler } from './handlers/deadline-escalate.handler.js';
import { deadlineRemindHandler } from './handlers/deadline-remind.handler.js';
import { mailArchiveHandler } from './handlers/mail-archive.handler.js';
import { receiptIssueHandler } from './handlers/receipt-issue.handler.js';

export interface HandlerDeps {
  engine: EngineApi;
  publicUrl: string;
  timeZone?: string;
}

/** The topic-to-handler map: every topic this worker serves. */
export function topicHandlers(deps: HandlerDeps): Record<string, TopicHandler> {
  return {
    [TOPICS.receiptIssue]: receiptIssueHandler(deps),
    [TOPICS.mailArchive]: mailArchiveHandler(deps),
    [TOPICS.deadlineRemind]: deadlineRemindHandler(deps),
    [TOPICS.deadlineEscalate]: deadlineEscalateHandler(deps),
  };
}
