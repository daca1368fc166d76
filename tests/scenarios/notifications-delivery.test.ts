import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mongoose from 'mongoose';
import { NotificationDelivery } from '../../engine/dist/notifications/notification.delivery.js';
import { NotificationModel, NotificationOutboxModel } from '../../engine/dist/notifications/notification.model.js';
import { NotificationService } from '../../engine/dist/notifications/notification.service.js';
import { PermanentSendError, type Transport } from '../../engine/dist/notifications/notification.transport.js';
import { createLogger } from '../../engine/dist/shared/logger.js';
import { stack, uniqueKey, waitFor } from '../harness/stack.js';

/**
 * The delivery loop's retries and failures, against the real MongoDB wire server, in a database of
 * its own (the stack's engine runs its own loop on the shared one), with transports that fail on cue.
 */
describe('the notification delivery loop: back-off, retries, permanent failures', () => {
  let sms: { down: boolean; sent: number };
  let delivery: NotificationDelivery;
  const service = new NotificationService('UTC');
  const never: Transport = { name: 'never', send: () => Promise.reject(new Error('unused')) };

  beforeAll(async () => {
    await mongoose.connect(stack.mongoUri.replace(/\/([^/?]*)(\?|$)/, `/diwan_notifications_${process.pid}$2`));
    sms = { down: true, sent: 0 };
    const flaky: Transport = {
      name: 'flaky',
      send: async () => {
        if (sms.down) throw new Error('SMS centre unreachable');
        sms.sent += 1;
        return { providerMessageId: `m-${sms.sent}` };
      },
    };
    const refusing: Transport = { name: 'refusing', send: () => Promise.reject(new PermanentSendError('550 no such mailbox')) };
    delivery = new NotificationDelivery({ sms: flaky, email: refusing, inApp: never }, createLogger('silent'), 50);
    service.onRequested(() => delivery.kick());
    delivery.start();
  });
  afterAll(async () => {
    await delivery?.stop();
    await mongoose.connection.dropDatabase().catch(() => undefined);
    await mongoose.disconnect();
  });

  /** The loop marks a notification, then deletes its outbox entry: the entry goes a moment after the status changes. */
  const leftTheOutbox = (id: string) => waitFor('the outbox entry deleted', async () => (await NotificationOutboxModel.findById(id).lean()) === null);

  it('keeps a failed SMS pending with its error and a later try, then sends it once the centre is back', async () => {
    // given the SMS centre down
    const id = uniqueKey('retry');
    await service.request({ channel: 'sms', to: { phone: '+21650000002' }, template: 'deposit.confirmationCode', data: { code: '1' }, dedupeKey: id });
    // when the loop tries
    const failed = await waitFor('a first failed try', async () => {
      const n = await NotificationModel.findById(id).lean();
      return n && n.attempts === 1 ? n : null;
    });
    // then it stays pending with the error, and its next try waits (2 s back-off)
    expect(failed).toMatchObject({ status: 'pending', lastError: 'SMS centre unreachable' });
    const entry = await NotificationOutboxModel.findById(id).lean();
    expect(entry!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 500);
    await new Promise((r) => setTimeout(r, 400));
    expect((await NotificationModel.findById(id).lean())!.attempts).toBe(1);

    // when the centre is back and the back-off has passed
    sms.down = false;
    const sent = await waitFor('the SMS sent', async () => {
      const n = await NotificationModel.findById(id).lean();
      return n?.status === 'sent' ? n : null;
    }, 10_000);
    // then it is sent once, on the second try, and leaves the outbox
    expect(sent).toMatchObject({ attempts: 2, lastError: null, providerMessageId: 'm-1', transport: 'flaky' });
    await leftTheOutbox(id);
    expect(sms.sent).toBe(1);
  });

  it('fails at once, and for good, on a permanent refusal', async () => {
    const id = uniqueKey('refused');
    await service.request({ channel: 'email', to: { email: 'nobody@exemple.tn' }, template: 'answer.available', data: {}, dedupeKey: id });
    const failed = await waitFor('the refusal', async () => {
      const n = await NotificationModel.findById(id).lean();
      return n?.status === 'failed' ? n : null;
    });
    expect(failed).toMatchObject({ attempts: 1, lastError: '550 no such mailbox' });
    await leftTheOutbox(id);
    // and asking again with the same key changes nothing
    const again = await service.request({ channel: 'email', to: { email: 'nobody@exemple.tn' }, template: 'answer.available', data: {}, dedupeKey: id });
    expect(again.status).toBe('failed');
    expect(await NotificationOutboxModel.findById(id).lean()).toBeNull();
  });

  it('delivers a notification whose outbox entry the loop leased before the notification was written', async () => {
    // given a request caught between its two writes: the outbox entry (written first) and not yet the
    // notification (a deadline escalation's e-mail was lost so, in a full run: the loop, busy with the
    // same escalation's in-app messages, leased the entry, found no notification, and dropped it)
    sms.down = false;
    const id = uniqueKey('between');
    const now = new Date();
    await NotificationOutboxModel.create({ _id: id, nextAttemptAt: now, lockedUntil: null, createdAt: now });
    delivery.kick();
    await waitFor('the loop to lease the entry and let it wait', async () => {
      const entry = await NotificationOutboxModel.findById(id).lean();
      return entry && entry.nextAttemptAt.getTime() > now.getTime() ? entry : null;
    });
    // when the request's second write lands (its notification, as the service writes it)
    const sentBefore = sms.sent;
    await NotificationModel.create({
      _id: id, channel: 'sms', to: { phone: '+21650000003' }, template: 'deposit.confirmationCode', language: 'fr', data: { code: '7' }, mailId: null,
      subject: null, text: 'code', texts: null, status: 'pending', attempts: 0, lastError: null, providerMessageId: null, transport: null,
      createdAt: now, sentAt: null, deliveredAt: null, receipt: null,
    });
    // then it is sent, once
    const sent = await waitFor('the SMS sent', async () => {
      const n = await NotificationModel.findById(id).lean();
      return n?.status === 'sent' ? n : null;
    }, 10_000);
    expect(sent.attempts).toBe(1);
    expect(sms.sent).toBe(sentBefore + 1);
    await leftTheOutbox(id);
  });

  it('drops an entry whose notification never came (its request crashed between the two writes)', async () => {
    const id = uniqueKey('orphan');
    const long = new Date(Date.now() - 10 * 60_000);
    await NotificationOutboxModel.create({ _id: id, nextAttemptAt: long, lockedUntil: null, createdAt: long });
    delivery.kick();
    await leftTheOutbox(id);
  });
});
