import { Schema, model } from 'mongoose';
import type { CircuitDefaultsDto, MailDirection, MailTypeDto } from '@diwan/contracts';
import { MAIL_DIRECTIONS } from '@diwan/contracts';

/** A mail type (نوع المراسلة / type de courrier): its labels, direction, time to answer and circuit. */
export type MailType = MailTypeDto;

const mailTypeSchema = new Schema<MailType>(
  {
    code: { type: String, required: true, unique: true },
    label: { ar: { type: String, required: true }, fr: { type: String, required: true }, en: { type: String, required: true } },
    direction: { type: String, enum: MAIL_DIRECTIONS, required: true },
    dueDays: { type: Number, required: true },
    circuitKey: { type: String, default: null },
    active: { type: Boolean, default: true },
  },
  { timestamps: true },
);

export const MailTypeModel = model<MailType>('MailType', mailTypeSchema, 'mailTypes');

/** One document holds the circuit each direction runs by default. */
export interface CircuitDefaults extends CircuitDefaultsDto {
  _id: 'circuitDefaults';
}

const circuitDefaultsSchema = new Schema<CircuitDefaults>(
  {
    _id: { type: String, required: true },
    ...(Object.fromEntries(MAIL_DIRECTIONS.map((d) => [d, { type: String, required: true }])) as Record<MailDirection, { type: StringConstructor; required: true }>),
  },
  { timestamps: true },
);

export const CircuitDefaultsModel = model<CircuitDefaults>('CircuitDefaults', circuitDefaultsSchema, 'settings');

export function toMailTypeDto(t: MailType): MailTypeDto {
  return { code: t.code, label: { ar: t.label.ar, fr: t.label.fr, en: t.label.en }, direction: t.direction, dueDays: t.dueDays, circuitKey: t.circuitKey ?? null, active: t.active };
}
