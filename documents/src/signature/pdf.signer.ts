import { HttpTimestampAuthority, type Signer as SigningKey, type TimestampAuthority } from '@libpdf/core';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import * as pkijs from 'pkijs';
import { cadesDetached } from './cades.signed-data.js';
import { BLOCK_SIZE, renderBlock, signingDate } from './signature.appearance.js';
import { addSignaturePlaceholder } from './signature.placeholder.js';
import type { SignedPdf, SignPdfOptions } from './signature.types.js';

/** Bytes reserved for the CMS: certificates (signer and chain) and, for B-T, the timestamp token and the TSA's certificates. */
const CONTENTS_SIZE = { 'B-B': 16_384, 'B-T': 32_768 } as const;

/** @signpdf/signpdf hands the bytes covered by the ByteRange to this signer. */
class CadesSigner extends Signer {
  constructor(
    private readonly key: SigningKey,
    private readonly tsa: TimestampAuthority | undefined,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await cadesDetached(pdfBuffer, this.key, this.tsa));
  }
}

/**
 * Signs a PDF: PAdES baseline B-B (ETSI.CAdES.detached), or B-T when a timestamp authority is
 * configured (options.timestampUrl, else DIWAN_TSA_URL). The signature and its visible block
 * (French and Arabic: who signed, for whom, when) go in an incremental update, so a PDF that is
 * already signed keeps its earlier signatures valid.
 */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<SignedPdf> {
  const signingTime = options.signingTime ?? new Date();
  const timeZone = options.timeZone ?? process.env.DIWAN_TIME_ZONE ?? 'Africa/Tunis';
  const tsaUrl = options.timestampUrl ?? process.env.DIWAN_TSA_URL ?? '';
  const level = tsaUrl ? 'B-T' : 'B-B';
  const size = options.placement?.rect ? { width: options.placement.rect[2], height: options.placement.rect[3] } : BLOCK_SIZE;

  const appearance = await renderBlock(options.mention, signingDate(signingTime, timeZone), size);
  const prepared = await addSignaturePlaceholder(pdf, {
    appearance,
    size,
    ...(options.placement ? { placement: options.placement } : {}),
    signingTime,
    signerName: certificateName(options.key.certificate),
    ...(options.reason ? { reason: options.reason } : {}),
    ...(options.location ? { location: options.location } : {}),
    contentsSize: CONTENTS_SIZE[level],
  });
  const tsa = tsaUrl ? new HttpTimestampAuthority(tsaUrl) : undefined;
  const bytes = await new SignPdf().sign(prepared.bytes, new CadesSigner(options.key, tsa));
  return { bytes, fieldName: prepared.fieldName, level };
}

/** The common name of a certificate's subject (the whole subject when it has none). */
export function certificateName(der: Uint8Array, part: 'subject' | 'issuer' = 'subject'): string {
  const name = pkijs.Certificate.fromBER(new Uint8Array(der))[part];
  const cn = name.typesAndValues.find((t) => t.type === '2.5.4.3');
  if (cn) return String(cn.value.valueBlock.value);
  return name.typesAndValues.map((t) => String(t.value.valueBlock.value)).join(', ');
}
