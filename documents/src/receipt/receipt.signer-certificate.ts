import { PDF, PdfString } from '@libpdf/core';
import * as pkijs from 'pkijs';

/**
 * The DER certificate of each signature's signer in a PDF (CMS SignedData in /Contents), in field
 * order; null where it can't be read. To tell whether a signature was made by a given key's certificate.
 */
export async function signerCertificates(bytes: Uint8Array): Promise<(Uint8Array | null)[]> {
  const pdf = await PDF.load(bytes);
  const out: (Uint8Array | null)[] = [];
  for (const field of pdf.getForm()?.getSignatureFields() ?? []) {
    const contents = field.getSignatureDict()?.get('Contents');
    if (!(contents instanceof PdfString)) {
      out.push(null);
      continue;
    }
    try {
      const info = pkijs.ContentInfo.fromBER(new Uint8Array(contents.bytes));
      const signed = new pkijs.SignedData({ schema: info.content });
      const sid = signed.signerInfos[0]?.sid;
      const cert = signed.certificates?.find(
        (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer),
      );
      out.push(cert ? new Uint8Array(cert.toSchema().toBER()) : null);
    } catch {
      out.push(null);
    }
  }
  return out;
}
