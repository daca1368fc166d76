import { createHash } from 'node:crypto';
import type { Signer, TimestampAuthority } from '@libpdf/core';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** Object identifiers used by CAdES (RFC 5652, RFC 5035, RFC 3161, ETSI EN 319 122-1). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

/**
 * The CMS SignedData of a PAdES baseline signature (ETSI.CAdES.detached), built with PKIjs:
 * detached content; signed attributes content-type, message-digest and ESS signing-certificate-v2
 * (the signer's certificate bound by its SHA-256 hash and issuer/serial). No signing-time attribute:
 * PAdES puts the claimed time in the signature dictionary's /M only (ETSI EN 319 142-1, 5.4).
 * With a timestamp authority, the RFC 3161 token over the signature value is added as the unsigned
 * attribute signature-time-stamp (B-T).
 */
export async function cadesDetached(content: Uint8Array, key: Signer, tsa?: TimestampAuthority): Promise<Uint8Array> {
  if (key.signatureAlgorithm === 'RSA-PSS') throw new Error('RSA-PSS keys are not supported for PAdES signing here');
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(key.certificate));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
      signingCertificateV2(key.certificate, certificate),
    ],
  });
  // The signature covers the DER of the attributes as a SET OF (RFC 5652, 5.4), not as their [0] field.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await key.sign(toBeSigned, 'SHA-256');

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm:
      key.keyType === 'EC'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSHA256 })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRSA, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (tsa) {
    const token = await tsa.timestamp(sha256(signature), 'SHA-256');
    const parsed = asn1js.fromBER(token);
    if (parsed.offset === -1) throw new Error('the timestamp authority answered something that is not a token');
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [parsed.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: [certificate, ...(key.certificateChain ?? []).map((c) => pkijs.Certificate.fromBER(new Uint8Array(c)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}

/**
 * ESS signing-certificate-v2 (RFC 5035): PKIjs has IssuerSerial and GeneralNames but no class for
 * the two SEQUENCE OF wrappers, so they are asn1js Sequences. hashAlgorithm is omitted: SHA-256 is its DEFAULT.
 *   SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
 *   ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING, issuerSerial IssuerSerial }
 */
function signingCertificateV2(der: Uint8Array, certificate: pkijs.Certificate): pkijs.Attribute {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(der) }), issuerSerial.toSchema()] });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}
