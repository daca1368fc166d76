import { DISPATCH_MEANS, type DispatchMeans, type MailDto } from '@diwan/contracts';
import type { ExternalTask } from 'camunda-external-task-client-js';
import type { DispatchApi } from '../dispatch/dispatch.api.js';
import { dispatchEmail } from '../dispatch/email.message.js';
import { dispatchMessageId, type Mailer } from '../dispatch/mailer.js';
import type { EngineApi } from '../engine.api.js';
import type { TopicHandler } from '../failure-policy.js';
import { TransientError } from '../worker.errors.js';
import { mailIdOf } from './mail-of-task.js';

export interface MailDispatchDeps {
  engine: EngineApi;
  dispatch: DispatchApi;
  mailer: Mailer;
  timeZone?: string;
}

/**
 * `mail.dispatch`: the registered outgoing mail leaves by the means the circuit chose (`dispatchMeans`:
 * email | post | exchange; when unset, e-mail if the correspondent has an address, else post).
 * - email: claim in the engine, send the letter PDF through SMTP with a Message-ID derived from the
 *   mail's id, record it sent. A retry finds it sent and sends nothing; a retry after a crash
 *   between the sending and the record sends it once more, with the same Message-ID.
 * - post: records it awaiting the post; the registry clerk prints the slip and the envelope and
 *   confirms the posting on the mail page.
 * - exchange: the exchange module sends the signed package to `dispatchPeer` (the same package again
 *   on a retry), then the dispatch is recorded sent with the package id.
 * Completes with `dispatchState` and `dispatchReference`.
 */
export function mailDispatchHandler(deps: MailDispatchDeps): TopicHandler {
  return async (task: ExternalTask) => {
    const mailId = mailIdOf(task);
    if (!mailId) throw new Error('mail.dispatch needs the mailId variable');
    const mail = await deps.engine.mail(mailId);
    const means = meansOf(task.variables.get('dispatchMeans'), mail);
    if (means === 'email') return byEmail(deps, mail);
    if (means === 'post') return byPost(deps, mail);
    return byExchange(deps, mail, task.variables.get('dispatchPeer'));
  };
}

function meansOf(value: unknown, mail: MailDto): DispatchMeans {
  if (typeof value === 'string' && value.length > 0) {
    if (!(DISPATCH_MEANS as readonly string[]).includes(value)) throw new Error(`dispatchMeans must be one of ${DISPATCH_MEANS.join(', ')}, not ${value}`);
    return value as DispatchMeans;
  }
  return mail.correspondent?.email ? 'email' : 'post';
}

async function byEmail(deps: MailDispatchDeps, mail: MailDto) {
  const to = mail.correspondent?.email;
  if (!to) throw new Error(`Mail ${mail.chronoNumber} goes by e-mail but its correspondent has no e-mail address`);
  const letter = await deps.dispatch.letter(mail.id);
  if (!letter) throw new Error(`Mail ${mail.chronoNumber} has no letter PDF to send`);
  const claim = await deps.dispatch.claim(mail.id, 'email', to);
  if (claim.outcome === 'done') return result(claim.dispatch.state, claim.dispatch.reference);
  if (claim.outcome === 'busy') throw new TransientError(`another worker is sending mail ${mail.chronoNumber}`);
  const messageId = dispatchMessageId(mail.id, deps.mailer.from);
  const email = dispatchEmail(mail, deps.timeZone);
  await deps.mailer.send({
    to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId,
    attachments: [{ filename: letter.filename, content: letter.content, contentType: 'application/pdf' }],
    headers: { 'Content-Language': email.language, 'X-Diwan-Chrono': mail.chronoNumber ?? '' },
  });
  const recorded = await deps.dispatch.record(mail.id, { means: 'email', state: 'sent', recipient: to, reference: messageId });
  return result(recorded.state, recorded.reference);
}

async function byPost(deps: MailDispatchDeps, mail: MailDto) {
  const c = mail.correspondent;
  if (!c?.address && !c?.city) throw new Error(`Mail ${mail.chronoNumber} goes by post but its correspondent has no postal address`);
  const recipient = [c.name, c.address, c.city].filter(Boolean).join(', ');
  const recorded = await deps.dispatch.record(mail.id, { means: 'post', state: 'awaiting_post', recipient, reference: null });
  return result(recorded.state, recorded.reference);
}

async function byExchange(deps: MailDispatchDeps, mail: MailDto, peer: unknown) {
  if (typeof peer !== 'string' || !peer) throw new Error(`Mail ${mail.chronoNumber} goes by exchange but the circuit set no dispatchPeer`);
  const sent = await deps.dispatch.sendToPeer(mail.id, peer);
  const recorded = await deps.dispatch.record(mail.id, { means: 'exchange', state: 'sent', recipient: sent.peerName.fr || sent.peerName.ar || peer, reference: sent.packageId });
  return result(recorded.state, recorded.reference);
}

const result = (state: string, reference: string | null) => ({ dispatchState: state, dispatchReference: reference });
