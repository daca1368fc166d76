import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDF, PdfArray, PdfNumber, PdfRef } from '@libpdf/core';
import * as pkijs from 'pkijs';
import { createPdf } from '../pdf.document.js';
import { line } from '../text.line.js';
import { OID } from './cades.signed-data.js';
import { administrationSeal, forgetAdministrationSeal, signerKeyFromP12, SigningKeyError, signPdf, listSignatures } from './index.js';
import { makeTestPki, pdfsig, renderPage, type TestPki } from './signature.testkit.js';

const OUT = join(process.cwd(), 'test-results', 'signature');
let pki: TestPki;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  pki = await makeTestPki();
});
afterAll(() => pki?.dispose());
afterEach(() => forgetAdministrationSeal());

async function letter(): Promise<Buffer> {
  const { doc, bytes } = createPdf({ title: 'Réponse · رد', creator: 'Diwan test', createdAt: new Date('2026-03-01T09:00:00Z') });
  doc.font('bold').fontSize(16);
  line(doc, 'Objet : réponse à votre courrier', 48, 80, 'left', 500);
  line(doc, 'الموضوع: رد على مراسلتكم', 48, 110, 'right', 500);
  doc.end();
  return bytes;
}

const save = (name: string, bytes: Uint8Array) => {
  const path = join(OUT, name);
  writeFileSync(path, bytes);
  return path;
};

/** The CMS of the n-th signature, parsed by PKIjs from what our verifier trusts least: the raw /Contents. */
async function signerInfoOf(bytes: Buffer, index: number): Promise<pkijs.SignerInfo> {
  const ranges = [...bytes.toString('latin1').matchAll(/\/ByteRange \[0 (\d+) (\d+) \d+\]/g)];
  const [, b, c] = ranges[index]!;
  const hex = bytes.subarray(Number(b) + 1, Number(c) - 1).toString('latin1');
  const info = pkijs.ContentInfo.fromBER(Buffer.from(hex, 'hex'));
  return new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
}

