import type { I18nText, MailDto, SessionUser } from '@diwan/contracts';
import { pdfPageCount, renderDispatchSlip, renderEnvelope, type EnvelopeSize } from '@diwan/documents';
import { openFile } from '../attachments/attachment.store.js';
import { rootDepartmentName } from '../departments/department.service.js';
import { ConflictError } from '../shared/errors.js';
import { enclosuresOf, letterOf, readAll, type CurrentLetterPdf } from './dispatch.letter.js';

export interface DispatchSettings {
  timeZone: string;
  /** The administration's configured name (empty languages fall back on the root department's). */
  administration: Partial<I18nText>;
}

/** The post's two documents for one outgoing mail: the dispatch slip and the envelope. */
export class DispatchDocuments {
  constructor(
    private readonly settings: DispatchSettings,
    private readonly currentPdf: CurrentLetterPdf | null,
  ) {}

  async slip(mail: MailDto, clerk: SessionUser, at = new Date()): Promise<Buffer> {
    const recipient = recipientOf(mail);
    const letter = await letterOf(mail, this.currentPdf);
    const pieces: { name: string; pages: number | null }[] = [];
    pieces.push({ name: letter ? `${mail.chronoNumber} · ${letter.filename}` : `${mail.chronoNumber}`, pages: letter ? await pdfPageCount(letter.bytes) : null });
    for (const a of enclosuresOf(mail)) pieces.push({ name: a.filename, pages: await pagesOf(a) });
    return renderDispatchSlip({
      administration: await this.administration(),
      chronoNumber: mail.chronoNumber!,
      subject: mail.subject,
      dispatchedAt: at.toISOString(),
      recipient,
      pieces,
      clerk: clerk.displayName || clerk.username,
      timeZone: this.settings.timeZone,
    });
  }

  async envelope(mail: MailDto, size: EnvelopeSize): Promise<Buffer> {
    return renderEnvelope({
      size,
      sender: { name: await this.administration(), address: null },
      recipient: recipientOf(mail),
      chronoNumber: mail.chronoNumber!,
      createdAt: new Date(mail.registeredAt),
    });
  }

  /** "Commune de Tunis · بلدية تونس": French and Arabic, one of them when they are the same or one is missing. */
  private async administration(): Promise<string> {
    const configured = this.settings.administration;
    const root = await rootDepartmentName();
    const fr = configured.fr || root?.fr || '';
    const ar = configured.ar || root?.ar || '';
    return [...new Set([fr, ar].filter(Boolean))].join(' · ') || 'Diwan';
  }
}

/** Only a registered outgoing mail with a correspondent has a slip and an envelope. */
export function assertPostable(mail: MailDto): void {
  if (mail.direction !== 'outgoing') throw new ConflictError(`Mail ${mail.chronoNumber} is not an outgoing mail`);
  if (!mail.chronoNumber) throw new ConflictError('This mail has no chrono number yet: it is dispatched once registered');
  if (!mail.correspondent) throw new ConflictError(`Mail ${mail.chronoNumber} has no recipient`);
}

function recipientOf(mail: MailDto): { name: string; address: string | null; city: string | null } {
  const c = mail.correspondent!;
  return { name: c.name, address: c.address, city: c.city };
}

async function pagesOf(a: MailDto['attachments'][number]): Promise<number | null> {
  if (a.contentType.startsWith('image/')) return 1;
  if (a.contentType !== 'application/pdf' || a.size > 30 * 1024 * 1024) return null;
  return pdfPageCount(await readAll(openFile(a.id)));
}
