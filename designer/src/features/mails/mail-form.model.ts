import type {
  Confidentiality,
  CorrespondentDto,
  CorrespondentKind,
  MailChannel,
  MailDirection,
  MailPriority,
  RegisterMailInput,
} from '@diwan/contracts';

export interface NewCorrespondentFields {
  kind: CorrespondentKind;
  name: string;
  nationalId: string;
  registrationNumber: string;
  email: string;
  phone: string;
  address: string;
  city: string;
}

export type CorrespondentChoice =
  | { mode: 'existing'; correspondent: CorrespondentDto }
  | { mode: 'new'; fields: NewCorrespondentFields }
  | null;

/** What the registration form holds: strings as typed, turned into the API's input on submit. */
export interface MailFormState {
  direction: MailDirection;
  /** An outgoing letter written in Diwan (the parapheur), rather than one registered as it is. */
  draftInDiwan: boolean;
  subject: string;
  summary: string;
  language: 'ar' | 'fr' | 'en';
  channel: MailChannel;
  correspondent: CorrespondentChoice;
  /** `datetime-local` value, local time. */
  receivedAt: string;
  letterDate: string;
  letterReference: string;
  confidentiality: Confidentiality;
  priority: MailPriority;
  /** A mail type of the mail's direction ('' = none: the direction's default circuit). */
  mailType: string;
  dueDate: string;
  forAction: string[];
  forInformation: string[];
  namedUsers: string[];
  tags: string;
}

export const emptyNewCorrespondent = (name = ''): NewCorrespondentFields => ({
  kind: 'citizen',
  name,
  nationalId: '',
  registrationNumber: '',
  email: '',
  phone: '',
  address: '',
  city: '',
});

export function initialMailForm(language: 'ar' | 'fr' | 'en'): MailFormState {
  return {
    direction: 'incoming',
    draftInDiwan: false,
    subject: '',
    summary: '',
    language,
    channel: 'counter',
    correspondent: null,
    receivedAt: '',
    letterDate: '',
    letterReference: '',
    confidentiality: 'normal',
    priority: 'normal',
    mailType: '',
    dueDate: '',
    forAction: [],
    forInformation: [],
    namedUsers: [],
    tags: '',
  };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The API input; `correspondent` is a placeholder when none is chosen (validation says so). */
export function toRegisterMailInput(form: MailFormState): RegisterMailInput {
  const secret = form.confidentiality !== 'normal';
  return {
    direction: form.direction,
    subject: form.subject,
    summary: optional(form.summary),
    language: form.language,
    channel: form.channel,
    correspondent: toCorrespondentInput(form.correspondent),
    receivedAt: form.receivedAt ? new Date(form.receivedAt).toISOString() : undefined,
    letterDate: optional(form.letterDate),
    letterReference: optional(form.letterReference),
    confidentiality: form.confidentiality,
    priority: form.priority,
    mailType: optional(form.mailType),
    // A due date given wins over the type's deadline.
    dueDate: optional(form.dueDate),
    departments: { forAction: form.forAction, forInformation: form.forInformation },
    namedUsers: secret ? form.namedUsers : [],
    tags: form.tags
      .split(/[,،]/)
      .map((tag) => tag.trim())
      .filter(Boolean),
  };
}

function toCorrespondentInput(choice: CorrespondentChoice): RegisterMailInput['correspondent'] {
  if (!choice) return { id: '' };
  if (choice.mode === 'existing') return { id: choice.correspondent.id };
  const f = choice.fields;
  return {
    kind: f.kind,
    name: f.name,
    nationalId: optional(f.nationalId),
    registrationNumber: optional(f.registrationNumber),
    email: optional(f.email),
    phone: optional(f.phone),
    address: optional(f.address),
    city: optional(f.city),
  };
}
