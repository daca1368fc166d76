import type { LetterTemplate } from './letter-template.model.js';

const field = (name: string) => `<span data-field="${name}"></span>`;

/** The standard templates, seeded at start (an admin's change is never overwritten). */
export const STANDARD_LETTER_TEMPLATES: Omit<LetterTemplate, 'updatedAt' | 'updatedBy'>[] = [
  {
    code: 'reply-citizen-ar',
    labels: { ar: 'جواب على مواطن (بالعربية)', fr: 'Réponse à un citoyen (en arabe)', en: 'Reply to a citizen (Arabic)' },
    language: 'ar',
    signatoryTitle: 'رئيس البلدية',
    standard: true,
    body: [
      `<p>إلى السيد(ة) ${field('correspondent.name')}</p>`,
      `<p>تحية طيبة وبعد،</p>`,
      `<p>جوابًا على مراسلتكم المؤرخة في ${field('reference.letterDate')} والمسجلة بمكتب الضبط تحت عدد ${field('reference.chronoNumber')}، والمتعلقة بـ«${field('mail.subject')}»، يشرفني أن أعلمكم بما يلي:</p>`,
      `<p></p>`,
      `<p>وتفضلوا بقبول فائق عبارات التقدير والاحترام.</p>`,
    ].join(''),
  },
  {
    code: 'reply-citizen-fr',
    labels: { ar: 'جواب على مواطن (بالفرنسية)', fr: 'Réponse à un citoyen (en français)', en: 'Reply to a citizen (French)' },
    language: 'fr',
    signatoryTitle: 'Le Président de la Municipalité',
    standard: true,
    body: [
      `<p>Madame, Monsieur ${field('correspondent.name')},</p>`,
      `<p>En réponse à votre courrier du ${field('reference.letterDate')}, enregistré à notre bureau d’ordre sous le n° ${field('reference.chronoNumber')} et relatif à « ${field('mail.subject')} », j’ai l’honneur de vous faire savoir ce qui suit :</p>`,
      `<p></p>`,
      `<p>Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.</p>`,
    ].join(''),
  },
  {
    code: 'new-letter-ar',
    labels: { ar: 'رسالة جديدة (بالعربية)', fr: 'Nouvelle lettre (en arabe)', en: 'New letter (Arabic)' },
    language: 'ar',
    signatoryTitle: 'رئيس البلدية',
    standard: true,
    body: [`<p>إلى ${field('correspondent.name')}</p>`, `<p>تحية طيبة وبعد،</p>`, `<p>يشرفني أن أحيطكم علمًا بما يلي:</p>`, `<p></p>`, `<p>والسلام.</p>`].join(''),
  },
  {
    code: 'new-letter-fr',
    labels: { ar: 'رسالة جديدة (بالفرنسية)', fr: 'Nouvelle lettre (en français)', en: 'New letter (French)' },
    language: 'fr',
    signatoryTitle: 'Le Président de la Municipalité',
    standard: true,
    body: [
      `<p>À l’attention de ${field('correspondent.name')},</p>`,
      `<p>J’ai l’honneur de porter à votre connaissance ce qui suit :</p>`,
      `<p></p>`,
      `<p>Veuillez agréer l’expression de mes salutations distinguées.</p>`,
    ].join(''),
  },
];
