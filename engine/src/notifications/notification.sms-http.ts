import type { Notification } from './notification.model.js';
import { PermanentSendError, type Transport } from './notification.transport.js';

/**
 * SMS through an HTTP gateway (DIWAN_SMS_TRANSPORT=http): POST JSON `{ to, text, reference }` to
 * DIWAN_SMS_GATEWAY_URL with `Authorization: Bearer DIWAN_SMS_GATEWAY_TOKEN`; the gateway answers
 * 2xx with `{ id }` (or `messageId`). 4xx but 408/429 is a refusal; anything else is tried again.
 */
export function httpSmsTransport(url: string, token: string, sender: string): Transport {
  return {
    name: 'http',
    async send(n: Notification) {
      if (!url) throw new Error('no SMS gateway is configured (DIWAN_SMS_GATEWAY_URL)');
      if (!n.to.phone) throw new PermanentSendError('no phone number');
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: n.to.phone, from: sender, text: n.text, reference: n._id }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      if (!res.ok) {
        const message = `the SMS gateway answered ${res.status}: ${body.slice(0, 200)}`;
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentSendError(message);
        throw new Error(message);
      }
      let id: unknown = null;
      try {
        const parsed = JSON.parse(body) as { id?: unknown; messageId?: unknown };
        id = parsed.id ?? parsed.messageId ?? null;
      } catch {
        /* a gateway that answers no JSON: sent, with no id */
      }
      return { providerMessageId: id === null ? null : String(id).slice(0, 200) };
    },
  };
}
