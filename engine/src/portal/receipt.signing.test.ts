import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ed25519Trailer, ed25519Valid, receiptSigner } from './receipt.signing.js';

describe('receipts signed with Ed25519 when no seal is configured', () => {
  const key = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  const settings = { receiptKey: key, administration: { ar: '', fr: '' } };
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

  it('given no seal, when a receipt is signed, then it says Ed25519 and its signature holds over every byte', async () => {
    delete process.env.DIWAN_SEAL_P12;
    delete process.env.DIWAN_SEAL_KEY;
    const signer = await receiptSigner(settings);
    expect(signer.method).toBe('ed25519');
    expect(signer.mention.fr).toContain('Ed25519');
    const signed = await signer.sign(pdf);
    expect(ed25519Trailer(signed)?.content.equals(pdf)).toBe(true);
    expect(await ed25519Valid(signed, key)).toBe(true);

    for (let i = 0; i < pdf.length; i += 7) {
      const changed = Buffer.from(signed);
      changed[i] = changed[i]! ^ 0x20;
      expect(await ed25519Valid(changed, key)).toBe(false);
    }
    const other = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    expect(await ed25519Valid(await (await receiptSigner({ ...settings, receiptKey: other })).sign(pdf), key)).toBe(false);
  });
});
