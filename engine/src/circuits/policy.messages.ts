import type { ErrorRequestHandler } from 'express';
import type { PolicyViolationDto } from '@diwan/contracts';
import { UnprocessableError } from '../shared/errors.js';
import { LANGUAGES, languageOf, type Language } from '../shared/language.js';

export const POLICY_LANGUAGES = LANGUAGES;
export type PolicyLanguage = Language;

/** What a message may mention: read back from the policy's own (English) message when it names it. */
interface Facts {
  file: string;
  topic?: string;
  value?: string;
}
type Template = (facts: Facts) => string;
type Messages = Record<PolicyLanguage, Template>;

const said = (en: string, fr: string, ar: string): Messages => ({ en: () => en, fr: () => fr, ar: () => ar });
const MILESTONES = {
  en: 'triaged, in progress, validated, closed, archived',
  fr: 'trié, en cours, validé, clos, archivé',
  ar: 'موزَّع، قيد المعالجة، مُصادَق عليه، مُغلق، مؤرشف',
};

/**
 * Each rule of the deployment policy (and the form checks), said in the three languages, for
 * people who draw circuits. The element is not in the sentence: the violation carries it, and the
 * designer names it by its label.
 */
export const POLICY_MESSAGES: Record<string, Messages> = {
  'xml-well-formed': said('The diagram is not a well-formed BPMN file.', "Le diagramme n'est pas un fichier BPMN bien formé.", 'المخطط ليس ملفًا سليم البنية.'),
  'no-doctype': said('A DOCTYPE declaration is not accepted.', "Une déclaration DOCTYPE n'est pas acceptée.", 'لا يُقبل تصريح DOCTYPE في الملف.'),
  'no-script-task': said(
    'Scripts are not allowed: use a ready step from the catalogue instead.',
    'Les scripts ne sont pas autorisés : utilisez plutôt une étape prête du catalogue.',
    'النصوص البرمجية غير مسموح بها: استعمل بدلها خطوة جاهزة من الفهرس.',
  ),
  'no-script': said('A script is not allowed here.', "Un script n'est pas autorisé ici.", 'لا يُسمح بنص برمجي هنا.'),
  'no-java-delegate': said(
    'This step would run program code inside the engine: use a ready step from the catalogue instead.',
    "Cette étape exécuterait du code dans le moteur : utilisez plutôt une étape prête du catalogue.",
    'هذه الخطوة تُشغّل شيفرة برمجية داخل المحرّك: استعمل بدلها خطوة جاهزة من الفهرس.',
  ),
  'no-connector': said(
    'Connectors are not allowed: use a ready step from the catalogue instead.',
    'Les connecteurs ne sont pas autorisés : utilisez plutôt une étape prête du catalogue.',
    'الموصّلات غير مسموح بها: استعمل بدلها خطوة جاهزة من الفهرس.',
  ),
  'known-topic': {
    en: ({ topic }) => (topic ? `“${topic}” is not a ready step Diwan knows: choose one from the catalogue.` : 'This automatic step names no ready step: choose one from the catalogue.'),
    fr: ({ topic }) => (topic ? `« ${topic} » n'est pas une étape prête connue de Diwan : choisissez-en une dans le catalogue.` : "Cette étape automatique ne désigne aucune étape prête : choisissez-en une dans le catalogue."),
    ar: ({ topic }) => (topic ? `«${topic}» ليست خطوة جاهزة يعرفها الديوان: اختر واحدة من الفهرس.` : 'هذه الخطوة الآلية لا تحدد أي خطوة جاهزة: اختر واحدة من الفهرس.'),
  },
  'external-service-work': said(
    'Automatic work must be a ready step from the catalogue.',
    'Un travail automatique doit être une étape prête du catalogue.',
    'يجب أن يكون العمل الآلي خطوة جاهزة من الفهرس.',
  ),
  'user-task-assignment': said(
    'Say who does this task: a department, people or an assignee.',
    'Indiquez qui fait cette tâche : un service, des personnes ou un responsable.',
    'حدّد من يُنجز هذه المهمة: مصلحة أو أشخاص أو مكلَّف.',
  ),
  'no-engine-access': said(
    'An expression reaches into the engine: it may only read the circuit’s data.',
    "Une expression accède au moteur : elle ne peut que lire les données du circuit.",
    'تعبير يصل إلى داخل المحرّك: لا يجوز له إلا قراءة بيانات الدائرة.',
  ),
  'known-milestone': {
    en: ({ value }) => `${value ? `“${value}”` : 'This milestone'} is not a mail status: use one of ${MILESTONES.en}.`,
    fr: ({ value }) => `${value ? `« ${value} »` : 'Ce jalon'} n'est pas un état du courrier : utilisez ${MILESTONES.fr}.`,
    ar: ({ value }) => `${value ? `«${value}»` : 'هذه المرحلة'} ليست من حالات المراسلة: استعمل إحدى الحالات ${MILESTONES.ar}.`,
  },
  'feel-only': said(
    'A decision table may only use FEEL expressions (the expression language of decisions).',
    "Une table de décision ne peut utiliser que des expressions FEEL (le langage des décisions).",
    'لا يجوز لجدول القرار أن يستعمل إلا تعابير FEEL (لغة القرارات).',
  ),
  'form-condition': {
    en: () => 'A form field of this circuit has a condition that is not a FEEL expression, so it would never be hidden: correct it in the form editor.',
    fr: () => "Un champ de formulaire de ce circuit a une condition qui n'est pas une expression FEEL : il ne serait jamais masqué. Corrigez-la dans l'éditeur de formulaires.",
    ar: () => 'لأحد حقول استمارات هذه الدائرة شرط ليس تعبير FEEL، فلن يُخفى أبدا: صحّحه في محرّر الاستمارات.',
  },
  'form-json': {
    en: () => 'A form of this circuit is damaged (not readable): open it in the form editor and save it again.',
    fr: () => "Un formulaire de ce circuit est endommagé (illisible) : ouvrez-le dans l'éditeur de formulaires et enregistrez-le.",
    ar: () => 'إحدى استمارات هذه الدائرة تالفة (غير مقروءة): افتحها في محرّر الاستمارات واحفظها من جديد.',
  },
  'form-id': {
    en: () => 'A form of this circuit has no identifier, so no task can refer to it: open it in the form editor and save it again.',
    fr: () => "Un formulaire de ce circuit n'a pas d'identifiant, aucune tâche ne peut donc y renvoyer : ouvrez-le dans l'éditeur de formulaires et enregistrez-le.",
    ar: () => 'إحدى استمارات هذه الدائرة بلا معرّف، فلا يمكن لأي مهمة الإشارة إليها: افتحها في محرّر الاستمارات واحفظها من جديد.',
  },
};

