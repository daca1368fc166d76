import type { CircuitDefaultsDto, MailDirection, MailTypeDto, MailTypeInput, SessionUser } from '@diwan/contracts';
import type { mailTypeUpdateSchema } from '@diwan/contracts';
import type { z } from 'zod';
import { record } from '../audit/audit.service.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../shared/errors.js';
import { CircuitDefaultsModel, MailTypeModel, toMailTypeDto, type MailType } from './mail-type.model.js';
import { STANDARD_CIRCUIT_DEFAULTS, STANDARD_MAIL_TYPES } from './mail-type.standard.js';

export interface MailTypeFilter {
  direction?: MailDirection;
  circuitKey?: string;
  active?: boolean;
}

/** What registration needs of a mail's type: its deadline and the circuit it starts. */
export interface MailTypeBinding {
  dueDays: number;
  circuitKey: string;
}

/** How long registration may use the mail types it read (a change made on another engine node applies within it). */
const BINDINGS_TTL_MS = 5_000;

interface Bindings {
  readAt: number;
  defaults: CircuitDefaultsDto;
  types: Map<string, MailType>;
}

/** Mail types and the per-direction default circuits: the data that binds mail to circuits. */
export class MailTypeService {
  /** What registration reads on every mail, kept for a few seconds; a change made here drops it. */
  private bindings: Promise<Bindings> | null = null;

  /** `circuitExists` tells whether a circuit key is deployed in the runtime. */
  constructor(private readonly circuitExists: (key: string) => Promise<boolean>) {}

  async list(filter: MailTypeFilter = {}): Promise<MailTypeDto[]> {
    const query: Record<string, unknown> = {};
    if (filter.direction) query.direction = filter.direction;
    if (filter.active !== undefined) query.active = filter.active;
    if (filter.circuitKey) query.circuitKey = filter.circuitKey;
    const types = (await MailTypeModel.find(query).sort({ direction: 1, code: 1 }).lean()).map(toMailTypeDto);
    if (!filter.circuitKey) return types;
    // A type without a circuit of its own runs its direction's default circuit.
    const defaults = await this.defaults();
    const inherited = (await MailTypeModel.find({ ...query, circuitKey: null }).lean()).map(toMailTypeDto).filter((t) => defaults[t.direction] === filter.circuitKey);
    return [...types, ...inherited];
  }

  async get(code: string): Promise<MailTypeDto> {
    const type = await MailTypeModel.findOne({ code }).lean();
    if (!type) throw new NotFoundError(`No mail type ${code}`);
    return toMailTypeDto(type);
  }

  async create(user: SessionUser, input: MailTypeInput): Promise<MailTypeDto> {
    await this.checkCircuits({ circuitKey: input.circuitKey });
    try {
      const created = (await MailTypeModel.create(input)).toObject();
      this.bindings = null;
      await record({ actor: user.username, action: 'mailType.created', details: { ...input } });
      return toMailTypeDto(created);
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new ConflictError(`The mail type ${input.code} exists already`, { fields: [{ field: 'code', message: 'exists already' }] });
      throw err;
    }
  }

  async update(user: SessionUser, code: string, changes: z.infer<typeof mailTypeUpdateSchema>): Promise<MailTypeDto> {
    await this.checkCircuits({ circuitKey: changes.circuitKey });
    const updated = await MailTypeModel.findOneAndUpdate({ code }, { $set: changes }, { returnDocument: 'after', lean: true });
    this.bindings = null;
    if (!updated) throw new NotFoundError(`No mail type ${code}`);
    await record({ actor: user.username, action: 'mailType.updated', details: { code, changes } });
    return toMailTypeDto(updated);
  }

  async defaults(): Promise<CircuitDefaultsDto> {
    const doc = await CircuitDefaultsModel.findById('circuitDefaults').lean();
    return doc ? { incoming: doc.incoming, outgoing: doc.outgoing, internal: doc.internal } : { ...STANDARD_CIRCUIT_DEFAULTS };
  }

  async setDefaults(user: SessionUser, defaults: CircuitDefaultsDto): Promise<CircuitDefaultsDto> {
    await this.checkCircuits(defaults);
    await CircuitDefaultsModel.updateOne({ _id: 'circuitDefaults' }, { $set: defaults }, { upsert: true });
    this.bindings = null;
    await record({ actor: user.username, action: 'circuitDefaults.updated', details: { ...defaults } });
    return defaults;
  }

  /**
   * The binding of a mail being registered: its type's (active, same direction) deadline and
   * circuit, else the `default` type's deadline and the direction's default circuit.
   * Answers null for a type that can't be used, so that registration names the field.
   */
  async bindingFor(direction: MailDirection, code: string | undefined): Promise<MailTypeBinding | null> {
    const { defaults, types } = await this.currentBindings();
    if (!code) return { dueDays: types.get('default')?.dueDays ?? 15, circuitKey: defaults[direction] };
    const type = types.get(code);
    if (!type || !type.active || type.direction !== direction) return null;
    return { dueDays: type.dueDays, circuitKey: type.circuitKey ?? defaults[direction] };
  }

  /** Every mail type and the defaults, read at most every few seconds (two reads fewer on each registration). */
  private currentBindings(): Promise<Bindings> {
    const cached = this.bindings;
    if (cached) return cached.then((b) => (Date.now() - b.readAt < BINDINGS_TTL_MS ? b : this.readBindings()));
    return this.readBindings();
  }

  private readBindings(): Promise<Bindings> {
    const reading = Promise.all([this.defaults(), MailTypeModel.find().lean()]).then(([defaults, types]) => ({ readAt: Date.now(), defaults, types: new Map(types.map((t) => [t.code, t])) }));
    this.bindings = reading;
    // a failed read is not kept
    reading.catch(() => this.bindings === reading && (this.bindings = null));
    return reading;
  }

  /** Every circuit named must be deployed: else 422 naming the field. */
  private async checkCircuits(fields: Record<string, string | null | undefined>): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    for (const [field, key] of Object.entries(fields)) {
      if (key && !(await this.circuitExists(key))) problems.push({ field, message: `no deployed circuit ${key}` });
    }
    if (problems.length) throw new UnprocessableError(`Unknown circuit: ${problems.map((p) => p.message).join('; ')}`, { fields: problems });
  }

  /** Makes sure the standard types and defaults exist; never overwrites an admin's change. */
  async ensureStandard(): Promise<void> {
    for (const type of STANDARD_MAIL_TYPES) {
      await MailTypeModel.updateOne({ code: type.code }, { $setOnInsert: type }, { upsert: true });
    }
    await CircuitDefaultsModel.updateOne({ _id: 'circuitDefaults' }, { $setOnInsert: STANDARD_CIRCUIT_DEFAULTS }, { upsert: true });
    this.bindings = null;
  }
}

/** The label of a mail type, for displays (null for an unknown code). */
export async function mailTypeLabel(code: string | null | undefined): Promise<MailTypeDto['label'] | null> {
  if (!code) return null;
  const type = await MailTypeModel.findOne({ code }, { label: 1 }).lean();
  return type ? { ar: type.label.ar, fr: type.label.fr, en: type.label.en } : null;
}
