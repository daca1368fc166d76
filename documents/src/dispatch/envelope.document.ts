import PDFDocument from 'pdfkit';
import { isRtl } from '../bidi.text.js';
import { registerFonts } from '../fonts.js';
import { line, wrap } from '../text.line.js';
import type { Doc } from '../pdf.document.js';

/** Envelope sizes, landscape, in points: DL 220 × 110 mm, C5 229 × 162 mm. */
export const ENVELOPE_SIZES = { DL: [623.62, 311.81], C5: [649.13, 459.21] } as const;
export type EnvelopeSize = keyof typeof ENVELOPE_SIZES;

export interface EnvelopeContent {
  size: EnvelopeSize;
  /** The sender: the administration's name and postal address. */
  sender: { name: string; address: string | null };
  recipient: { name: string; address: string | null; city: string | null };
  chronoNumber: string;
  /** The PDF's creation date (same content → same bytes). */
  createdAt: Date;
}

const INK = '#111827';
const MUTED = '#4b5563';

/**
 * A printable envelope: the sender at the top (French label on the left, Arabic on the right), the
 * chrono number as the reference, and the recipient's block in the lower half on the reading side of
 * its own text: on the right and right-aligned for Arabic, lower right and left-aligned for Latin
 * script, as the post reads it.
 */
export async function renderEnvelope(content: EnvelopeContent): Promise<Buffer> {
  const [width, height] = ENVELOPE_SIZES[content.size];
  const doc = new PDFDocument({
    size: [width, height],
    margin: 24,
    info: {
      Title: `Enveloppe · ظرف ${content.chronoNumber}`,
      Author: 'Diwan',
      Creator: 'Diwan',
      Producer: 'Diwan',
      CreationDate: content.createdAt,
      ModDate: content.createdAt,
    },
  });
  registerFonts(doc);
  const bytes = collect(doc);
  const m = 28;

  // The sender, top: French on the left, Arabic on the right.
  doc.font('regular').fontSize(8).fillColor(MUTED);
  line(doc, 'Expéditeur', m, m - 6, 'left', width / 2 - m);
  line(doc, 'المرسِل', width / 2, m - 6, 'right', width / 2 - m);
  doc.font('bold').fontSize(11).fillColor(INK);
  line(doc, content.sender.name, m, m + 6, isRtl(content.sender.name) ? 'right' : 'left', width - 2 * m);
  if (content.sender.address) {
    doc.font('regular').fontSize(9).fillColor(MUTED);
    line(doc, content.sender.address, m, m + 22, isRtl(content.sender.address) ? 'right' : 'left', width - 2 * m);
  }
  doc.font('regular').fontSize(8).fillColor(MUTED);
  // Latin first, so that the line reads left to right and the chrono number keeps its order.
  line(doc, `Réf. ${content.chronoNumber} · المرجع`, m, m + 38, 'center', width - 2 * m);

  recipientBlock(doc, content.recipient, width, height, m);
  doc.end();
  return bytes;
}

function recipientBlock(doc: Doc, recipient: EnvelopeContent['recipient'], width: number, height: number, m: number): void {
  const rtl = isRtl(recipient.name);
  const blockWidth = width * 0.5;
  const x = width - m - blockWidth;
  const lines = [recipient.name, ...(recipient.address ? recipient.address.split(/\r?\n/) : []), ...(recipient.city ? [recipient.city] : [])];
  doc.font('regular').fontSize(9).fillColor(MUTED);
  const top = Math.max(height * 0.45, height - m - 22 - lines.length * 18 - 14);
  line(doc, rtl ? 'المرسل إليه · Destinataire' : 'Destinataire · المرسل إليه', x, top, rtl ? 'right' : 'left', blockWidth);
  let y = top + 16;
  lines.forEach((text, i) => {
    doc.font(i === 0 ? 'bold' : 'regular').fontSize(i === 0 ? 14 : 12).fillColor(INK);
    for (const piece of wrap(doc, text, blockWidth).slice(0, 2)) {
      if (y > height - m) return;
      line(doc, piece, x, y, isRtl(piece) ? 'right' : 'left', blockWidth);
      y += i === 0 ? 20 : 17;
    }
  });
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
