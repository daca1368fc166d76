import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Notification } from './notification.model.js';
import { escapeHtml } from './notification.render.js';
import { PermanentSendError, type Transport } from './notification.transport.js';

/** E-mail through SMTP with nodemailer (DIWAN_SMTP_URL, from DIWAN_MAIL_FROM); the Message-ID comes from the notification's id. */
export function emailTransport(smtpUrl: string, from: string): Transport {
  const options: SMTPTransport.Options = { url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };
  const transport = smtpUrl ? nodemailer.createTransport(options, { from }) : null;
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'diwan.local';
  return {
    name: 'smtp',
    async send(n: Notification) {
      if (!transport) throw new Error('no SMTP relay is configured (DIWAN_SMTP_URL)');
      if (!n.to.email) throw new PermanentSendError('no e-mail address');
      const dir = n.language === 'ar' ? 'rtl' : 'ltr';
      try {
        const info = await transport.sendMail({
          from,
          to: n.to.email,
          subject: n.subject ?? '',
          text: n.text,
          // The stored text is rendered from our template; escaped again here, so no value can carry markup.
          html: `<!doctype html><html lang="${n.language}" dir="${dir}"><body style="font-family:sans-serif;direction:${dir}"><p>${escapeHtml(n.text)}</p></body></html>`,
          messageId: `<notification.${Buffer.from(n._id).toString('base64url').slice(0, 120)}@${domain}>`,
          headers: { 'Content-Language': n.language },
        });
        return { providerMessageId: info.messageId };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        if (typeof code === 'number' && code >= 500) throw new PermanentSendError(`the SMTP relay refused the e-mail (${code}): ${(err as Error).message}`);
        throw err;
      }
    },
    async close() {
      transport?.close();
    },
  };
}
