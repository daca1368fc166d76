import type { I18nText, SessionUser, UserTaskDto } from '@diwan/contracts';
import { entriesOfMail } from '../audit/audit.service.js';
import { departmentNames } from '../departments/department.service.js';
import { exchangePeerNames } from '../exchange/exchange-peer.service.js';
import { mailFacts, type MailFacts } from '../mail/mail.facts.js';
import type { RuntimeClient } from '../runtime/runtime.client.js';
import { fromVariables } from '../runtime/runtime.variables.js';
import { YES_NO } from '../shared/labels.js';
import { pick, type Language } from '../shared/language.js';
import { activeUsersOf, displayNames } from '../users/user.service.js';
import { fieldsOf, propertiesOf, variablesShownBy, type FormComponent, type FormField } from './form-schema.js';
import { checkCompletion } from './user-task.form-contract.js';
import { localizeForm, optionLabelOf, textsOf, type Option } from './user-task.form-localize.js';

/** One field of a completed step, as the audit keeps it and the next people read it. */
export interface CompletedField {
  key: string;
  label: I18nText;
  value: unknown;
  text: I18nText;
}

export interface EarlierResult {
  stepName: string;
  by: { username: string; displayName: string };
  at: string;
  fields: { key: string; label: string; value: string }[];
}

export interface UserTaskForm {
  /** The task's Camunda Form in the caller's language with its pickers filled, or null when it has none. */
  schema: Record<string, unknown> | null;
  /** Only the variables the form shows, and the mail's facts the viewer may see. */
  data: Record<string, unknown> & { mail: MailFacts | null };
  earlierResults: EarlierResult[];
}

type Pickers = (c: FormComponent) => Option[] | null;

/** The task's form: the contract of its completion and what it shows, in the user's language. */
export class UserTaskForms {
  constructor(private readonly runtime: RuntimeClient) {}

  async read(user: SessionUser, task: UserTaskDto, language: Language): Promise<UserTaskForm> {
    const [schema, variables, pickers, mail, earlierResults] = await Promise.all([
      this.runtime.deployedForm(task.id),
      this.runtime.taskVariables(task.id),
      this.pickers(task),
      task.businessKey ? mailFacts(user, task.businessKey, language) : Promise.resolve(null),
      this.earlierResults(task, language),
    ]);
    const data = shownData(schema, variables);
    return { schema: schema ? localizeForm(schema, language, pickers, { ...data, mail }) : null, data: { ...data, mail }, earlierResults };
  }

  /** Checks a completion against the task's form; answers the variables to send and what the audit keeps. */
  async check(user: SessionUser, task: UserTaskDto, variables: Record<string, unknown>, language: Language): Promise<{ accepted: Record<string, unknown>; fields: CompletedField[] }> {
    const [schema, pickers] = await Promise.all([this.runtime.deployedForm(task.id), this.pickers(task)]);
    const fields = schema ? fieldsOf(schema) : null;
    // A field that a condition may hide is required, and takes a value, only while shown. The
    // conditions read what they read in the user's browser: the form's data as `read` gives it.
    const conditional = fields?.some((f) => f.hiddenWhen && (f.required || f.key in variables));
    const current = conditional
      ? { ...shownData(schema, await this.runtime.taskVariables(task.id)), mail: task.businessKey ? await mailFacts(user, task.businessKey, language) : null }
      : {};
    const optionsOf = (field: FormField): Set<string> | null => {
      const options = pickers(field.component) ?? staticOptions(field.component);
      return options ? new Set(options.map((o) => o.value)) : null;
    };
    const accepted = checkCompletion(fields, variables, optionsOf, current);
    const completed = (fields ?? [])
      .filter((f) => f.key in accepted)
      .map((f) => ({ key: f.key, label: textsOf(f.component, 'label') ?? same(f.key), value: accepted[f.key], text: textOf(accepted[f.key], pickers(f.component) ?? staticOptions(f.component)) }));
    return { accepted, fields: completed };
  }

