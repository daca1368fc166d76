import PDFDocument from 'pdfkit';
import { registerFonts } from '../fonts.js';
import { fit, line } from '../text.line.js';
import type { Bilingual, SignatoryMention } from './signature.types.js';

/** The default size of the visible block, in points. */
/** Two fit side by side on A4 within 36 pt margins. */
export const BLOCK_SIZE = { width: 250, height: 88 } as const;

const INK = '#1f2937';
const MUTED = '#4b5563';
const ACCENT = '#0f5132';
const PAD = 8;

const inLanguage = (value: string | Bilingual, lang: keyof Bilingual) => (typeof value === 'string' ? value : value[lang]);

/** The date and time of signing in the administration's time zone, 24-hour clock, for each language. */
export function signingDate(at: Date, timeZone: string): Bilingual {
  const options: Intl.DateTimeFormatOptions = { timeZone, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return { fr: new Intl.DateTimeFormat('fr-TN', options).format(at), ar: new Intl.DateTimeFormat('ar-TN', options).format(at) };
}

/** The lines of each column: what a reader of that language sees, top to bottom. */
export function blockLines(mention: SignatoryMention, date: Bilingual): { fr: Line[]; ar: Line[] } {
  const column = (lang: keyof Bilingual): Line[] => {
    const lines: Line[] = [{ text: lang === 'fr' ? 'Signé par' : 'وقّع', style: 'label' }];
    lines.push({ text: inLanguage(mention.name, lang), style: 'name' });
    if (mention.title) lines.push({ text: mention.title[lang], style: 'text' });
    const holder = mention.onBehalfOf;
    if (holder) {
      const who = [inLanguage(holder.name, lang), holder.title?.[lang]].filter(Boolean).join(lang === 'fr' ? ', ' : '، ');
      lines.push({ text: lang === 'fr' ? `P.O. ${who}` : `بالنيابة عن ${who}`, style: 'text' });
    }
    lines.push({ text: lang === 'fr' ? `Le ${date.fr}` : `بتاريخ ${date.ar}`, style: 'label' });
    return lines;
  };
  return { fr: column('fr'), ar: column('ar') };
}

interface Line {
  text: string;
  style: 'label' | 'name' | 'text';
}

/**
 * Renders the visible signature block as a one-page PDF of the block's size: French on the left,
 * Arabic on the right (shaped by fontkit, laid out right to left by the documents package's line
 * layout), a frame in the administration's green. The signer embeds this page as the appearance of
 * the signature widget, so the signed document shows it wherever a viewer draws annotations.
 */
export function renderBlock(mention: SignatoryMention, date: Bilingual, size: { width: number; height: number } = BLOCK_SIZE): Promise<Buffer> {
  const doc = new PDFDocument({ size: [size.width, size.height], margin: 0, info: { Producer: 'Diwan', Creator: 'Diwan' } });
  registerFonts(doc);
  const bytes = collect(doc);
  const { fr, ar } = blockLines(mention, date);

  doc.rect(0.75, 0.75, size.width - 1.5, size.height - 1.5).lineWidth(1.5).fillAndStroke('#f3f8f5', ACCENT);
  const mid = size.width / 2;
  doc.moveTo(mid, PAD).lineTo(mid, size.height - PAD).lineWidth(0.5).strokeColor('#9ca3af').stroke();

  const rows = Math.max(fr.length, ar.length);
  // Amiri's line box is tall: a line takes ~1.45 × the font size; the name line is a quarter larger.
  const step = 1.45;
  const base = Math.min(9, (size.height - 2 * PAD) / ((rows + 0.25) * step));
  const colWidth = mid - 1.5 * PAD;
  const draw = (lines: Line[], x: number, align: 'left' | 'right') => {
    const total = lines.reduce((sum, l) => sum + (l.style === 'name' ? 1.25 : 1) * base * step, 0);
    let y = (size.height - total) / 2 - base * 0.15;
    for (const l of lines) {
      const fontSize = l.style === 'name' ? base * 1.25 : base;
      doc.font(l.style === 'name' ? 'bold' : 'regular').fontSize(fontSize).fillColor(l.style === 'label' ? MUTED : l.style === 'name' ? ACCENT : INK);
      line(doc, fit(doc, l.text, colWidth), x, y, align, colWidth);
      y += fontSize * step;
    }
  };
  draw(fr, PAD, 'left');
  draw(ar, mid + PAD / 2, 'right');
  doc.end();
  return bytes;
}

function collect(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
