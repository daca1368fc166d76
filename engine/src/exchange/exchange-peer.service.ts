import type { ExchangePeerDto, ExchangePeerInput, ExchangePeerUpdate, SessionUser } from '@diwan/contracts';
import { record } from '../audit/audit.service.js';
import { BadInputError, ConflictError, NotFoundError } from '../shared/errors.js';
import type { Language } from '../shared/language.js';
import { fingerprintOf, publicKeyFrom, publicKeyText } from './exchange.keys.js';
import { exchangeMessage } from './exchange.messages.js';
import { ExchangePeerModel, type ExchangePeer } from './exchange-peer.model.js';

/** The directory of administrations we exchange with (admins manage it; every change is audited). */
export class ExchangePeerService {
  constructor(private readonly ownId: () => string) {}

  async list(): Promise<ExchangePeerDto[]> {
    const peers = await ExchangePeerModel.find().sort({ _id: 1 }).lean();
    return peers.map(toPeerDto);
  }

  /** The peer, or null: whoever is not listed may not send to us, and we send to nobody else. */
  async find(id: string): Promise<ExchangePeer | null> {
    return typeof id === 'string' && id ? ExchangePeerModel.findById(id).lean() : null;
  }

  async get(id: string, language: Language): Promise<ExchangePeerDto> {
    const peer = await this.find(id);
    if (!peer) throw new NotFoundError(exchangeMessage('unknown', language, id));
    return toPeerDto(peer);
  }

  async create(user: SessionUser, input: ExchangePeerInput, language: Language): Promise<ExchangePeerDto> {
    if (input.id === this.ownId()) throw new BadInputError(exchangeMessage('ownId', language, input.id), { fields: [{ field: 'id', message: exchangeMessage('ownId', language, input.id) }] });
    const publicKey = normalisedKey(input.publicKey, language);
    try {
      const created = await ExchangePeerModel.create({ _id: input.id, name: input.name, url: trimUrl(input.url), publicKey });
      await record({ actor: user.username, action: 'exchangePeer.saved', details: { peer: input.id, created: true, url: created.url, fingerprint: fingerprintOf(publicKey) } });
      return toPeerDto(created.toObject());
    } catch (err) {
      if ((err as { code?: number }).code === 11000) throw new ConflictError(exchangeMessage('duplicate', language, input.id));
      throw err;
    }
  }

  async update(user: SessionUser, id: string, changes: ExchangePeerUpdate, language: Language): Promise<ExchangePeerDto> {
    const set: Partial<ExchangePeer> = {};
    if (changes.name) set.name = changes.name;
    if (changes.url) set.url = trimUrl(changes.url);
    if (changes.publicKey) set.publicKey = normalisedKey(changes.publicKey, language);
    const updated = await ExchangePeerModel.findByIdAndUpdate(id, { $set: set }, { returnDocument: 'after', lean: true });
    if (!updated) throw new NotFoundError(exchangeMessage('unknown', language, id));
    await record({ actor: user.username, action: 'exchangePeer.saved', details: { peer: id, created: false, changed: Object.keys(set), url: updated.url, fingerprint: fingerprintOf(updated.publicKey) } });
    return toPeerDto(updated);
  }

  async remove(user: SessionUser, id: string, language: Language): Promise<void> {
    const removed = await ExchangePeerModel.findByIdAndDelete(id).lean();
    if (!removed) throw new NotFoundError(exchangeMessage('unknown', language, id));
    await record({ actor: user.username, action: 'exchangePeer.deleted', details: { peer: id, url: removed.url, fingerprint: fingerprintOf(removed.publicKey) } });
  }
}

/** The directory's administrations by id, for a form's picker (`diwan.ref` = `exchangePeer`). */
export async function exchangePeerNames(): Promise<Map<string, { ar: string; fr: string }>> {
  const peers = await ExchangePeerModel.find({}, { name: 1 }).sort({ _id: 1 }).lean();
  return new Map(peers.map((p) => [p._id, { ar: p.name.ar, fr: p.name.fr }]));
}

function normalisedKey(text: string, language: Language): string {
  try {
    return publicKeyText(publicKeyFrom(text));
  } catch {
    throw new BadInputError(exchangeMessage('badKey', language), { fields: [{ field: 'publicKey', message: exchangeMessage('badKey', language) }] });
  }
}

const trimUrl = (url: string) => url.replace(/\/+$/, '');

export function toPeerDto(p: ExchangePeer): ExchangePeerDto {
  return { id: p._id, name: { ar: p.name.ar, fr: p.name.fr }, url: p.url, publicKey: p.publicKey, fingerprint: fingerprintOf(p.publicKey), createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() };
}
