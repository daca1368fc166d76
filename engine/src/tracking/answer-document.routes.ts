import { Router } from 'express';
import type { AnswerDocumentDto, SessionUser } from '@diwan/contracts';
import { currentUser } from '../auth/auth.middleware.js';
import { toAttachmentDto } from '../attachments/attachment.store.js';
import { MAIL_UPLOAD_LIMITS, parseMultipart } from '../attachments/attachment.upload.js';
import type { MailUpdates } from '../mail/mail.updates.js';
import { findVisibleMail } from '../mail/mail.query.js';
import { BadInputError, NotAllowedError } from '../shared/errors.js';
import { languageOf } from '../shared/language.js';
import { isCandidate } from '../tasks/user-task.rights.js';
import type { UserTaskService } from '../tasks/user-task.service.js';
import { say } from './tracking.messages.js';
import { answerDocumentOf } from './tracking.service.js';

/**
 * The answer to the citizen, attached with role `reply`; the citizen downloads the newest one from
 * the tracking page once the mail is closed. Whoever sees the mail and holds an open task on it
 * (its assignee, or a candidate while nobody holds it) may attach it.
 * - `GET /api/mails/:id/answer-document`: the current one, and whether the caller may attach one;
 * - `POST /api/mails/:id/answer-document` (multipart, one file in `file`): attaches (or replaces) it.
 */
export function answerDocumentRoutes(updates: MailUpdates, userTasks: UserTaskService): Router {
  const router = Router();

  const holdsOpenTask = async (user: SessionUser, mailId: string) => {
    const tasks = await userTasks.listVisible(user, { businessKey: mailId, assignee: 'any' });
    return tasks.some((t) => t.assignee === user.username || (!t.assignee && isCandidate(user, t)));
  };

  router.get('/mails/:id/answer-document', async (req, res) => {
    const user = currentUser(req);
    const mailId = String(req.params.id);
    const mail = await findVisibleMail(user, mailId);
    const document = answerDocumentOf(mail);
    const dto: AnswerDocumentDto = { document: document ? toAttachmentDto(document) : null, mayAttach: await holdsOpenTask(user, mailId) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(dto);
  });

  router.post('/mails/:id/answer-document', async (req, res) => {
    const user = currentUser(req);
    const language = languageOf(req);
    const mailId = String(req.params.id);
    await findVisibleMail(user, mailId);
    if (!(await holdsOpenTask(user, mailId))) throw new NotAllowedError(say(language, 'noTask'));
    const upload = await parseMultipart(req, 'file', { ...MAIL_UPLOAD_LIMITS, maxFiles: 1 });
    if (upload.files.length !== 1) throw new BadInputError(say(language, 'oneFile'), { fields: [{ field: 'file', message: say(language, 'oneFile') }] });
    const { mail, created } = await updates.addAttachment(mailId, upload.files[0]!, 'reply', user.username);
    res.status(created ? 201 : 200).json(mail);
  });
  return router;
}
