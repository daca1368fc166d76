import { TOPICS } from '@diwan/contracts';
import type { DispatchApi } from './dispatch/dispatch.api.js';
import type { Mailer } from './dispatch/mailer.js';
import type { EngineApi } from './engine.api.js';
import type { TopicHandler } from './failure-policy.js';
import { deadlineEscalateHandler } from './handlers/deadline-escalate.handler.js';
import { deadlineRemindHandler } from './handlers/deadline-remind.handler.js';
import { mailArchiveHandler } from './handlers/mail-archive.handler.js';
import { mailDispatchHandler } from './handlers/mail-dispatch.handler.js';
import { mailRegisterHandler } from './handlers/mail-register.handler.js';
import { notifyEmailHandler } from './handlers/notify-email.handler.js';
import { notifySmsHandler } from './handlers/notify-sms.handler.js';
import { receiptIssueHandler } from './handlers/receipt-issue.handler.js';

export interface HandlerDeps {
  engine: EngineApi;
  publicUrl: string;
  timeZone?: string;
  /** The engine's dispatch routes and the SMTP relay (`mail.dispatch`). */
  dispatch: DispatchApi;
  mailer: Mailer;
}

/** The topic-to-handler map: every topic this worker serves. */
export function topicHandlers(deps: HandlerDeps): Record<string, TopicHandler> {
  return {
    [TOPICS.receiptIssue]: receiptIssueHandler(deps),
    [TOPICS.mailArchive]: mailArchiveHandler(deps),
    [TOPICS.deadlineRemind]: deadlineRemindHandler(deps),
    [TOPICS.deadlineEscalate]: deadlineEscalateHandler(deps),
    [TOPICS.mailDispatch]: mailDispatchHandler(deps),
    [TOPICS.mailRegister]: mailRegisterHandler(deps),
    [TOPICS.notifySms]: notifySmsHandler(deps),
    [TOPICS.notifyEmail]: notifyEmailHandler(deps),
  };
}
