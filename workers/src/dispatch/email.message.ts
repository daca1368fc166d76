import type { MailDto } from '@diwan/contracts';

type Language = MailDto['language'];

export interface DispatchEmail {
  subject: string;
  text: string;
  html: string;
  language: Language;
}

const LOCALES: Record<Language, string> = { ar: 'ar-TN', fr: 'fr-FR', en: 'en-GB' };

/** The words of the message in each language; `{chrono}`, `{subject}`, `{date}`, `{name}` filled in. */
const WORDS: Record<Language, { subject: string; greeting: string; body: string; closing: string; footer: string }> = {
  fr: {
    subject: 'Courrier n° {chrono} : {subject}',
    greeting: 'Madame, Monsieur {name},',
    body: 'Veuillez trouver ci-joint notre courrier n° {chrono} du {date}, objet : {subject}.',
    closing: "Le bureau d'ordre",
    footer: 'Ce message a été envoyé par Diwan. Le courrier signé est la pièce jointe PDF.',
  },
  ar: {
    subject: 'مراسلة عدد {chrono}: {subject}',
    greeting: 'السيد(ة) {name}،',
    body: 'تجدون طيه مراسلتنا عدد {chrono} بتاريخ {date}، في موضوع: {subject}.',
    closing: 'مكتب الضبط',
    footer: 'أرسلت هذه الرسالة بواسطة ديوان. المراسلة الموقعة مرفقة بصيغة PDF.',
  },
  en: {
    subject: 'Letter no. {chrono}: {subject}',
    greeting: 'Dear {name},',
    body: 'Please find attached our letter no. {chrono} of {date}, regarding: {subject}.',
    closing: 'The registry office',
    footer: 'This message was sent by Diwan. The signed letter is the attached PDF.',
  },
};

/**
 * The e-mail that carries an outgoing letter, in the letter's language: plain text, and HTML that
 * reads right to left for Arabic. Every value is escaped in the HTML.
 */
export function dispatchEmail(mail: MailDto, timeZone = 'Africa/Tunis'): DispatchEmail {
  const language: Language = mail.language in WORDS ? mail.language : 'fr';
  const w = WORDS[language];
  const values = {
    chrono: mail.chronoNumber ?? '',
    subject: mail.subject,
    name: mail.correspondent?.name ?? '',
    date: new Intl.DateTimeFormat(LOCALES[language], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(mail.letterDate ?? mail.registeredAt)),
  };
  const fill = (template: string, escape: (s: string) => string) => template.replace(/\{(\w+)\}/g, (_, k: keyof typeof values) => escape(values[k] ?? ''));
  const same = (s: string) => s;
  const paragraphs = [w.greeting, w.body, w.closing];
  const rtl = language === 'ar';
  const align = rtl ? 'right' : 'left';
  const html = [
    `<!doctype html><html lang="${language}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${fill(w.subject, escapeHtml)}</title></head>`,
    `<body dir="${rtl ? 'rtl' : 'ltr'}" style="font-family: 'Amiri', 'Noto Naskh Arabic', Arial, sans-serif; text-align: ${align};">`,
    ...paragraphs.map((p) => `<p>${fill(p, escapeHtml)}</p>`),
    `<hr><p style="color:#6b7280;font-size:12px">${escapeHtml(w.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: fill(w.subject, same), text: [...paragraphs.map((p) => fill(p, same)), '', '--', w.footer].join('\n\n'), html, language };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