  /**
   * The options of the form's pickers: departments, or the active users of the task's candidate
   * groups; with `diwan.refScope` = `all`, a user picker offers the active users of every department
   * (a visa chain or a signatory chosen across the administration); `exchangePeer` offers the
   * administrations of the exchange directory (where a letter is sent by exchange).
   */
  private async pickers(task: UserTaskDto): Promise<Pickers> {
    const [departments, users, peers] = await Promise.all([departmentNames(), activeUsersOf(task.candidateGroups), exchangePeerNames()]);
    const departmentOptions = [...departments].map(([value, label]) => ({ value, label }));
    const peerOptions = [...peers].map(([value, name]) => ({ value, label: { ar: name.ar, fr: name.fr, en: name.fr } }));
    const userOptions = users.map((u) => ({ value: u.username, label: same(u.displayName) }));
    const everyone = (await activeUsersOf([...departments.keys()])).map((u) => ({ value: u.username, label: same(u.displayName) }));
    return (c) => {
      const properties = propertiesOf(c);
      const ref = properties['diwan.ref'];
      if (ref === 'user' && properties['diwan.refScope'] === 'all') return everyone;
      if (ref === 'exchangePeer') return peerOptions;
      return ref === 'department' ? departmentOptions : ref === 'user' ? userOptions : null;
    };
  }

  /** What earlier steps of the same circuit instance gave, from the audit log. */
  private async earlierResults(task: UserTaskDto, language: Language): Promise<EarlierResult[]> {
    if (!task.businessKey || !/^[0-9a-f]{24}$/i.test(task.businessKey)) return [];
    const entries = (await entriesOfMail(task.businessKey)).filter(
      (e) => e.action === 'userTask.completed' && e.details?.processInstanceId === task.processInstanceId && e.details?.userTaskId !== task.id && Array.isArray(e.details?.fields),
    );
    const names = await displayNames(entries.map((e) => e.actor));
    return entries
      .map((e) => {
        const details = e.details as { names?: I18nText | null; taskDefinitionKey?: string; fields: CompletedField[] };
        return {
          stepName: details.names ? pick(details.names, language) : '',
          by: { username: e.actor, displayName: names.get(e.actor) ?? e.actor },
          at: e.at.toISOString(),
          fields: details.fields.filter((f) => f.text && pick(f.text, language)).map((f) => ({ key: f.key, label: pick(f.label, language), value: pick(f.text, language) })),
        };
      })
      .filter((r) => r.fields.length > 0);
  }
}

function staticOptions(c: FormComponent): Option[] | null {
  if (!Array.isArray(c.values)) return null;
  return (c.values as { value: unknown; label?: unknown }[]).map((o) => ({ value: String(o.value), label: optionLabelOf(c, o) }));
}

const same = (text: string): I18nText => ({ ar: text, fr: text, en: text });

/** A value as people read it, in each language: option labels, yes/no, lists joined. */
function textOf(value: unknown, options: Option[] | null): I18nText {
  const label = (v: unknown): I18nText => options?.find((o) => o.value === String(v))?.label ?? (typeof v === 'boolean' ? YES_NO[String(v) as 'true' | 'false'] : same(String(v ?? '')));
  if (Array.isArray(value)) {
    const labels = value.map(label);
    const join = (l: keyof I18nText) => labels.map((x) => x[l]).join(l === 'ar' ? '، ' : ', ');
    return { ar: join('ar'), fr: join('fr'), en: join('en') };
  }
  return label(value);
}

/** The step's variables that its form shows (its `data`, beside the mail's facts). */
function shownData(schema: Record<string, unknown> | null, variables: Record<string, { type: string; value: unknown }>): Record<string, unknown> {
  const shown = variablesShownBy(schema);
  const fresh = freshFields(schema);
  return Object.fromEntries(Object.entries(fromVariables(variables)).filter(([k]) => shown.has(k) && !fresh.has(k) && k !== 'mail'));
}

/**
 * Fields with the custom property `diwan.prefill` = `none` start empty: a decision each person
 * makes in turn (a visa chain) must not come filled with the previous person's answer.
 */
function freshFields(schema: Record<string, unknown> | null): Set<string> {
  return new Set(fieldsOf(schema).filter((f) => f.properties['diwan.prefill'] === 'none').map((f) => f.key));
}
