import PDFDocument from 'pdfkit';
import { isRtl } from '../bidi.text.js';
import { A4, type Doc } from '../pdf.document.js';
import { letterBlocks, type Block, type Run } from './letter.blocks.js';
import { registerLetterFonts } from './letter.fonts.js';
import { drawLine, tokensOf, wrapTokens } from './letter.lines.js';

/** What a letter prints: its body (the HTML subset with merge fields) and the frame around it, all already in the letter's language. */
export interface LetterContent {
  language: 'ar' | 'fr';
  html: string;
  fields: Record<string, string>;
  /** The administration's name in both languages (letterhead). */
  administration: { ar: string; fr: string };
  /** "Le 3 décembre 2026" / "في 3 ديسمبر 2026". */
  dateLine: string;
  /** Label and value, e.g. "V/Réf." and "2026/A/000012". */
  references: { label: string; value: string }[];
  /** The addressee, line by line. */
  correspondent: string[];
  subject: { label: string; value: string } | null;
  signatory: { name: string; title: string };
  /** PDF metadata. */
  title: string;
  createdAt: Date;
}

const MARGIN = { x: 56, top: 44, bottom: 56 };
const INK = '#111827';
const MUTED = '#374151';
const ACCENT = '#0f5132';
const SIZES: Record<Block['kind'], number> = { h1: 17, h2: 15, h3: 13, p: 12, li: 12 };
/**
 * The signature module puts its block (250 × 88 pt) at the bottom right of the last page, 36 pt
 * from the edges, and later ones to its left: the last page keeps that band free, with the
 * signatory's title and name just above it.
 */
const SIGNATURE_BAND = 36 + 88 + 12;
const SIGNATORY_WIDTH = 250;

/** Renders the letter as PDF/A-2b (Amiri embedded, XMP metadata, sRGB output intent, tagged). */
export function renderLetterPdf(content: LetterContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.x, right: MARGIN.x },
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: content.language === 'ar' ? 'ar-TN' : 'fr-FR',
    info: { Title: content.title, Author: content.administration.fr || content.administration.ar || 'Diwan', Creator: 'Diwan', Producer: 'Diwan', CreationDate: content.createdAt, ModDate: content.createdAt },
  } as PDFKit.PDFDocumentOptions);
  registerLetterFonts(doc);
  const bytes = collect(doc);
  new LetterLayout(doc, content).draw();
  doc.end();
  return bytes;
}

class LetterLayout {
  private y = MARGIN.top;
  private readonly width = A4.width - 2 * MARGIN.x;
  private readonly rtl: boolean;

  constructor(
    private readonly doc: Doc,
    private readonly content: LetterContent,
  ) {
    this.rtl = content.language === 'ar';
  }

  draw(): void {
    this.letterhead();
    this.frame();
    for (const block of letterBlocks(this.content.html, this.content.fields)) this.block(block);
    this.signatory();
  }

  private plain(text: string, bold = false): Run[] {
    return [{ text, bold, italic: false, underline: false }];
  }

  /** Lines of text in a column; returns the height used. */
  private text(runs: Run[], at: { x: number; width: number; align: 'left' | 'right' | 'center'; size: number; rtl?: boolean; color?: string }): number {
    const rtl = at.rtl ?? this.rtl;
    const lines = wrapTokens(this.doc, tokensOf(runs), at.width, at.size);
    const height = at.size * 1.55;
    for (const line of lines) {
      this.room(height);
      drawLine(this.doc, line, { x: at.x, y: this.y, width: at.width, size: at.size, rtl, align: at.align, color: at.color ?? INK });
      this.y += height;
    }
    return lines.length * height;
  }

  private room(height: number): void {
    if (this.y + height > A4.height - MARGIN.bottom) {
      this.doc.addPage();
      this.y = MARGIN.top;
    }
  }

