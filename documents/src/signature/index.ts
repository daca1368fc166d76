export { signPdf, certificateName } from './pdf.signer.js';
export { listSignatures } from './signature.verifier.js';
export { administrationSeal, forgetAdministrationSeal, signerKeyFromP12, signerKeyFromPem, SigningKeyError, type SealEnvironment } from './signing-key.source.js';
export { signingDate } from './signature.appearance.js';
export type { Bilingual, SignatoryMention, SignaturePlacement, SignatureReport, SignedPdf, SignPdfOptions } from './signature.types.js';
