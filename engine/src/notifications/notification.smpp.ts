import smpp, { type Pdu, type Session } from 'smpp';
import type { Logger } from '../shared/logger.js';
import type { Notification } from './notification.model.js';
import { PermanentSendError, type Transport } from './notification.transport.js';

/** A delivery receipt from the SMSC: the receipted message id and whether it reached the phone. */
export type ReceiptListener = (messageId: string, delivered: boolean, word: string) => void;

export interface SmppSettings {
  /** smpp://system_id:password@host:port (the user and password may come from their own settings instead). */
  url: string;
  systemId: string;
  password: string;
  /** The sender name or number shown on the phone. */
  sourceAddr: string;
}

const GSM_BASIC = /^[\x20-\x7e\n\r]*$/;
const TIMEOUT_MS = 15_000;

/** The text in one PDU when it fits (160 GSM characters, 70 UCS-2 ones), else in message_payload (one long message). */
function messageParams(text: string): Record<string, unknown> {
  const fits = GSM_BASIC.test(text) ? text.length <= 160 : text.length <= 70;
  return fits ? { short_message: text } : { message_payload: text };
}

/** The receipted id and state of a deliver_sm receipt: TLVs when given, else the text `id:… stat:…` of the receipt. */
export function parseReceipt(pdu: Pdu): { messageId: string; word: string } | null {
  const raw = typeof pdu.short_message === 'object' && pdu.short_message !== null && !Buffer.isBuffer(pdu.short_message) ? pdu.short_message.message : pdu.short_message;
  const text = raw === undefined ? '' : Buffer.isBuffer(raw) ? raw.toString('latin1') : String(raw);
  const messageId = pdu.receipted_message_id || /\bid:(\S+)/i.exec(text)?.[1];
  if (!messageId) return null;
  const word = /\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? ({ 2: 'DELIVRD', 3: 'EXPIRED', 5: 'UNDELIV', 8: 'REJECTD' } as Record<number, string>)[pdu.message_state ?? -1] ?? 'UNKNOWN';
  return { messageId: String(messageId), word };
}

/**
 * SMS through SMPP 3.4/5.0 (the `smpp` library): one transceiver session, bound on first use and
 * again after it drops; submit_sm asks for a delivery receipt; deliver_sm receipts go to `onReceipt`.
 */
export function smppTransport(settings: SmppSettings, onReceipt: ReceiptListener, logger: Logger): Transport {
  let bound: Promise<Session> | null = null;
  const parsed = settings.url ? new URL(settings.url) : null;
  const systemId = settings.systemId || decodeURIComponent(parsed?.username ?? '');
  const password = settings.password || decodeURIComponent(parsed?.password ?? '');
  const address = parsed ? `${parsed.protocol}//${parsed.hostname}:${parsed.port || 2775}` : '';

  const bind = (): Promise<Session> =>
    new Promise<Session>((resolve, reject) => {
      const session = smpp.connect({ url: address, auto_enquire_link_period: 30_000 });
      const timer = setTimeout(() => fail(new Error('SMPP bind timed out')), TIMEOUT_MS);
      const fail = (err: Error) => {
        clearTimeout(timer);
        bound = null;
        session.destroy();
        reject(err);
      };
      session.on('error', (err: Error) => {
        logger.warn({ err: err.message }, 'notifications: SMPP session error');
        bound = null;
      });
      session.on('close', () => (bound = null));
      session.on('deliver_sm', (pdu: Pdu) => {
        session.send(pdu.response());
        const receipt = parseReceipt(pdu);
        if (receipt) onReceipt(receipt.messageId, receipt.word === 'DELIVRD', receipt.word);
      });
      session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: Pdu) => {
        session.send(pdu.response());
        session.close();
      });
      session.on('connect', () =>
        session.bind_transceiver({ system_id: systemId, password }, (pdu) => {
          clearTimeout(timer);
          if (pdu.command_status === 0) resolve(session);
          else fail(new Error(`SMPP bind refused (status ${pdu.command_status})`));
        }),
      );
    });

  return {
    name: 'smpp',
    async send(n: Notification) {
      if (!address) throw new Error('no SMPP centre is configured (DIWAN_SMPP_URL)');
      if (!n.to.phone) throw new PermanentSendError('no phone number');
      bound ??= bind();
      const session = await bound;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('SMPP submit_sm timed out')), TIMEOUT_MS);
        session.submit_sm(
          { source_addr: settings.sourceAddr, destination_addr: n.to.phone!.replace(/^\+/, ''), registered_delivery: 1, ...messageParams(n.text) },
          (pdu) => {
            clearTimeout(timer);
            if (pdu.command_status === 0) resolve({ providerMessageId: String(pdu.message_id) });
            // 0x0B invalid destination, 0x0A invalid source: no retry helps.
            else if (pdu.command_status === 0x0b || pdu.command_status === 0x0a) reject(new PermanentSendError(`the SMS centre refused the message (status ${pdu.command_status})`));
            else reject(new Error(`the SMS centre answered status ${pdu.command_status}`));
          },
        );
      });
    },
    async close() {
      const session = await bound?.catch(() => null);
      bound = null;
      session?.close();
    },
  };
}
