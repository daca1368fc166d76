import type { LetterContent } from '@diwan/documents';
import type { LetterLanguage, MailDto, MergeField } from '@diwan/contracts';

/** Left-to-right isolate: a chrono number or a reference keeps its order inside Arabic text. */
const ltr = (value: string | null | undefined) => (value ? `\u2066${value}\u2069` : '');

const LOCALES: Record<LetterLanguage, string> = { ar: 'ar-TN', fr: 'fr-FR' };

/** A date as a reader of the letter reads it ("5 décembre 2026", "5 ديسمبر 2026"). */
export function letterDate(date: Date | string | null, language: LetterLanguage, timeZone: string): string {
  if (!date) return '';
  const d = typeof date === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T12:00:00Z` : date) : date;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(d);
}

/** A bilingual name ("محمد بن علي · Mohamed Ben Ali"): the part in the letter's language, if there are two. */
export function nameIn(name: string | null | undefined, language: LetterLanguage): string {
  if (!name) return '';
  const parts = name.split(' · ').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return name;
  const arabic = parts.find((p) => /[\u0600-\u06FF]/.test(p));
  const latin = parts.find((p) => !/[\u0600-\u06FF]/.test(p));
  return (language === 'ar' ? arabic : latin) ?? name;
}

export interface FieldSources {
  mail: MailDto;
  /** The incoming mail it answers (links: replyTo), if any. */
  answers: MailDto | null;
  signatory: { name: string; title: string };
  /** What "today" means for this version: the day it was saved. */
  today: Date;
  language: LetterLanguage;
  timeZone: string;
}

/** Each merge field's value, in the letter's language. */
export function mergeFields(s: FieldSources): Record<MergeField, string> {
  const correspondent = s.mail.correspondent ?? s.answers?.correspondent ?? null;
  return {
    'correspondent.name': nameIn(correspondent?.name, s.language),
    'correspondent.address': [correspondent?.address, correspondent?.city].filter(Boolean).join(s.language === 'ar' ? '، ' : ', '),
    'reference.chronoNumber': ltr(s.answers?.chronoNumber),
    'reference.letterDate': letterDate(s.answers?.letterDate ?? s.answers?.receivedAt ?? null, s.language, s.timeZone),
    'reference.letterReference': ltr(s.answers?.letterReference),
    'date.today': letterDate(s.today, s.language, s.timeZone),
    'mail.chronoNumber': ltr(s.mail.chronoNumber),
    'mail.subject': s.mail.subject ?? '',
    'signatory.name': s.signatory.name,
    'signatory.title': s.signatory.title,
  };
}

const WORDS = {
  ar: { ours: 'مرجعنا:', yours: 'مرجعكم:', of: 'بتاريخ', registered: 'مراسلتكم المسجلة تحت عدد:', subject: 'الموضوع:', to: 'إلى', on: 'في' },
  fr: { ours: 'N/Réf. :', yours: 'V/Réf. :', of: 'du', registered: 'Votre courrier enregistré sous le n° :', subject: 'Objet :', to: 'À', on: 'Le' },
} as const;

/** The frame of the letter around its body: letterhead, date line, references, addressee, subject, signatory. */
export function letterFrame(s: FieldSources, fields: Record<MergeField, string>, administration: { ar: string; fr: string }): Omit<LetterContent, 'html' | 'fields' | 'createdAt'> {
  const w = WORDS[s.language];
  const references: { label: string; value: string }[] = [];
  if (fields['mail.chronoNumber']) references.push({ label: w.ours, value: fields['mail.chronoNumber'] });
  if (s.answers?.letterReference) {
    const date = s.answers.letterDate ? ` ${w.of} ${letterDate(s.answers.letterDate, s.language, s.timeZone)}` : '';
    references.push({ label: w.yours, value: `${fields['reference.letterReference']}${date}` });
  }
  if (s.answers) references.push({ label: w.registered, value: fields['reference.chronoNumber'] });
  return {
    language: s.language,
    administration,
    dateLine: `${w.on} ${fields['date.today']}`,
    references,
    correspondent: [fields['correspondent.name'] ? `${w.to} ${fields['correspondent.name']}` : '', fields['correspondent.address']].filter(Boolean),
    subject: s.mail.subject ? { label: w.subject, value: s.mail.subject } : null,
    signatory: s.signatory,
    title: s.mail.subject || (s.language === 'ar' ? 'رسالة' : 'Lettre'),
  };
}
