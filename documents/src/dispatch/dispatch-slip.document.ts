import { createPdf, type Doc } from '../pdf.document.js';
import { table } from '../pdf.table.js';
import { isRtl } from '../bidi.text.js';
import { line, wrap } from '../text.line.js';

/** What the dispatch slip (bordereau d'envoi · جدول الإرسال) of one outgoing mail shows. */
export interface DispatchSlipContent {
  /** The administration's name, as it heads its letters. */
  administration: string;
  chronoNumber: string;
  subject: string;
  /** The day it leaves (ISO date-time); also the PDF's creation date. */
  dispatchedAt: string;
  recipient: { name: string; address: string | null; city: string | null };
  /** The pieces sent: the letter first, then its attachments; pages when known. */
  pieces: { name: string; pages: number | null }[];
  /** The registry clerk who prepares the dispatch and signs the slip. */
  clerk: string;
  timeZone?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#0f5132';
const LABEL = 140;

/**
 * The bilingual dispatch slip: French labels on the left, Arabic on the right, each value in its own
 * direction between them; the list of pieces with their pages; the registry clerk's signature box.
 * Same content → same bytes.
 */
export async function renderDispatchSlip(content: DispatchSlipContent): Promise<Buffer> {
  const { doc, bytes } = createPdf(
    { title: `Bordereau d'envoi · جدول الإرسال ${content.chronoNumber}`, subject: content.subject, creator: 'Diwan', createdAt: new Date(content.dispatchedAt), language: 'fr' },
    PAGE.margin,
  );
  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const width = right - left;

  doc.font('regular').fontSize(11).fillColor(MUTED);
  line(doc, content.administration, left, 44, 'center', width);
  doc.fillColor(ACCENT).font('bold').fontSize(20);
  line(doc, "Bordereau d'envoi", left, 66, 'left', width);
  line(doc, 'جدول الإرسال', left, 66, 'right', width);
  doc.font('regular').fontSize(11).fillColor(MUTED);
  line(doc, "Bureau d'ordre · courrier départ", left, 96, 'left', width);
  line(doc, 'مكتب الضبط · البريد الصادر', left, 96, 'right', width);
  doc.moveTo(left, 122).lineTo(right, 122).lineWidth(1.2).strokeColor(ACCENT).stroke();

  const pages = content.pieces.reduce((sum, p) => sum + (p.pages ?? 0), 0);
  const address = [content.recipient.address, content.recipient.city].filter(Boolean).join(' — ');
  const rows: [string, string, string][] = [
    ['N° chrono', 'رقم الترتيب', content.chronoNumber],
    ["Date d'envoi", 'تاريخ الإرسال', dateIn('fr-FR', content.dispatchedAt, content.timeZone)],
    ['Destinataire', 'المرسل إليه', content.recipient.name],
    ['Adresse', 'العنوان', address || '—'],
    ['Objet', 'الموضوع', content.subject],
    ['Pièces', 'عدد القطع', String(content.pieces.length)],
    ['Pages', 'عدد الصفحات', content.pieces.every((p) => p.pages !== null) ? String(pages) : pages > 0 ? `${pages}+` : '—'],
  ];
  let y = 140;
  for (const [fr, ar, value] of rows) y = row(doc, fr, ar, value, y);

  y = table(doc, {
    x: left,
    y: y + 10,
    width,
    rtl: false,
    top: PAGE.margin,
    bottom: PAGE.height - 220,
    columns: [
      { header: 'N°', weight: 1, align: 'center' },
      { header: 'Pièce · القطعة', weight: 8 },
      { header: 'Pages · الصفحات', weight: 2, align: 'end' },
    ],
    rows: content.pieces.map((p, i) => [String(i + 1), p.name, p.pages === null ? '—' : String(p.pages)]),
    fontSize: 11,
    ink: INK,
    muted: MUTED,
  });

  signatureBox(doc, content, Math.max(y + 30, PAGE.height - 200));
  doc.end();
  return bytes;
}

/** The clerk's box on the left (French), the recipient's acknowledgment on the right (Arabic first). */
function signatureBox(doc: Doc, content: DispatchSlipContent, top: number): void {
  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const half = (right - left - 20) / 2;
  doc.lineWidth(0.8).strokeColor('#9ca3af');
  doc.rect(left, top, half, 130).stroke();
  doc.rect(right - half, top, half, 130).stroke();
  doc.font('bold').fontSize(11).fillColor(INK);
  line(doc, "Le préposé du bureau d'ordre", left + 8, top + 8, 'left', half - 16);
  line(doc, 'عون مكتب الضبط', left + 8, top + 26, 'left', half - 16);
  doc.font('regular').fontSize(11);
  line(doc, content.clerk, left + 8, top + 46, isRtl(content.clerk) ? 'right' : 'left', half - 16);
  doc.fontSize(9).fillColor(MUTED);
  line(doc, 'Signature · الإمضاء', left + 8, top + 112, 'left', half - 16);
  doc.font('bold').fontSize(11).fillColor(INK);
  line(doc, 'إشعار بالتسلم', right - half + 8, top + 8, 'right', half - 16);
  line(doc, 'Reçu par le destinataire', right - half + 8, top + 26, 'right', half - 16);
  doc.font('regular').fontSize(9).fillColor(MUTED);
  line(doc, 'التاريخ والإمضاء · Date et signature', right - half + 8, top + 112, 'right', half - 16);
  doc.fontSize(9).fillColor(MUTED);
  // Each in its own direction: the number on the left, the Arabic date on the right.
  line(doc, content.chronoNumber, left, PAGE.height - 56, 'left', right - left);
  line(doc, dateIn('ar-TN', content.dispatchedAt, content.timeZone), left, PAGE.height - 56, 'right', right - left);
}

/** One labelled row: French label, value (wrapped, in its own direction), Arabic label. Returns the next y. */
function row(doc: Doc, fr: string, ar: string, value: string, y: number): number {
  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const valueLeft = left + LABEL;
  const valueWidth = right - LABEL - valueLeft;
  doc.font('bold').fontSize(11).fillColor(MUTED);
  line(doc, fr, left, y, 'left', LABEL);
  line(doc, ar, right - LABEL, y, 'right', LABEL);
  doc.font('regular').fontSize(13).fillColor(INK);
  const lines = wrap(doc, value, valueWidth).slice(0, 3);
  for (const [i, text] of lines.entries()) line(doc, text, valueLeft, y + i * 19, isRtl(value) ? 'right' : 'left', valueWidth);
  return y + Math.max(1, lines.length) * 19 + 10;
}

export function dateIn(locale: string, iso: string, timeZone = 'Africa/Tunis'): string {
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}
