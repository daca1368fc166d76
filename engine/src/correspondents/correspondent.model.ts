import { Schema, model, type Types } from 'mongoose';
import { CORRESPONDENT_KINDS, type CorrespondentDto, type CorrespondentKind } from '@diwan/contracts';

/** Who sent or will receive a mail: a citizen, a company or an administration. */
export interface Correspondent {
  _id: Types.ObjectId;
  kind: CorrespondentKind;
  name: string;
  nationalId: string | null;
  registrationNumber: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  /** Normalised name and identifiers, for autocomplete. */
  searchText: string;
}

const optional = { type: String, default: null };
const correspondentSchema = new Schema<Correspondent>(
  {
    kind: { type: String, enum: CORRESPONDENT_KINDS, required: true },
    name: { type: String, required: true },
    nationalId: { ...optional, index: true },
    registrationNumber: { ...optional, index: true },
    email: { ...optional, index: true },
    phone: optional,
    address: optional,
    city: optional,
    searchText: { type: String, required: true, index: true },
  },
  { timestamps: true, versionKey: false },
);

export const CorrespondentModel = model<Correspondent>('Correspondent', correspondentSchema, 'correspondents');

export function toCorrespondentDto(c: Omit<Correspondent, '_id'> & { _id: Types.ObjectId | string }): CorrespondentDto {
  return {
    id: String(c._id),
    kind: c.kind,
    name: c.name,
    nationalId: c.nationalId ?? null,
    registrationNumber: c.registrationNumber ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    address: c.address ?? null,
    city: c.city ?? null,
  };
}
