import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { ExchangeIdentityDto } from '@diwan/contracts';
import { UnavailableError } from '../shared/errors.js';
import { privateKeyFrom, publicKeyText, signBytes } from './exchange.keys.js';

export interface ExchangeIdentitySettings {
  /** DIWAN_EXCHANGE_KEY: the Ed25519 private key; empty: this instance takes no part in exchanges. */
  key: string;
  /** DIWAN_EXCHANGE_ID; empty: `dw-` and the start of the key's fingerprint. */
  id: string;
  name: { ar: string; fr: string };
}

/** Who this instance is in exchanges: its id, its name and its key pair. */
export class ExchangeIdentity {
  private readonly privateKey: KeyObject | null;
  readonly id: string;
  readonly name: { ar: string; fr: string };
  readonly publicKey: string;

  constructor(settings: ExchangeIdentitySettings) {
    this.privateKey = settings.key.trim() ? privateKeyFrom(settings.key) : null;
    this.publicKey = this.privateKey ? publicKeyText(createPublicKey(this.privateKey)) : '';
    const derived = this.publicKey ? `dw-${createHash('sha256').update(Buffer.from(this.publicKey, 'base64')).digest('hex').slice(0, 10)}` : '';
    this.id = settings.id.trim() || derived;
    this.name = { ar: settings.name.ar.trim() || settings.name.fr.trim() || 'ديوان', fr: settings.name.fr.trim() || settings.name.ar.trim() || 'Diwan' };
  }

  get enabled(): boolean {
    return this.privateKey !== null;
  }

  /** 503 when no key is configured. */
  requireEnabled(): void {
    if (!this.privateKey) throw new UnavailableError('This instance has no exchange key (DIWAN_EXCHANGE_KEY): it takes no part in exchanges');
  }

  sign(bytes: Buffer): string {
    this.requireEnabled();
    return signBytes(bytes, this.privateKey!);
  }

  toDto(): ExchangeIdentityDto {
    this.requireEnabled();
    return { id: this.id, name: this.name, publicKey: this.publicKey, algorithm: 'Ed25519' };
  }
}
