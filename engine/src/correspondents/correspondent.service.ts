import { isValidObjectId } from 'mongoose';
import type { CorrespondentDto, newCorrespondentSchema } from '@diwan/contracts';
import type { z } from 'zod';
import { containsQuery, normalizeText, searchTextOf } from '../search/normalize.js';
import { CorrespondentModel, toCorrespondentDto } from './correspondent.model.js';

export type NewCorrespondent = z.output<typeof newCorrespondentSchema>;

export async function findCorrespondent(id: string): Promise<CorrespondentDto | null> {
  if (!isValidObjectId(id)) return null;
  const found = await CorrespondentModel.findById(id).lean();
  return found ? toCorrespondentDto(found) : null;
}

/**
 * The correspondent described inline at registration: an existing one with the
 * same kind and identifier (national id, registration number or e-mail), else a new one.
 */
export async function findOrCreateCorrespondent(input: NewCorrespondent): Promise<CorrespondentDto> {
  const identifiers = (['nationalId', 'registrationNumber', 'email'] as const).filter((k) => input[k]).map((k) => ({ [k]: k === 'email' ? input[k]!.toLowerCase() : input[k] }));
  if (identifiers.length > 0) {
    const existing = await CorrespondentModel.findOne({ kind: input.kind, $or: identifiers }).lean();
    if (existing) return toCorrespondentDto(existing);
  }
  const created = await CorrespondentModel.create({
    kind: input.kind,
    name: input.name,
    nationalId: input.nationalId ?? null,
    registrationNumber: input.registrationNumber ?? null,
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    address: input.address ?? null,
    city: input.city ?? null,
    searchText: searchTextOf(input.name, input.nationalId, input.registrationNumber, input.email, input.city),
  });
  return toCorrespondentDto(created.toObject());
}

/** Autocomplete: up to 20 correspondents whose normalised text contains the query, prefix matches first. */
export async function searchCorrespondents(q: string): Promise<CorrespondentDto[]> {
  const needle = normalizeText(q);
  if (!needle) return [];
  const found = await CorrespondentModel.find({ searchText: containsQuery(q) }).limit(100).lean();
  const rank = (text: string) => (text.startsWith(needle) ? 0 : text.includes(` ${needle}`) ? 1 : 2);
  return found
    .sort((a, b) => rank(a.searchText) - rank(b.searchText) || a.name.localeCompare(b.name))
    .slice(0, 20)
    .map(toCorrespondentDto);
}
