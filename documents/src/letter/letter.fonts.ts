import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { Doc } from '../pdf.document.js';
import { registerFonts } from '../fonts.js';

const require = createRequire(import.meta.url);
const ITALIC_FILES = {
  italic: require.resolve('@expo-google-fonts/amiri/400Regular_Italic/Amiri_400Regular_Italic.ttf'),
  boldItalic: require.resolve('@expo-google-fonts/amiri/700Bold_Italic/Amiri_700Bold_Italic.ttf'),
} as const;

let italics: Record<keyof typeof ITALIC_FILES, fontkit.Font> | null = null;

/** Amiri in its four faces: `regular` and `bold` (the package's), `italic` and `boldItalic`, each parsed once per process. */
export function registerLetterFonts(doc: Doc): void {
  registerFonts(doc);
  italics ??= {
    italic: fontkit.create(readFileSync(ITALIC_FILES.italic)) as fontkit.Font,
    boldItalic: fontkit.create(readFileSync(ITALIC_FILES.boldItalic)) as fontkit.Font,
  };
  doc.registerFont('italic', italics.italic as unknown as string);
  doc.registerFont('boldItalic', italics.boldItalic as unknown as string);
}

export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const faceOf = (style: { bold: boolean; italic: boolean }): FaceName =>
  style.bold ? (style.italic ? 'boldItalic' : 'bold') : style.italic ? 'italic' : 'regular';
