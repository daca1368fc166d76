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
    regular: withLayoutCache(fontkit.create(readFileSync(FONT_FILES.regular)) as fontkit.Font),
    bold: withLayoutCache(fontkit.create(readFileSync(FONT_FILES.bold)) as fontkit.Font),
  });

const LAYOUT_CACHE_SIZE = 4_000;
/** What pdfkit reads of fontkit's GlyphRun (its getters read `positions`). */
interface Run {
  positions: Record<string, number>[];
}
type Layout = (text: string, ...rest: unknown[]) => Run;

/**
 * Shaping a word (fontkit's layout: Amiri's Arabic substitution and positioning tables) was most
 * of a receipt's CPU, and every receipt shapes the same labels again: pdfkit's own cache lives in
 * one document. The font keeps the latest shaped words for every document of the process. pdfkit
 * scales a run's positions in place, so each caller gets its own copy of them.
 */
function withLayoutCache(font: fontkit.Font): fontkit.Font {
  const layout = (font.layout as unknown as Layout).bind(font);
  const cache = new Map<string, Run>();
  (font as unknown as { layout: Layout }).layout = (text, ...rest) => {
    const key = rest.length ? `${text}\u0000${JSON.stringify(rest)}` : text;
    let run = cache.get(key);
    if (!run) {
      run = layout(text, ...rest);
      if (cache.size >= LAYOUT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, run);
    }
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as Run, run, { positions: run.positions.map((p) => ({ ...p })) });
  };
  return font;
}

/** Registers Amiri as `regular` and `bold` in a document. */
export function registerFonts(doc: InstanceType<typeof PDFDocument>): void {
  const { regular, bold } = loadFonts();
  // pdfkit's types want a path or a buffer; at run time it takes a parsed fontkit font as it is.
  doc.registerFont('regular', regular as unknown as string);
  doc.registerFont('bold', bold as unknown as string);
}