describe('PAdES signature of a PDF', () => {
  test('given a letter and the signer’s own PKCS#12, when signed, then pdfsig validates a B-B ETSI.CAdES.detached signature with signing-certificate-v2', async () => {
    const key = await signerKeyFromP12(pki.personP12, 'secret');
    const signed = await signPdf(await letter(), { key, mention: { name: { fr: 'Amina Ben Salah', ar: 'أمينة بن صالح' }, title: { fr: 'La Directrice', ar: 'المديرة' } }, timestampUrl: '' });
    const path = save('signed-once.pdf', signed.bytes);

    const report = await pdfsig(path);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signer Certificate Common Name: Amina Ben Salah');
    expect(report).toContain('Total document signed');
    expect(signed.level).toBe('B-B');

    const attrs = (await signerInfoOf(signed.bytes, 0)).signedAttrs!.attributes.map((a) => a.type);
    expect(attrs).toEqual(expect.arrayContaining([OID.contentType, OID.messageDigest, OID.signingCertificateV2]));
    expect(attrs).not.toContain('1.2.840.113549.1.9.5'); // signing-time: PAdES keeps the time in /M only

    const [ours] = await listSignatures(signed.bytes);

    expect(ours).toMatchObject({ signer: 'Amina Ben Salah', issuer: 'Diwan Test CA', intact: true, modifiedAfter: false, laterSignatures: 0, subFilter: 'ETSI.CAdES.detached' });
    expect(Math.abs(ours!.claimedTime!.getTime() - Date.now())).toBeLessThan(60_000);
    await renderPage(path, join(OUT, 'signed-once'), 1);
  });

  test('given a signed letter, when the administration’s seal signs it by delegation, then the update is appended and pdfsig validates both signatures', async () => {
    const first = await signPdf(await letter(), { key: await signerKeyFromP12(pki.personP12, 'secret'), mention: { name: 'Amina Ben Salah' }, timestampUrl: '' });
    const seal = await administrationSeal({ DIWAN_SEAL_KEY: pki.sealKeyPath, DIWAN_SEAL_CERT: pki.sealCertPath });
    const second = await signPdf(first.bytes, {
      key: seal,
      mention: { name: { fr: 'Karim Haddad', ar: 'كريم الحداد' }, onBehalfOf: { name: { fr: 'Le Président', ar: 'الرئيس' } } },
      signingTime: new Date('2026-03-12T13:05:00Z'),
      timestampUrl: '',
    });
    expect(second.bytes.subarray(0, first.bytes.length).equals(first.bytes)).toBe(true);
    const path = save('signed-twice.pdf', second.bytes);

    const report = await pdfsig(path);
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(report).toContain('Not total document signed');
    expect(report).toContain('Signer Certificate Common Name: Ministère de test - cachet');

    const [a, b] = await listSignatures(second.bytes);
    expect(a).toMatchObject({ signer: 'Amina Ben Salah', intact: true, modifiedAfter: true, laterSignatures: 1 });
    expect(b).toMatchObject({ signer: 'Ministère de test - cachet', intact: true, modifiedAfter: false, laterSignatures: 0 });
    expect(b!.claimedTime!.toISOString()).toBe('2026-03-12T13:05:00.000Z');
    await renderPage(path, join(OUT, 'signed-twice'), 1);
  });

  test('given a signed letter, when one signed byte is changed, then pdfsig and our verifier both call the signature invalid', async () => {
    const signed = await signPdf(await letter(), { key: await signerKeyFromP12(pki.personP12, 'secret'), mention: { name: 'Amina Ben Salah' }, timestampUrl: '' });
    const tampered = Buffer.from(signed.bytes);
    const at = tampered.indexOf('Diwan test');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'F'.charCodeAt(0); // « Fiwan test »: same length, still a well-formed PDF
    const report = await pdfsig(save('tampered.pdf', tampered));
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const [ours] = await listSignatures(tampered);
    expect(ours).toMatchObject({ intact: false });
  });

  test('given a two-page letter, the seal in a PKCS#12 and a placement, when sealed, then the block is on that page at that place', async () => {
    const { doc, bytes } = createPdf({ title: 'Deux pages', creator: 'Diwan test', createdAt: new Date('2026-03-01T09:00:00Z') });
    doc.font('regular').fontSize(14).text('Page 1', 48, 80);
    doc.addPage().text('Page 2', 48, 80);
    doc.end();
    const seal = await administrationSeal({ DIWAN_SEAL_P12: join(pki.dir, 'person.p12'), DIWAN_SEAL_PASSWORD: 'secret' });
    const signed = await signPdf(await bytes, { key: seal, mention: { name: 'Amina Ben Salah' }, placement: { page: 0, rect: [60, 600, 240, 80] }, timestampUrl: '' });
    expect(await pdfsig(save('placed.pdf', signed.bytes))).toContain('Signature is Valid.');

    const pdf = await PDF.load(signed.bytes);
    const widget = pdf.getForm()!.getSignatureField(signed.fieldName)!.getDict();
    expect((widget.get('P') as PdfRef).objectNumber).toBe(pdf.getPage(0)!.ref.objectNumber);
    const rect = widget.get('Rect') as PdfArray;
    expect([0, 1, 2, 3].map((i) => (rect.at(i) as PdfNumber).value)).toEqual([60, 600, 300, 680]);
  });

  test('given a wrong PKCS#12 password or no seal configured, when the key is asked for, then a SigningKeyError says so', async () => {
    await expect(signerKeyFromP12(pki.personP12, 'wrong')).rejects.toBeInstanceOf(SigningKeyError);
    await expect(administrationSeal({})).rejects.toThrow(/no seal configured/);
    await expect(administrationSeal({ DIWAN_SEAL_P12: join(pki.dir, 'missing.p12'), DIWAN_SEAL_PASSWORD: 'x' })).rejects.toThrow(/ENOENT/);
  });
});
