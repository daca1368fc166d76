import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { createPdf } from '../pdf.document.js';
import { OID } from './cades.signed-data.js';
import { listSignatures, signerKeyFromP12, signPdf } from './index.js';
import { makeTestPki, pdfsig, startTestTsa, type TestPki } from './signature.testkit.js';

const OUT = join(process.cwd(), 'test-results', 'signature');
let pki: TestPki;
let tsa: Awaited<ReturnType<typeof startTestTsa>>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pki = await makeTestPki();
  tsa = await startTestTsa(pki);
});
afterAll(async () => {
  await tsa?.close();
  pki?.dispose();
});

async function letter(): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: 'Lettre', creator: 'Diwan test', createdAt: new Date('2026-03-01T09:00:00Z') });
  doc.font('regular').fontSize(14).text('Lettre à horodater', 48, 80);
  doc.end();
  return bytes;
}

describe('PAdES B-T: the signature timestamped by an RFC 3161 authority', () => {
  test('given a timestamp authority (openssl ts over HTTP), when a letter is signed, then the token is an unsigned attribute over the signature and pdfsig validates', async () => {
    const key = await signerKeyFromP12(pki.personP12, 'secret');
    const signed = await signPdf(await letter(), { key, mention: { name: 'Amina Ben Salah' }, timestampUrl: tsa.url });
    expect(signed.level).toBe('B-T');
    expect(tsa.requests()).toBe(1);
    const path = join(OUT, 'signed-timestamped.pdf');
    writeFileSync(path, signed.bytes);

    const report = await pdfsig(path);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');

    const [ours] = await listSignatures(signed.bytes);
    expect(ours).toMatchObject({ intact: true, signer: 'Amina Ben Salah' });
    expect(ours!.timestampTime).not.toBeNull();
    expect(Math.abs(ours!.timestampTime!.getTime() - Date.now())).toBeLessThan(60_000);

    // The token: issued by the test TSA, its imprint is the SHA-256 of this signature's value.
    const text = signed.bytes.toString('latin1');
    const [, b, c] = /\/ByteRange \[0 (\d+) (\d+) \d+\]/.exec(text)!;
    const cms = Buffer.from(text.slice(Number(b) + 1, Number(c) - 1), 'hex');
    const signerInfo = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content }).signerInfos[0]!;
    const token = signerInfo.unsignedAttrs!.attributes.find((a) => a.type === OID.signatureTimeStampToken)!;
    const tokenData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(token.values[0].toBER()).content });
    const tstInfo = pkijs.TSTInfo.fromBER(tokenData.encapContentInfo.eContent!.getValue());
    expect(tstInfo.policy).toBe('1.3.6.1.4.1.99999.1');
    const imprint = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
    const { createHash } = await import('node:crypto');
    expect(imprint.equals(createHash('sha256').update(signerInfo.signature.valueBlock.valueHexView).digest())).toBe(true);
  });

  test('given an unreachable timestamp authority, when signing, then it fails rather than produce a B-B signature silently', async () => {
    const key = await signerKeyFromP12(pki.personP12, 'secret');
    await expect(signPdf(await letter(), { key, mention: { name: 'Amina Ben Salah' }, timestampUrl: 'http://127.0.0.1:9/tsa' })).rejects.toThrow();
  });
});
