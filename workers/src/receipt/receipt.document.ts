import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { isRtl, visualRuns } from './bidi.text.js';

const require = createRequire(import.meta.url);
/** Amiri (OFL) covers Arabic and Latin, so one font serves both languages. Shipped by an npm package: nothing is fetched at run time. */
const FONT_REGULAR = require.resolve('@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf');
const FONT_BOLD = require.resolve('@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf');
/**
 * Parsed once per process: parsing Amiri (its Arabic shaping tables) for every receipt cost most of
 * the ~100 ms a receipt took; pdfkit takes a fontkit font as it is and subsets it per document.
 */
let fonts: { regular: fontkit.Font; bold: fontkit.Font } | null = null;
const loadFonts = () => (fonts ??= { regular: fontkit.create(readFileSync(FONT_REGULAR)) as fontkit.Font, bold: fontkit.create(readFileSync(FONT_BOLD)) as fontkit.Font });

export interface ReceiptContent {
  chronoNumber: string;
  receiptNumber: string;
  /** When the mail was received (ISO). */
  receivedAt: string;
  /** When the receipt was issued (ISO): also the PDF's creation date, so a retry renders the same bytes. */
  issuedAt: string;
  correspondent: string | null;
  subject: string;
  trackingUrl: string | null;
  timeZone?: string;
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const COL = { fr: 150, ar: 150 };
const INK = '#1f2937';
const MUTED = '#6b7280';
const ACCENT = '#0f5132';

type Doc = InstanceType<typeof PDFDocument>;

/**
 * The bilingual receipt (accusé de réception · وصل استلام): French on the left,
 * Arabic on the right, values in the middle in their own direction, and a QR code
 * to the public tracking page. Same content → same bytes (no clock, no randomness),
 * so the engine's attachment dedupe (by hash) makes uploads idempotent.
 */
export async function renderReceipt(content: ReceiptContent): Promise<Buffer> {
  const issuedAt = new Date(content.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    info: {
      Title: `Accusé de réception · وصل استلام ${content.receiptNumber}`,
      Author: 'Diwan',
      Subject: content.chronoNumber,
      Creator: 'Diwan workers',
      Producer: 'Diwan',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const { regular, bold } = loadFonts();
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
  const done = collect(doc);
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
    line(doc, 'Suivez votre courrier', left, top + size + 10, 'left', right - left);
    line(doc, 'تابع مراسلتك', left, top + size + 10, 'right', right - left);
    doc.fontSize(9).fillColor(MUTED);
    line(doc, content.trackingUrl, left, top + size + 30, 'center', right - left);
  }

  doc.font('regular').fontSize(9).fillColor(MUTED);
  line(doc, `Délivré le ${formatDate(content.issuedAt, content.timeZone)}`, left, PAGE.height - 80, 'left', right - left);
  line(doc, 'هذا الوصل لا يعني قبول الطلب', left, PAGE.height - 80, 'right', right - left);
  line(doc, 'Ce reçu atteste le dépôt, non l’acceptation de la demande.', left, PAGE.height - 64, 'left', right - left);
  doc.end();
  return done;
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

/**
 * Draws one line of mixed-direction text: runs in visual order, and inside an RTL run the words
 * right to left, each word shaped by fontkit. Words are placed one by one because pdfkit drops the
 * spaces of a run that fontkit laid out right to left.
 */
export function line(doc: Doc, text: string, x: number, y: number, align: 'left' | 'right' | 'center', width: number): void {
  const pieces = visualRuns(text, 'auto').flatMap((r) => {
    const tokens = r.text.split(/(\s+)/).filter(Boolean);
    return r.rtl ? tokens.reverse() : [r.text];
  });
  const space = doc.widthOfString(' ');
  const widths = pieces.map((p) => (/^\s+$/.test(p) ? space * p.length : doc.widthOfString(p)));
  const total = widths.reduce((a, b) => a + b, 0);
  let cursor = align === 'left' ? x : align === 'right' ? x + width - total : x + (width - total) / 2;
  pieces.forEach((p, i) => {
    if (!/^\s+$/.test(p)) doc.text(p, cursor, y, { lineBreak: false });
    cursor += widths[i]!;
  });
}

/** Greedy word wrap on the logical text; each line is then laid out by `line`. */
function wrap(doc: Doc, text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && doc.widthOfString(next) > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
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

function formatDate(iso: string, timeZone = 'Africa/Tunis'): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  return parts.replace(',', '');
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
