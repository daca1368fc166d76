import type { NotificationTemplate } from '@diwan/contracts';
import { NOTIFICATION_TEXTS, type NotificationLanguage } from './notification.templates.js';

const LOCALES: Record<NotificationLanguage, string> = { ar: 'ar-TN', fr: 'fr-FR', en: 'en-GB' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface Rendered {
  subject: string;
  text: string;
  /** The e-mail's HTML part: the text, every value escaped, right to left in Arabic. */
  html: string;
}

/** A value as the recipient reads it: dates through Intl in their language and the administration's time zone. */
function shown(value: unknown, language: NotificationLanguage, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(LOCALES[language]).format(value);
  const text = String(value);
  if (ISO_DATE.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone }).format(new Date(text));
  }
  return text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern
    .replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => values[name] ?? '')
    .replace(/\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** First-strong isolate … pop: a value keeps its own direction inside the sentence (2026/A/000321 stays so in Arabic). */
const isolated = (text: string) => (text ? `\u2068${text}\u2069` : text);
/**
 * In an Arabic SMS (no isolates: older phones show them as boxes), a left-to-right value such as
 * 2026/A/000321 is held together by left-to-right marks, which every phone knows.
 */
const heldLeftToRight = (text: string) => (text && !/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(text) ? `\u200e${text}\u200e` : text);

/**
 * The template in the language, with the values; the HTML part escapes each value (the pattern is
 * ours). `isolate` wraps each value in Unicode isolates (screens and e-mail); SMS go without them,
 * which older phones show as boxes.
 */
export function renderNotification(template: NotificationTemplate, language: NotificationLanguage, data: Record<string, unknown>, timeZone: string, isolate = false): Rendered {
  const texts = NOTIFICATION_TEXTS[template][language];
  const mark = isolate ? isolated : language === 'ar' ? heldLeftToRight : (text: string) => text;
  // A value may come in each language: `taskNameAr` wins over `taskName` in Arabic.
  const suffix = { ar: 'Ar', fr: 'Fr', en: 'En' }[language];
  const localised = { ...data, ...Object.fromEntries(Object.entries(data).flatMap(([k, v]) => (k.endsWith(suffix) && v !== null && v !== '' ? [[k.slice(0, -2), v]] : []))) };
  const values = Object.fromEntries(Object.entries(localised).map(([k, v]) => [k, mark(shown(v, language, timeZone))]));
  const text = fill(texts.text, values);
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v)]));
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const body = fill(escapeHtml(texts.text), escaped);
  const html = `<!doctype html><html lang="${language}" dir="${dir}"><body style="font-family:sans-serif;direction:${dir}"><p>${body}</p></body></html>`;
  return { subject: fill(texts.subject, values), text, html };
}

/** The sentence in every language (the bell shows the user's current language). */
export function renderAllLanguages(template: NotificationTemplate, data: Record<string, unknown>, timeZone: string): { ar: string; fr: string; en: string } {
  return {
    ar: renderNotification(template, 'ar', data, timeZone, true).text,
    fr: renderNotification(template, 'fr', data, timeZone, true).text,
    en: renderNotification(template, 'en', data, timeZone, true).text,
  };
}
