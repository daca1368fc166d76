import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
/** Amiri (OFL) covers Arabic and Latin, so one font serves every language. Shipped by an npm package: nothing is fetched at run time. */
const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/amiri/400Regular/Amiri_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/amiri/700Bold/Amiri_700Bold.ttf'),
} as const;

/** The font names a document knows once {@link registerFonts} ran. */
export type FontName = keyof typeof FONT_FILES;

/**
 * Parsed once per process: parsing Amiri (its Arabic shaping tables) for every document cost most of
 * the ~100 ms a receipt took; pdfkit takes a fontkit font as it is and subsets it per document.
 */
let fonts: Record<FontName, fontkit.Font> | null = null;
const loadFonts = () =>
  (fonts ??= {
    regular: fontkit.create(readFileSync(FONT_FILES.regular)) as fontkit.Font,
    bold: fontkit.create(readFileSync(FONT_FILES.bold)) as fontkit.Font,
  });

/** Registers Amiri as `regular` and `bold` in a document. */
export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  const { regular, bold } = loadFonts();
  // pdfkit's types want a path or a buffer; at run time it takes a parsed fontkit font as it is.
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
}
