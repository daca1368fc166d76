import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './locales/ar.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import {
  applyToDocument,
  FALLBACK_LANGUAGE,
  initialLanguage,
  isLanguage,
  LANGUAGES,
  storeLanguage,
  type Language,
} from './language';

export const resources = {
  ar: { translation: ar },
  fr: { translation: fr },
  en: { translation: en },
} as const;

/** Starts i18next synchronously (bundled resources) and keeps <html lang dir> in step. */
export function setupI18n(): typeof i18n {
  i18n.on('languageChanged', (language) => {
    if (!isLanguage(language)) return;
    applyToDocument(language, i18n.t('app.title'));
  });
  void i18n.use(initReactI18next).init({
    resources,
    lng: initialLanguage(),
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return i18n;
}

/** Switches language for the whole page and remembers the choice. */
export function changeLanguage(language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : FALLBACK_LANGUAGE;
}
