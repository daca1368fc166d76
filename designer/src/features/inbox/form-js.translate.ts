import type { TFunction } from 'i18next';

/**
 * form-js (viewer 2.x) says its own words through a `translate(template, replacements)` service,
 * the same as diagram-js: we replace it with an additional module, the documented way. Each
 * English template maps to one of our keys (`formJs.*`, placeholders as `{{value}}`).
 */
const TEMPLATES = {
  'Field is required.': 'required',
  'Field must be a valid email.': 'email',
  'Field must be a valid international phone number. (e.g. +4930664040900)': 'phone',
  'Field must have maximum length of {value}.': 'maxLength',
  'Field must have minimum length of {value}.': 'minLength',
  'Field must have maximum value of {value}.': 'max',
  'Field must have minimum value of {value}.': 'min',
  'Field must match pattern {value}.': 'pattern',
  'Value is expected to be an integer.': 'integer',
  'Value is expected to have at most 1 decimal digit.': 'decimalOne',
  'Value is expected to have at most {value} decimal digits.': 'decimals',
  'Value is not a number.': 'notNumber',
  'Please select a valid value, the two nearest valid values are {previousValue} and {nextValue}.': 'step',
  'Date and time must both be entered.': 'dateAndTime',
  'Min validation value is not a valid number.': 'badMin',
  'Max validation value is not a valid number.': 'badMax',
  Search: 'search',
  'Skip to search': 'skipToSearch',
  'Remove tag': 'removeTag',
  'No results': 'noResults',
  'All values selected': 'allSelected',
  Increment: 'increment',
  Decrement: 'decrement',
  'Nothing to show.': 'nothing',
  'No content to show.': 'noContent',
  "External content couldn't be loaded.": 'externalFailed',
  '{page} of {total}': 'page',
  'Previous page': 'previousPage',
  'Next page': 'nextPage',
  'Click to sort by {value} ascending': 'sortAscending',
  'Click to sort by {value} descending': 'sortDescending',
  'Click to remove sorting': 'sortRemove',
  'No files selected': 'noFiles',
  '{value} files selected': 'files',
  'Add new': 'addNew',
  Collapse: 'collapse',
  'Expand all ({value})': 'expandAll',
  'Download {fileName}': 'download',
  'Unable to download document': 'downloadFailed',
  'Document reference is not defined.': 'noDocument',
} as const;

type Replacements = Record<string, string | number | undefined>;

/** The `translate` service for form-js, in the current language; an unknown template keeps its English. */
export function formJsTranslate(t: TFunction) {
  return (template: string, replacements: Replacements = {}): string => {
    const key = TEMPLATES[template as keyof typeof TEMPLATES];
    if (key) return t(`formJs.${key}`, { ...replacements });
    return template.replace(/{([^}]+)}/g, (_, name: string) => String(replacements[name] ?? `{${name}}`));
  };
}

/** An additional form-js module replacing its `translate` service. */
export const formJsTranslateModule = (t: TFunction) => ({ translate: ['value', formJsTranslate(t)] });

/**
 * Two words form-js 2.0 writes without its `translate` service: the "Search" placeholder of a
 * searchable select and the "Select" placeholder of a plain one. There is no option for them,
 * so we rewrite them in the rendered form, and again whenever form-js renders them anew.
 * Returns the function that stops watching.
 */
export function translateHardcodedWords(container: HTMLElement, t: TFunction): () => void {
  const search = t('formJs.search');
  const select = t('formJs.select');
  const apply = () => {
    for (const input of container.querySelectorAll<HTMLInputElement>('input.fjs-input[placeholder="Search"]')) input.placeholder = search;
    for (const display of container.querySelectorAll<HTMLElement>('.fjs-select-display.fjs-select-placeholder')) {
      // The text node itself, which form-js (Preact) keeps and updates when a value is chosen.
      const text = display.firstChild;
      if (text instanceof Text && text.data === 'Select') text.data = select;
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder', 'class'] });
  return () => observer.disconnect();
}
