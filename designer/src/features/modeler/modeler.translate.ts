import type { Language } from '../../shared/i18n/language';
import { ar } from './modeler.dictionary.ar';
import { fr } from './modeler.dictionary.fr';

const DICTIONARIES: Record<Language, Record<string, string>> = { ar, fr, en: {} };

/** The English template in a language's dictionary (English when missing), placeholders filled. */
export function translateIn(language: Language, template: string, replacements: Record<string, string> = {}): string {
  return (DICTIONARIES[language][template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}

/**
 * bpmn-js's `translate` service, overridden. It reads the language at each call, so a language
 * switch only needs the palette rebuilt and the panel re-rendered (see `use-bpmn-modeler.ts`);
 * context pad and menus are built each time they open.
 */
export function translateModule(language: () => Language) {
  const translate = (template: string, replacements?: Record<string, string>) => translateIn(language(), template, replacements);
  // `modelerLanguage`: for our own panel entries that show directory names (see assignment.provider.ts)
  return { translate: ['value', translate], modelerLanguage: ['value', language] };
}
