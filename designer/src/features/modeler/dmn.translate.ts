import type { Language } from '../../shared/i18n/language';
import { ar } from './dmn.dictionary.ar';
import { fr } from './dmn.dictionary.fr';
import { translateIn } from './modeler.translate';

const DICTIONARIES: Record<Language, Record<string, string>> = { ar, fr, en: {} };

/**
 * dmn-js's `translate` service, overridden as for bpmn-js (`modeler.translate.ts`): the DMN
 * dictionary first, then the BPMN one (diagram-js' shared labels), English when both miss.
 * dmn-js reads it at each render, and the editor is rebuilt on a language switch.
 */
export function dmnTranslateModule(language: () => Language) {
  const translate = (template: string, replacements?: Record<string, string>) => {
    const current = language();
    return translateIn(current, DICTIONARIES[current][template] ?? template, replacements);
  };
  return { translate: ['value', translate] };
}
