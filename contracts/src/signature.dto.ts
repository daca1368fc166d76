/** One signature of a letter's PDF, as `GET /api/mails/:id/document/signatures` verifies it. */
export interface LetterSignatureCheckDto {
  /** The signer's certificate name (common name). */
  signer: string;
  issuer: string;
  /** The signing time the signature claims (ISO), if any; the timestamp's when there is one (B-T). */
  signedAt: string | null;
  timestampedAt: string | null;
  /** The signed bytes are intact and the signature verifies with its certificate. */
  intact: boolean;
  /** Something was appended after this signature (later signatures or other changes). */
  modifiedAfter: boolean;
  laterSignatures: number;
  /** What Diwan knows of it: a person's signature in a step, or the registration stamp. */
  kind: 'signature' | 'registration' | null;
  /** The Diwan user who signed, and for whom (P.O.), when Diwan made it. */
  by: { username: string; displayName: string } | null;
  onBehalfOf: { username: string; displayName: string } | null;
}

export interface LetterSignaturesDto {
  mailId: string;
  signatures: LetterSignatureCheckDto[];
}

/**
 * `GET /api/mails/:id/document/signing`: the open signature step the caller holds on this mail
 * (what the mail page's "Sign" panel needs), or null.
 */
export interface SigningStepDto {
  step: {
    userTaskId: string;
    /** The step lets its holder sign with the administration's seal (`diwan.sealAllowed`). */
    sealAllowed: boolean;
    /** The caller already signed the letter in this step (the step can be completed). */
    signed: boolean;
  } | null;
}