  private letterhead(): void {
    const { ar, fr } = this.content.administration;
    const half = this.width / 2 - 8;
    const top = this.y;
    const left = this.text(this.plain(fr, true), { x: MARGIN.x, width: half, align: 'left', size: 12, rtl: false, color: ACCENT });
    this.y = top;
    const right = this.text(this.plain(ar, true), { x: MARGIN.x + this.width / 2 + 8, width: half, align: 'right', size: 13, rtl: true, color: ACCENT });
    this.y = top + Math.max(left, right, 18) + 4;
    this.doc.save().moveTo(MARGIN.x, this.y).lineTo(MARGIN.x + this.width, this.y).lineWidth(1).strokeColor(ACCENT).stroke().restore();
    this.y += 14;
  }

  /** The date (end side), the references (start side), the addressee (end side), the subject. */
  private frame(): void {
    const { dateLine, references, correspondent, subject } = this.content;
    const start = this.rtl ? 'right' : 'left';
    const end = this.rtl ? 'left' : 'right';
    this.text(this.plain(dateLine), { x: MARGIN.x, width: this.width, align: end, size: 11 });
    this.y += 4;
    for (const ref of references) this.text([{ text: `${ref.label} `, bold: true, italic: false, underline: false }, ...this.plain(ref.value)], { x: MARGIN.x, width: this.width, align: start, size: 11 });
    if (correspondent.length) {
      this.y += 10;
      const column = { x: this.rtl ? MARGIN.x : MARGIN.x + this.width / 2, width: this.width / 2, align: start as 'left' | 'right', size: 12 };
      correspondent.forEach((line, i) => this.text(this.plain(line, i === 0), { ...column }));
    }
    this.y += 14;
    if (subject) {
      this.text([{ text: `${subject.label} `, bold: true, italic: false, underline: true }, { text: subject.value, bold: true, italic: false, underline: false }], { x: MARGIN.x, width: this.width, align: start, size: 12 });
      this.y += 8;
    }
  }

  private block(block: Block): void {
    const text = block.runs.map((r) => r.text).join('');
    const rtl = block.dir ? block.dir === 'rtl' : /[\p{L}]/u.test(text) ? isRtl(text) : this.rtl;
    const size = SIZES[block.kind];
    const runs = block.kind.startsWith('h') ? block.runs.map((r) => ({ ...r, bold: true })) : block.runs;
    const indent = block.marker ? 18 * block.depth : 0;
    const align = block.align === 'left' || block.align === 'right' || block.align === 'center' ? block.align : rtl ? 'right' : 'left';
    const x = rtl ? MARGIN.x : MARGIN.x + indent;
    if (block.kind.startsWith('h')) this.y += 4;
    if (block.marker) {
      this.room(size * 1.55);
      const markerX = rtl ? MARGIN.x + this.width - indent : MARGIN.x + indent - 16;
      drawLine(this.doc, tokensOf(this.plain(block.marker)), { x: markerX, y: this.y, width: 14, size, rtl, align: rtl ? 'left' : 'right', color: INK });
    }
    this.text(runs, { x, width: this.width - indent - (rtl && block.marker ? 2 : 0), align, size, rtl });
    this.y += block.kind === 'li' ? 2 : 7;
  }

  /** The signatory's title and name at the bottom right of the last page, above the band the signature takes. */
  private signatory(): void {
    const { name, title } = this.content.signatory;
    const lines = [title, name].filter((l) => l.trim());
    const needed = lines.length * 12 * 1.55 + 6;
    const top = A4.height - SIGNATURE_BAND - needed;
    if (this.y > top) {
      this.doc.addPage();
    }
    this.y = top;
    const column = { x: A4.width - 36 - SIGNATORY_WIDTH, width: SIGNATORY_WIDTH, align: 'center' as const, size: 12 };
    lines.forEach((line, i) => this.text(this.plain(line, i === 0), { ...column, rtl: isRtl(line), color: i === 0 ? INK : MUTED }));
  }
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
