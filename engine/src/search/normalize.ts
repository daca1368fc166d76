/**
 * Search normalisation for Arabic and French: what a registrar types and what
 * was registered meet on the same form. Stored in `searchText`, queried with a
 * plain escaped regex (no `$text`, no collation: see the MongoDB subset).
 */
const ARABIC_MARKS = /[\u064B-\u0652\u0670\u0640]/g; // tashkeel, superscript alef, tatweel
const ALEF_FORMS = /[\u0623\u0625\u0622\u0671]/g; // أ إ آ ٱ
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function normalizeText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\u0624/g, '\u0648') // ؤ → و
    .replace(/\u0626/g, '\u064A') // ئ → ي
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Joins the searchable parts of a record into one normalised string. */
export function searchTextOf(...parts: (string | null | undefined)[]): string {
  return normalizeText(parts.filter(Boolean).join(' '));
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A filter value matching records whose normalised text contains the normalised query. */
export function containsQuery(query: string): RegExp {
  return new RegExp(escapeRegex(normalizeText(query)));
}
