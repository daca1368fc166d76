import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfRef, PdfString, type PDFPage } from '@libpdf/core';
import type { SignaturePlacement } from './signature.types.js';

/** What the signature dictionary says besides the signature itself. */
export interface PlaceholderInput {
  /** The visible block: a one-page PDF whose page becomes the widget's appearance. */
  appearance: Uint8Array;
  size: { width: number; height: number };
  placement?: SignaturePlacement;
  signingTime: Date;
  signerName: string;
  reason?: string;
  location?: string;
  /** Bytes reserved for the CMS (the /Contents hex string is twice as long). */
  contentsSize: number;
}

const MARGIN = 36;
const GAP = 8;
/** @signpdf/signpdf finds the signature to fill by this ByteRange placeholder (its DEFAULT_BYTE_RANGE_PLACEHOLDER). */
const BYTE_RANGE_PLACEHOLDER = '**********';

/**
 * Adds, as an incremental update (the earlier bytes untouched, so earlier signatures stay valid),
 * an unsigned signature: a signature dictionary (ETSI.CAdES.detached, /M, a ByteRange placeholder
 * and a zero-filled /Contents), and a signature field merged with its widget on the chosen page,
 * whose normal appearance is the visible block. @libpdf/core parses the PDF and writes the update;
 * @signpdf/signpdf then fills the placeholder.
 */
export async function addSignaturePlaceholder(bytes: Uint8Array, input: PlaceholderInput): Promise<{ bytes: Buffer; fieldName: string }> {
  const pdf = await PDF.load(bytes);
  const form = pdf.getOrCreateForm();
  const signed = form.getSignatureFields().some((f) => f.isSigned());
  const blocker = pdf.canSaveIncrementally();
  if (blocker && signed) throw new Error(`this signed PDF cannot take an incremental update (${blocker})`);

  const count = pdf.getPageCount();
  const wanted = input.placement?.page ?? -1;
  const page = pdf.getPage(wanted < 0 ? count + wanted : wanted);
  if (!page) throw new Error(`the PDF has no page ${wanted}`);
  const rect = input.placement?.rect ?? freeSlot(page, occupied(pdf, page), input.size);

  const block = await pdf.embedPage(await PDF.load(input.appearance), 0);
  const signature = pdf.register(
    PdfDict.of({
      Type: PdfName.of('Sig'),
      Filter: PdfName.of('Adobe.PPKLite'),
      SubFilter: PdfName.of('ETSI.CAdES.detached'),
      ByteRange: new PdfArray([PdfNumber.of(0), ...[1, 2, 3].map(() => PdfName.of(BYTE_RANGE_PLACEHOLDER))]),
      Contents: PdfString.fromHex('00'.repeat(input.contentsSize)),
      M: PdfString.fromString(pdfDate(input.signingTime)),
      Name: PdfString.fromString(input.signerName),
      ...(input.reason ? { Reason: PdfString.fromString(input.reason) } : {}),
      ...(input.location ? { Location: PdfString.fromString(input.location) } : {}),
    }),
  );
  const names = new Set(form.getFieldNames());
  let n = 1;
  while (names.has(`Signature${n}`)) n += 1;
  const fieldName = `Signature${n}`;
  const field = form.createSignatureField(fieldName);
  const dict = field.getDict();
  const ref = field.getRef();
  if (!ref) throw new Error('the new signature field has no reference');
  // One object for the field and its widget (the usual form of a signature field).
  dict.delete('Kids');
  dict.set('V', signature);
  dict.set('Type', PdfName.of('Annot'));
  dict.set('Subtype', PdfName.of('Widget'));
  dict.set('F', PdfNumber.of(4 | 128)); // Print, Locked
  dict.set('P', page.ref);
  dict.set('Rect', new PdfArray([rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3]].map((v) => PdfNumber.of(round(v)))));
  dict.set('AP', PdfDict.of({ N: block.ref }));
  const annots = page.dict.get('Annots');
  const resolved = annots instanceof PdfRef ? pdf.getObject(annots) : annots;
  if (resolved instanceof PdfArray) resolved.push(ref);
  else page.dict.set('Annots', new PdfArray([ref]));

  return { bytes: Buffer.from(await pdf.save({ incremental: !blocker })), fieldName };
}

/** The rectangles ([x, y, w, h]) of the signature widgets already on the page. */
function occupied(pdf: PDF, page: PDFPage): number[][] {
  const rects: number[][] = [];
  for (const field of pdf.getForm()?.getSignatureFields() ?? []) {
    const dict = field.getDict();
    const p = dict.get('P');
    const r = dict.get('Rect');
    if (!(p instanceof PdfRef) || p.objectNumber !== page.ref.objectNumber || !(r instanceof PdfArray)) continue;
    const v = [0, 1, 2, 3].map((i) => (r.at(i) as PdfNumber | undefined)?.value ?? 0);
    rects.push([Math.min(v[0]!, v[2]!), Math.min(v[1]!, v[3]!), Math.abs(v[2]! - v[0]!), Math.abs(v[3]! - v[1]!)]);
  }
  return rects;
}

/** Bottom right first, then bottom left, then a row higher: the first slot that no signature covers. */
function freeSlot(page: PDFPage, taken: number[][], size: { width: number; height: number }): [number, number, number, number] {
  const overlaps = (a: number[], b: number[]) => a[0]! < b[0]! + b[2]! && b[0]! < a[0]! + a[2]! && a[1]! < b[1]! + b[3]! && b[1]! < a[1]! + a[3]!;
  for (let row = 0; row < 6; row += 1) {
    for (const x of [page.width - MARGIN - size.width, MARGIN]) {
      const slot: [number, number, number, number] = [x, MARGIN + row * (size.height + GAP), size.width, size.height];
      if (!taken.some((t) => overlaps(slot, t))) return slot;
    }
  }
  return [page.width - MARGIN - size.width, MARGIN, size.width, size.height];
}

const round = (v: number) => Math.round(v * 100) / 100;

/** A PDF date (ISO 32000-1, 7.9.4) in UTC. */
export function pdfDate(at: Date): string {
  const p = (v: number) => String(v).padStart(2, '0');
  return `D:${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}Z`;
}
