/** Helpers for the dispatch scenarios: an outgoing mail with its letter, the local SMTP server's files. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createPdf, line } from '@diwan/documents';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { MailDto } from '@diwan/contracts';
import { stack } from '../harness/stack.js';
import { aMail, registerMail } from './mail.fixtures.js';

export const smtpDir = () => {
  const dir = process.env.DIWAN_TEST_SMTP_DIR;
  if (!dir) throw new Error('DIWAN_TEST_SMTP_DIR is not set: the global setup starts the local SMTP server');
  return dir;
};
export const smtpUrl = () => process.env.DIWAN_TEST_SMTP_URL!;

/** A real two-page letter PDF, with Arabic, as the letters module would give it. */
export async function aLetterPdf(chronoNumber: string): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: `Letter ${chronoNumber}`, creator: 'tests', createdAt: new Date('2026-01-05T09:00:00Z') });
  doc.font('regular').fontSize(14);
  line(doc, `مراسلة عدد ${chronoNumber}`, 48, 80, 'right', 500);
  doc.addPage();
  line(doc, 'والسلام', 48, 80, 'right', 500);
  doc.end();
  return bytes;
}

/** Registers an outgoing mail (Arabic, to a company with an e-mail and a postal address) and gives it a reply PDF. */
export async function anOutgoingMailWithLetter(registrarToken: string, overrides: { email?: string | null; language?: 'ar' | 'fr' | 'en' } = {}): Promise<MailDto> {
  const email = overrides.email === undefined ? `contact-${randomUUID().slice(0, 8)}@ennour.example` : overrides.email;
  const res = await registerMail(
    registrarToken,
    aMail({
      direction: 'outgoing',
      language: overrides.language ?? 'ar',
      subject: `ردّ على طلب رخصة البناء ${randomUUID().slice(0, 6)}`,
      correspondent: {
        kind: 'company',
        name: 'شركة النور للبناء',
        registrationNumber: `RC-${randomUUID().slice(0, 8)}`,
        ...(email ? { email } : {}),
        address: '12 نهج الحرية',
        city: 'صفاقس 3000',
      },
    }),
  );
  if (res.status !== 201) throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  const mail = res.body as MailDto;
  const form = new FormData();
  form.set('role', 'reply');
  form.set('actor', 'tests');
  form.set('file', new Blob([new Uint8Array(await aLetterPdf(mail.chronoNumber!))], { type: 'application/pdf' }), 'letter.pdf');
  const attached = await fetch(`${stack.engineUrl}/api/internal/mails/${mail.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${stack.workerToken}` }, body: form });
  if (!attached.ok) throw new Error(`attaching the letter answered ${attached.status}`);
  return (await attached.json()) as MailDto;
}

/** Every e-mail the local SMTP server kept whose Message-ID is this one. */
export async function emailsWithMessageId(messageId: string): Promise<ParsedMail[]> {
  const found: ParsedMail[] = [];
  for (const name of readdirSync(smtpDir()).filter((n) => n.endsWith('.eml'))) {
    const raw = readFileSync(path.join(smtpDir(), name));
    if (!raw.includes(messageId)) continue;
    const parsed = await simpleParser(raw);
    if (parsed.messageId === messageId) found.push(parsed);
  }
  return found;
}

/** GET a PDF as bytes. */
export async function getPdf(pathname: string, token: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await fetch(stack.engineUrl + pathname, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The PDF's text (pdftotext) and a picture of its first page in test-results/ (pdftoppm), to look at. */
export function pdfText(bytes: Buffer, pictureName: string): string {
  const dir = path.resolve('test-results', 'dispatch');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${pictureName}.pdf`);
  writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', file, path.join(dir, pictureName)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}
