import 'i18next';
import type fr from './locales/fr.json';

/** Typed keys: `t('inbox.title')` is checked against fr.json, the reference catalogue. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
