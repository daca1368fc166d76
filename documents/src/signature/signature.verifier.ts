import { webcrypto } from 'node:crypto';
import { PDF, PdfArray, PdfName, PdfNumber, PdfString } from '@libpdf/core';
import * as pkijs from 'pkijs';
import { OID } from './cades.signed-data.js';
import { certificateName } from './pdf.signer.js';
import type { SignatureReport } from './signature.types.js';

/**
 * Our own PKIjs engine on Node's WebCrypto, passed to every check: @libpdf/core installs its engine
 * as PKIjs's global one, and its digest() mangles algorithm names given as strings.
 */
const engine = new pkijs.CryptoEngine({ name: 'diwan-verifier', crypto: webcrypto as unknown as pkijs.CryptoEngineParameters['crypto'] });

interface Found {
  fieldName: string;
  range: number[];
  contents: Uint8Array;
  subFilter: string;
  claimedTime: Date | null;
}

/**
 * Lists the signatures of a PDF for the verification view, oldest first. For each: who signed
 * (certificate), when (the claimed /M, and the RFC 3161 timestamp when there is one and it holds),
 * whether the signed bytes are intact (the ByteRange leaves out exactly the /Contents, the digest
 * matches and the signature verifies with the certificate: PKIjs), and whether the file was changed
 * after (a later revision). Trust in the certificate chain is not judged here: there is no trust list yet.
 */
export async function listSignatures(bytes: Uint8Array): Promise<SignatureReport[]> {
  const pdf = await PDF.load(bytes);
  const found: Found[] = [];
  for (const field of pdf.getForm()?.getSignatureFields() ?? []) {
    const dict = field.getSignatureDict();
    if (!dict) continue;
    const range = dict.get('ByteRange');
    const contents = dict.get('Contents');
    const subFilter = dict.get('SubFilter');
    const m = dict.get('M');
    found.push({
      fieldName: field.name,
      range: range instanceof PdfArray ? [0, 1, 2, 3].map((i) => (range.at(i) instanceof PdfNumber ? (range.at(i) as PdfNumber).value : NaN)) : [],
      contents: contents instanceof PdfString ? contents.bytes : new Uint8Array(),
      subFilter: subFilter instanceof PdfName ? subFilter.value : '',
      claimedTime: m instanceof PdfString ? parsePdfDate(m.asString()) : null,
    });
  }
  const end = (f: Found) => (f.range[2] ?? 0) + (f.range[3] ?? 0);
  found.sort((a, b) => end(a) - end(b));
  let fileEnd = bytes.length;
  while (fileEnd > 0 && [0x0a, 0x0d, 0x20, 0x00].includes(bytes[fileEnd - 1]!)) fileEnd -= 1;
  return Promise.all(
    found.map(async (f) => ({
      ...(await check(bytes, f)),
      fieldName: f.fieldName,
      claimedTime: f.claimedTime,
      subFilter: f.subFilter,
      modifiedAfter: end(f) < fileEnd,
      laterSignatures: found.filter((o) => end(o) > end(f)).length,
    })),
  );
}

type Checked = Pick<SignatureReport, 'signer' | 'issuer' | 'intact' | 'problem' | 'timestampTime'>;

async function check(bytes: Uint8Array, f: Found): Promise<Checked> {
  const unknown = { signer: '', issuer: '', timestampTime: null };
  const [a, b, c, d] = f.range;
  if (f.range.some((v) => !Number.isInteger(v) || v < 0) || a !== 0 || b! >= c! || c! + d! > bytes.length) {
    return { ...unknown, intact: false, problem: 'byte range out of the file' };
  }
  // The one gap must be exactly the /Contents hex string: nothing else may be left unsigned.
  const gap = Buffer.from(bytes.subarray(b!, c!)).toString('latin1');
  if (!/^<[0-9a-fA-F]*>$/.test(gap) || !Buffer.from(gap.slice(1, -1), 'hex').equals(Buffer.from(f.contents))) {
    return { ...unknown, intact: false, problem: 'byte range does not exclude exactly the signature' };
  }
  const signed = Buffer.concat([bytes.subarray(0, b), bytes.subarray(c!, c! + d!)]);
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(f.contents));
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return { ...unknown, intact: false, problem: `unreadable CMS: ${(e as Error).message}` };
  }
  const signerInfo = signedData.signerInfos[0];
  const certificate = signedData.certificates?.find(
    (x): x is pkijs.Certificate =>
      x instanceof pkijs.Certificate && signerInfo?.sid instanceof pkijs.IssuerAndSerialNumber && x.serialNumber.isEqual(signerInfo.sid.serialNumber) && x.issuer.isEqual(signerInfo.sid.issuer),
  );
  const der = certificate ? new Uint8Array(certificate.toSchema().toBER()) : null;
  const names = der ? { signer: certificateName(der), issuer: certificateName(der, 'issuer') } : { signer: '', issuer: '' };
  let intact = false;
  let problem: string | null = null;
  try {
    const result = await signedData.verify({ signer: 0, data: toArrayBuffer(signed), checkChain: false, extendedMode: true }, engine);
    intact = result.signatureVerified === true;
    if (!intact) problem = result.message || 'signature does not verify';
  } catch (e) {
    problem = (e as Error).message || 'signature does not verify';
  }
  return { ...names, intact, problem, timestampTime: signerInfo ? await timestampTime(signerInfo) : null };
}

/** The time of the signature's RFC 3161 timestamp, when the token verifies and covers this signature's value. */
async function timestampTime(signerInfo: pkijs.SignerInfo): Promise<Date | null> {
  const attribute = signerInfo.unsignedAttrs?.attributes.find((x) => x.type === OID.signatureTimeStampToken);
  if (!attribute?.values[0]) return null;
  try {
    // Parsed again from its DER: inside the attribute PKIjs keeps the token as an opaque value.
    const token = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(attribute.values[0].toBER()).content });
    // For a TSTInfo, PKIjs checks the token's signature and that its imprint is the hash of `data`.
    const signatureValue = toArrayBuffer(signerInfo.signature.valueBlock.valueHexView);
    const verified = await token.verify({ signer: 0, data: signatureValue, checkChain: false, extendedMode: true }, engine);
    const content = token.encapContentInfo.eContent;
    if (!verified.signatureVerified || !content) return null;
    const tstInfo = pkijs.TSTInfo.fromBER(content.getValue());
    const covers = await tstInfo.verify({ data: signatureValue }, engine);
    return covers ? tstInfo.genTime : null;
  } catch {
    return null;
  }
}

const toArrayBuffer = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** D:YYYYMMDDHHmmSS with Z or ±HH'mm' (ISO 32000-1, 7.9.4); missing parts take their lowest value. */
export function parsePdfDate(text: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  const offset = tz === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
