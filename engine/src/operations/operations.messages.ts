import type { z } from 'zod';
import type { I18nText } from '@diwan/contracts';
import type { BadInputError } from '../shared/errors.js';
import { pick, type Language } from '../shared/language.js';
import { badField as refuseField, sayer, validateIn as validateLocalized, type Values } from '../shared/localized.js';

/**
 * What operations say to people, in ar, fr and en: the fields they fill, why an input is refused,
 * and why one item of a bulk act failed. `{x}` marks a value filled in.
 */
export const FIELD_LABELS = {
  reason: { ar: 'السبب', fr: 'Motif', en: 'Reason' },
  incidentIds: { ar: 'الحوادث', fr: 'Incidents', en: 'Incidents' },
  from: { ar: 'المكلَّف الحالي', fr: 'Titulaire actuel', en: 'Current assignee' },
  to: { ar: 'المكلَّف الجديد', fr: 'Nouveau titulaire', en: 'New assignee' },
  taskIds: { ar: 'المهام', fr: 'Tâches', en: 'Tasks' },
  step: { ar: 'الخطوة المستهدفة', fr: 'Étape cible', en: 'Target step' },
  sourceDefinitionId: { ar: 'النسخة الحالية للمسار', fr: 'Version actuelle du circuit', en: 'Current circuit version' },
  targetDefinitionId: { ar: 'النسخة الجديدة للمسار', fr: 'Nouvelle version du circuit', en: 'New circuit version' },
  processInstanceIds: { ar: 'المسارات الجارية', fr: 'Circuits en cours', en: 'Running circuits' },
  circuit: { ar: 'المسار', fr: 'Circuit', en: 'Circuit' },
} satisfies Record<string, I18nText>;
export type OperationsField = keyof typeof FIELD_LABELS;

const MESSAGES = {
  notAllowed: { ar: 'هذه العمليات مخصَّصة للمشرفين والمسؤولين', fr: 'Ces opérations sont réservées aux superviseurs et aux administrateurs', en: 'These operations are for supervisors and administrators only' },
  unknownUser: { ar: '{x}: لا يوجد مستخدم بهذا الاسم', fr: '{x} : utilisateur inconnu', en: '{x}: unknown user' },
  inactiveUser: { ar: '{x}: المستخدم غير موجود أو معطَّل', fr: '{x} : utilisateur inconnu ou désactivé', en: '{x}: unknown or disabled user' },
  sameUser: { ar: 'المكلَّف الجديد هو نفسه المكلَّف الحالي', fr: 'Le nouveau titulaire est le titulaire actuel', en: 'The new assignee is the current one' },
  notCandidate: { ar: '{u} ليس من المخوَّل لهم إنجاز المهمة «{s}»', fr: '{u} ne peut pas traiter la tâche « {s} »', en: '{u} may not work on the task “{s}”' },
  taskNotHeld: { ar: 'المهمة ليست مفتوحة أو ليست مسندة إلى {u}', fr: "La tâche n'est pas ouverte ou n'est pas attribuée à {u}", en: 'The task is not open or not assigned to {u}' },
  incidentGone: { ar: 'لم تعد هذه الحادثة قائمة', fr: "Cet incident n'existe plus", en: 'This incident no longer exists' },
  incidentNotRetriable: { ar: 'لا يمكن إعادة محاولة هذا النوع من الحوادث', fr: "Ce type d'incident ne peut pas être relancé", en: 'This kind of incident cannot be retried' },
  instanceNotFound: { ar: 'لا يوجد مسار جارٍ بهذا المعرِّف', fr: 'Aucun circuit en cours avec cet identifiant', en: 'No running circuit with this identifier' },
  notAStep: { ar: '{x}: «{v}» ليست خطوة من هذا المسار', fr: "{x} : « {v} » n'est pas une étape de ce circuit", en: '{x}: “{v}” is not a step of this circuit' },
  repeatedNotRunning: { ar: '{x}: «{v}» جزء من مرحلة متكرِّرة لا تجري الآن', fr: "{x} : « {v} » fait partie d'une étape répétée qui n'est pas en cours", en: '{x}: “{v}” belongs to a repeated stage that is not running' },
  definitionNotFound: { ar: '{x}: نسخة المسار غير موجودة', fr: '{x} : version de circuit inconnue', en: '{x}: unknown circuit version' },
  sameDefinition: { ar: 'النسختان متطابقتان', fr: 'Les deux versions sont identiques', en: 'Both versions are the same' },
  otherCircuit: { ar: '{x}: ليست نسخة من المسار نفسه', fr: "{x} : n'est pas une version du même circuit", en: '{x}: not a version of the same circuit' },
  notDeployedByDiwan: { ar: '{x}: لم تُنشر هذه النسخة عبر ديوان', fr: "{x} : cette version n'a pas été déployée par Diwan", en: '{x}: this version was not deployed through Diwan' },
  notInSource: { ar: 'هذا المسار لا يجري على النسخة الحالية', fr: 'Ce circuit ne tourne pas sur la version actuelle', en: 'This circuit does not run on the current version' },
  unmappedStep: { ar: 'الخطوة «{s}» لا مقابل لها في النسخة الجديدة', fr: "L'étape « {s} » n'a pas d'équivalent dans la nouvelle version", en: 'The step “{s}” has no counterpart in the new version' },
  runtimeRefused: { ar: 'رفض محرك المسارات العملية: {x}', fr: "Le moteur des circuits a refusé l'opération : {x}", en: 'The circuit runtime refused: {x}' },
  changedMeanwhile: { ar: 'تغيَّر المسار في الأثناء؛ أعد المحاولة', fr: 'Le circuit a changé entre-temps ; réessayez', en: 'The circuit changed meanwhile; try again' },
} satisfies Record<string, I18nText>;
export type OperationsMessage = keyof typeof MESSAGES;

/** A message in the caller's language, values filled in. */
export const say = sayer(MESSAGES);

export const fieldLabel = (language: Language, field: string): string => (field in FIELD_LABELS ? pick(FIELD_LABELS[field as OperationsField], language) : field);

/** A 400 naming the field (by `label` when the route names it otherwise), in the caller's language. */
export function badField(language: Language, field: OperationsField | string, key: OperationsMessage, values: Values = {}, label: OperationsField | string = field): BadInputError {
  return refuseField(language, field, say(language, key, { x: fieldLabel(language, label), ...values }));
}

/**
 * Parses input at the boundary; each refused field is named in the caller's language.
 * `labels` renames fields for this route (the move's `to` is a step, the reassignment's a person).
 */
export function validateIn<S extends z.ZodType>(schema: S, input: unknown, language: Language, labels: Record<string, OperationsField> = {}): z.infer<S> {
  const names = Object.fromEntries(Object.entries(FIELD_LABELS).map(([k, v]) => [k, v as I18nText]));
  for (const [field, label] of Object.entries(labels)) names[field] = FIELD_LABELS[label];
  return validateLocalized(schema, input, language, names);
}
