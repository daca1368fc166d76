import type { Readable } from 'node:stream';
import type { MailDto } from '@diwan/contracts';
import { openFile } from '../attachments/attachment.store.js';
import { NotFoundError } from '../shared/errors.js';

/** The letters module's current PDF of a mail (signed once signed), or null when it has none. */
export type CurrentLetterPdf = (mailId: string) => Promise<Buffer | null>;

/** The letters module's current PDF, null for a mail that has no letter (an uploaded reply instead). */
export function currentLetterPdf(letters: { currentPdf(mailId: string): Promise<Buffer> }): CurrentLetterPdf {
  return async (mailId) => {
    try {
      return await letters.currentPdf(mailId);
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  };
}

export interface LetterFile {
  filename: string;
  bytes: Buffer;
}

/**
 * The letter that leaves: the letters module's current PDF when it has one, else the mail's latest
 * reply attachment that is a PDF (an agent's uploaded answer). Null when there is neither.
 */
export async function letterOf(mail: MailDto, currentPdf: CurrentLetterPdf | null): Promise<LetterFile | null> {
  const base = (mail.chronoNumber ?? mail.id).replaceAll('/', '-');
  const current = currentPdf ? await currentPdf(mail.id) : null;
  if (current) return { filename: `${base}.pdf`, bytes: current };
  const reply = [...mail.attachments].reverse().find((a) => a.role === 'reply' && a.contentType === 'application/pdf');
  if (!reply) return null;
  return { filename: reply.filename, bytes: await readAll(openFile(reply.id)) };
}

/** The mail's own files that travel with the letter (the registrar's scans), in order. */
export function enclosuresOf(mail: MailDto): MailDto['attachments'] {
  return mail.attachments.filter((a) => a.role === 'scan');
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
