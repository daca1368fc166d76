export const LANGUAGES = ['ar', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const FALLBACK_LANGUAGE: Language = 'fr';
const STORAGE_KEY = 'diwan.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** The language the user picked before, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Stored choice first, then the browser's languages (`ar-TN` counts as `ar`), then French. */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return FALLBACK_LANGUAGE;
}

let current: Language | null = null;

/**
 * The page's language, for the API's Accept-Language: known before i18next has started (route
 * loaders fetch while the shell is still evaluating), then kept by i18n.setup.
 */
export function currentLanguage(): Language {
  return (current ??= initialLanguage());
}

export function setCurrentLanguage(language: Language): void {
  current = language;
}

/** Sets `lang` and `dir` on <html> so the whole page, not just the app root, mirrors. */
export function applyToDocument(language: Language, title: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
  document.title = title;
}
