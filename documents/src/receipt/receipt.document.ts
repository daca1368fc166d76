import QRCode from 'qrcode';
import { createPdf, type Doc } from '../pdf.document.js';
import { isRtl } from '../bidi.text.js';
import { line, wrap } from '../text.line.js';

export interface ReceiptContent {
  chronoNumber: string;
  receiptNumber: string;
  /** When the mail was received (ISO). */
  receivedAt: string;
  /** When the receipt was issued (ISO): also the PDF's creation date, so a retry renders the same bytes. */
  issuedAt: string;
  correspondent: string | null;
  subject: string;
  /** Where the QR code leads (the public tracking or verify page). */
  trackingUrl: string | null;
  /** The tracking code, printed (portal receipts). */
  trackingCode?: string | null;
  /** How the receipt is signed, said in both languages (portal receipts). */
  signature?: { fr: string; ar: string } | null;
  timeZone?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const COL = { fr: 150, ar: 150 };
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#0f5132';
/** Where a PAdES seal's visible block goes: bottom right, above the footer ([x, y, w, h] from the bottom left). */
export const RECEIPT_SEAL_RECT: [number, number, number, number] = [PAGE.width - PAGE.margin - 250, 110, 250, 88];

/**
 * The bilingual receipt (accusé de réception · وصل استلام): French on the left,
 * Arabic on the right, values in the middle in their own direction, and a QR code
 * to the public tracking page. Same content → same bytes (no clock, no randomness),
 * so the engine's attachment dedupe (by hash) makes uploads idempotent. Every value is drawn as
 * text: nothing in it is ever interpreted.
 */
export async function renderReceipt(content: ReceiptContent): Promise<Buffer> {
  const issuedAt = new Date(content.issuedAt);
  const { doc, bytes } = createPdf(
    { title: `Accusé de réception · وصل استلام ${content.receiptNumber}`, subject: content.chronoNumber, creator: 'Diwan', createdAt: issuedAt },
    PAGE.margin,
  );
  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;

  // Title: French on the left, Arabic on the right.
  doc.fillColor(ACCENT).font('bold').fontSize(20);
  line(doc, 'Accusé de réception', left, 60, 'left', right - left);
  line(doc, 'وصل استلام', left, 60, 'right', right - left);
  doc.font('regular').fontSize(11).fillColor(MUTED);
  line(doc, 'Bureau d’ordre · Diwan', left, 90, 'left', right - left);
  line(doc, 'مكتب الضبط · ديوان', left, 90, 'right', right - left);
  doc.moveTo(left, 118).lineTo(right, 118).lineWidth(1.2).strokeColor(ACCENT).stroke();

  const when = formatDate(content.receivedAt, content.timeZone);
  const rows: [string, string, string][] = [
    ['N° chrono', 'رقم الترتيب', content.chronoNumber],
    ['N° de reçu', 'رقم الوصل', content.receiptNumber],
    ['Reçu le', 'تاريخ الاستلام', when],
    ...(content.trackingCode ? ([['Code de suivi', 'رمز المتابعة', content.trackingCode]] as [string, string, string][]) : []),
    ['Correspondant', 'المراسِل', content.correspondent ?? '—'],
    ['Objet', 'الموضوع', content.subject],
  ];
  let y = 140;
  for (const [fr, ar, value] of rows) y = row(doc, fr, ar, value, y);
  doc.moveTo(left, y + 4).lineTo(right, y + 4).lineWidth(0.6).strokeColor('#d1d5db').stroke();

  if (content.trackingUrl) {
    const size = 120;
    const top = y + 28;
    drawQr(doc, content.trackingUrl, (PAGE.width - size) / 2, top, size);
    doc.font('regular').fontSize(11).fillColor(INK);
    line(doc, 'Suivez et vérifiez votre courrier', left, top + size + 10, 'left', right - left);
    line(doc, 'تابع مراسلتك وتحقق منها', left, top + size + 10, 'right', right - left);
    doc.fontSize(9).fillColor(MUTED);
    line(doc, content.trackingUrl, left, top + size + 30, 'center', right - left);
  }

  doc.font('regular').fontSize(9).fillColor(MUTED);
  if (content.signature) {
    line(doc, content.signature.fr, left, PAGE.height - 112, 'left', right - left);
    line(doc, content.signature.ar, left, PAGE.height - 96, 'right', right - left);
  }
  line(doc, `Délivré le ${formatDate(content.issuedAt, content.timeZone)}`, left, PAGE.height - 80, 'left', right - left);
  line(doc, 'هذا الوصل لا يعني قبول الطلب', left, PAGE.height - 80, 'right', right - left);
  line(doc, 'Ce reçu atteste le dépôt, non l’acceptation de la demande.', left, PAGE.height - 64, 'left', right - left);
  doc.end();
  return bytes;
}

/** One labelled row: French label, value (wrapped, in its own direction), Arabic label. Returns the next y. */
function row(doc: Doc, fr: string, ar: string, value: string, y: number): number {
  const left = PAGE.margin;
  const right = PAGE.width - PAGE.margin;
  const valueLeft = left + COL.fr;
  const valueWidth = right - COL.ar - valueLeft;
  doc.font('bold').fontSize(11).fillColor(MUTED);
  line(doc, fr, left, y, 'left', COL.fr);
  line(doc, ar, right - COL.ar, y, 'right', COL.ar);
  doc.font('regular').fontSize(13).fillColor(INK);
  const rtl = isRtl(value);
  const lines = wrap(doc, value, valueWidth).slice(0, 4);
  for (const [i, text] of lines.entries()) line(doc, text, valueLeft, y + i * 20, rtl ? 'right' : 'left', valueWidth);
  return y + Math.max(1, lines.length) * 20 + 14;
}

function drawQr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  const origin = { x: x + 4 * cell, y: y + 4 * cell };
  doc.save().fillColor('#000000');
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) if (qr.modules.get(r, c)) doc.rect(origin.x + c * cell, origin.y + r * cell, cell, cell);
  }
  doc.fill().restore();
}

/** One formatter per time zone: making one costs more than the rest of a receipt's text. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(iso: string, timeZone = 'Africa/Tunis'): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  const parts = format.format(new Date(iso));
  return parts.replace(',', '');
}
