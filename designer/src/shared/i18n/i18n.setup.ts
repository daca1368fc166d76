import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type fr from './locales/fr.json';
import {
  applyToDocument,
  FALLBACK_LANGUAGE,
  initialLanguage,
  isLanguage,
  LANGUAGES,
  setCurrentLanguage,
  storeLanguage,
  type Language,
} from './language';

type Catalogue = typeof fr;

/**
 * One chunk per language: a page loads the catalogue it shows (and French, the fallback), not all
 * three; another is loaded when the reader switches to it.
 */
const catalogues: Record<Language, () => Promise<{ default: Catalogue }>> = {
  ar: () => import('./locales/ar.json'),
  fr: () => import('./locales/fr.json'),
  en: () => import('./locales/en.json'),
};

async function ensureCatalogue(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', (await catalogues[language]()).default);
}

/**
 * Starts i18next with the catalogues of the first screen already there (the app renders once this
 * resolves: no untranslated flash) and keeps <html lang dir> in step.
 */
export async function setupI18n(): Promise<typeof i18n> {
  const language = initialLanguage();
  const needed = [...new Set<Language>([language, FALLBACK_LANGUAGE])];
  const loaded = await Promise.all(needed.map((code) => catalogues[code]()));
  i18n.on('languageChanged', (changed) => {
    if (!isLanguage(changed)) return;
    setCurrentLanguage(changed);
    applyToDocument(changed, i18n.t('app.title'));
  });
  await i18n.use(initReactI18next).init({
    resources: Object.fromEntries(needed.map((code, i) => [code, { translation: loaded[i]!.default }])),
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  // The other catalogues once the page is idle, so that switching language stays instant.
  const later = (load: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(load, { timeout: 5000 }) : setTimeout(load, 2000));
  later(() => void Promise.all(LANGUAGES.map(ensureCatalogue)).catch(() => undefined));
  return i18n;
}

/** Switches language for the whole page and remembers the choice (at once when its catalogue is there). */
export function changeLanguage(language: Language): Promise<unknown> {
  storeLanguage(language);
  if (i18n.hasResourceBundle(language, 'translation')) return i18n.changeLanguage(language);
  return ensureCatalogue(language).then(() => i18n.changeLanguage(language));
}

export { currentLanguage } from './language';