const FALLBACK: Messages = said(
  'This element breaks a deployment rule.',
  'Cet élément enfreint une règle de déploiement.',
  'هذا العنصر يخالف قاعدة من قواعد النشر.',
);

const REFUSED: Record<PolicyLanguage, (first: string, more: number) => string> = {
  en: (first, more) => `Deployment refused: ${first}${more ? ` (and ${more} more)` : ''}`,
  fr: (first, more) => `Déploiement refusé : ${first}${more ? ` (et ${more} de plus)` : ''}`,
  ar: (first, more) => `رُفض النشر: ${first}${more ? ` (و${more} غيرها)` : ''}`,
};

/** The facts a template may use, read from the policy's English message (see deployment-policy.ts). */
function factsOf(violation: PolicyViolationDto): Facts {
  const topic = /topic "([^"]*)"/.exec(violation.message)?.[1];
  const value = /milestone "([^"]*)"/.exec(violation.message)?.[1];
  return { file: violation.file, ...(topic ? { topic } : {}), ...(value ? { value } : {}) };
}

/** The violation with its message in `language`; the rule and element stay as they are. */
export function localiseViolation<V extends PolicyViolationDto>(violation: V, language: PolicyLanguage): V {
  const messages = POLICY_MESSAGES[violation.rule] ?? FALLBACK;
  return { ...violation, message: messages[language](factsOf(violation)) };
}

export function localiseViolations<V extends PolicyViolationDto>(violations: V[], language: PolicyLanguage): V[] {
  return violations.map((v) => localiseViolation(v, language));
}

function violationsOf(err: unknown): PolicyViolationDto[] | null {
  if (!(err instanceof UnprocessableError)) return null;
  const violations = (err.details as { violations?: unknown } | undefined)?.violations;
  return Array.isArray(violations) && violations.length > 0 ? (violations as PolicyViolationDto[]) : null;
}

/**
 * Puts a refused deployment (422 with `details.violations`) in the caller's language before the
 * error middleware answers it. Other errors pass untouched.
 */
export const localisePolicyRefusal: ErrorRequestHandler = (err, req, _res, next) => {
  const violations = violationsOf(err);
  if (!violations) return next(err);
  const language = languageOf(req);
  const localised = localiseViolations(violations, language);
  const first = localised[0]!;
  const where = first.elementId ? `${first.elementId} — ` : '';
  next(new UnprocessableError(REFUSED[language](`${where}${first.message}`, localised.length - 1), { ...(err as UnprocessableError & { details: object }).details, violations: localised }));
};
