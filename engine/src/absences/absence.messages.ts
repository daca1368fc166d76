import type { z } from 'zod';
import type { I18nText } from '@diwan/contracts';
import type { BadInputError } from '../shared/errors.js';
import { pick, type Language } from '../shared/language.js';
import { badField as refuseField, sayer, validateIn as validateLocalized, type Values } from '../shared/localized.js';

/** What absences say to people, in ar, fr and en. `{x}` marks a value filled in. */
const FIELDS = {
  username: { ar: 'الموظف الغائب', fr: 'Personne absente', en: 'Absent person' },
  substitute: { ar: 'النائب', fr: 'Suppléant', en: 'Substitute' },
  from: { ar: 'من', fr: 'Du', en: 'From' },
  to: { ar: 'إلى', fr: 'Au', en: 'To' },
  reason: { ar: 'السبب', fr: 'Motif', en: 'Reason' },
  status: { ar: 'الحالة', fr: 'Statut', en: 'Status' },
  for: { ar: 'الموظف الغائب', fr: 'Personne absente', en: 'Absent person' },
} satisfies Record<string, I18nText>;

const MESSAGES = {
  badMoment: { ar: '{x}: تاريخ وساعة غير صالحين', fr: '{x} : date et heure invalides', en: '{x}: not a valid date and time' },
  endBeforeStart: { ar: 'يجب أن تأتي نهاية الغياب بعد بدايته', fr: "La fin de l'absence doit suivre son début", en: 'The absence must end after it starts' },
  endInPast: { ar: 'نهاية الغياب قد مضت', fr: "La fin de l'absence est déjà passée", en: 'The end of the absence is already past' },
  tooLongPeriod: { ar: 'لا يتجاوز الغياب سنة واحدة', fr: "Une absence dure au plus un an", en: 'An absence lasts one year at most' },
  unknownUser: { ar: '{x}: المستخدم غير موجود أو معطَّل', fr: '{x} : utilisateur inconnu ou désactivé', en: '{x}: unknown or disabled user' },
  selfSubstitute: { ar: 'لا يمكن أن ينوب الموظف عن نفسه', fr: 'Une personne ne peut pas se suppléer elle-même', en: 'Nobody can be their own substitute' },
  noSharedDepartment: {
    ar: '{s} لا ينتمي إلى أي مصلحة من مصالح {u}، فلا يمكنه أن ينوب عنه',
    fr: "{s} n'appartient à aucun service de {u} : il ne peut pas le suppléer",
    en: '{s} belongs to none of the departments of {u}, so cannot replace them',
  },
  notYourDepartment: {
    ar: 'لا يمكنك التصريح بغياب إلا لنفسك أو، إن كنت رئيس مصلحة، لأحد أعضاء مصلحتك',
    fr: "Vous ne pouvez déclarer une absence que pour vous-même ou, chef de service, pour une personne de votre service",
    en: 'You may declare an absence only for yourself or, as a head, for someone of your department',
  },
  overlap: { ar: 'لـ{u} غياب آخر في هذه الفترة', fr: '{u} a déjà une absence sur cette période', en: '{u} already has an absence in this period' },
  substituteAbsent: { ar: '{s} غائب هو أيضًا خلال هذه الفترة', fr: '{s} est lui-même absent sur cette période', en: '{s} is away too during this period' },
  personReplaces: { ar: '{u} ينوب عن زميل خلال هذه الفترة', fr: '{u} supplée déjà un collègue sur cette période', en: '{u} is replacing a colleague during this period' },
  notFound: { ar: 'لا يوجد غياب بهذا المعرِّف', fr: 'Aucune absence avec cet identifiant', en: 'No such absence' },
  notAllowedToEnd: {
    ar: 'لا يُنهي الغياب إلا صاحبه أو من صرَّح به أو رئيس مصلحته أو المسؤول',
    fr: "Seuls la personne absente, le déclarant, son chef de service ou un administrateur peuvent mettre fin à l'absence",
    en: 'Only the absent person, whoever declared it, their head or an administrator may end the absence',
  },
  alreadyEnded: { ar: 'انتهى هذا الغياب', fr: 'Cette absence est terminée', en: 'This absence is over' },
  notAllowedToList: { ar: 'لا يمكنك الاطلاع على غيابات هذا الموظف', fr: 'Vous ne pouvez pas voir les absences de cette personne', en: "You may not see this person's absences" },
} satisfies Record<string, I18nText>;
export type AbsenceMessage = keyof typeof MESSAGES;

export const say = sayer(MESSAGES);

/** A 400 naming one field, in the caller's language (details.fields keeps the field's key). */
export function badField(language: Language, field: string, key: AbsenceMessage, values: Values = {}): BadInputError {
  return refuseField(language, field, say(language, key, { x: field in FIELDS ? pick(FIELDS[field as keyof typeof FIELDS], language) : field, ...values }));
}

/** Parses input at the boundary; each refused field is named in the caller's language. */
export function validateIn<S extends z.ZodType>(schema: S, input: unknown, language: Language): z.infer<S> {
  return validateLocalized(schema, input, language, FIELDS, (issue, name) =>
    issue.code === 'invalid_format' && (issue.path[0] === 'from' || issue.path[0] === 'to') ? say(language, 'badMoment', { x: name }) : undefined,
  );
}
