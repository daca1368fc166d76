import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts.js';

export type Doc = InstanceType<typeof PDFDocument>;

export interface PdfInfo {
  title: string;
  subject?: string;
  author?: string;
  creator: string;
  /** The document's creation date: a fixed one gives the same bytes for the same content. */
  createdAt: Date;
  /** The document's language (BCP 47), for screen readers and text extraction. */
  language?: string;
  /** Keep pages open until the end (to number them: `doc.switchToPage`). */
  bufferPages?: boolean;
}

/**
 * A new A4 document with the Amiri fonts registered (`regular`, `bold`), and the promise of its
 * bytes once `doc.end()` is called. No clock and no randomness beyond `info`, so the same content
 * renders the same bytes.
 */
export function createPdf(info: PdfInfo, margin = 48): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    // No standard font: pdfkit would parse Helvetica's metrics for every document (about a tenth of a
    // receipt's CPU), and Diwan writes in Amiri only (set below).
    font: null as unknown as string,
    size: 'A4',
    margin,
    bufferPages: info.bufferPages ?? false,
    ...(info.language ? { lang: info.language } : {}),
    info: {
      Title: info.title,
      Author: info.author ?? 'Diwan',
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: info.creator,
      Producer: 'Diwan',
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  registerFonts(doc);
  doc.font('regular');
  return { doc, bytes: collect(doc) };
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;
