import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { TransientError } from '../worker.errors.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
  headers?: Record<string, string>;
}

/** What sends e-mail: nodemailer over SMTP (DIWAN_SMTP_URL), from DIWAN_MAIL_FROM. */
export interface Mailer {
  from: string;
  send(email: OutgoingEmail): Promise<{ messageId: string; accepted: string[] }>;
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const options: SMTPTransport.Options = { url: smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };
  const transport = nodemailer.createTransport(options, { from });
  return {
    from,
    async send(email) {
      try {
        const info = await transport.sendMail({ ...email, from });
        return { messageId: info.messageId, accepted: info.accepted.map(String) };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // A permanent refusal (5xx: unknown recipient, message refused) needs a person; anything else may pass.
        if (typeof code === 'number' && code >= 500) throw new Error(`the SMTP relay refused the e-mail (${code}): ${(err as Error).message}`, { cause: err });
        throw new TransientError(`SMTP relay unavailable: ${(err as Error).message}`, { cause: err });
      }
    },
  };
}

/** The Message-ID of a mail's e-mail: derived from the mail's id, so a resend carries the same one. */
export function dispatchMessageId(mailId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? 'diwan.local';
  return `<dispatch.${mailId}@${domain}>`;
}
