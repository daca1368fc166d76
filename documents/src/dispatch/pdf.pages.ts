import { PDF } from '@libpdf/core';

/** How many pages a PDF has; null when the bytes are not a PDF it can read. */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  try {
    return (await PDF.load(bytes)).getPageCount();
  } catch {
    return null;
  }
}
