import type { Signer } from '@libpdf/core';

/** A name or a title written in both languages of the signature block. */
export interface Bilingual {
  ar: string;
  fr: string;
}

/** Who signs, as the visible block shows it. */
export interface SignatoryMention {
  /** The signer's name (one spelling for both languages, or one per language). */
  name: string | Bilingual;
  /** Their function (« Le Président » · « الرئيس »), shown under the name. */
  title?: Bilingual;
  /** Set when a substitute signs for an absent holder: « P.O. » · « بالنيابة عن » and the holder. */
  onBehalfOf?: { name: string | Bilingual; title?: Bilingual };
}

/** Where the visible block goes. Default: the last page, bottom right, beside the signatures already there. */
export interface SignaturePlacement {
  /** Page index from 0; negative counts from the end (-1: the last page). */
  page?: number;
  /** [x, y, width, height] in points, from the bottom-left corner of the page. */
  rect?: [number, number, number, number];
}

export interface SignPdfOptions {
  /** The key that signs: see `signerKeyFromP12` (the signer's own) and `administrationSeal` (the server's). */
  key: Signer;
  mention: SignatoryMention;
  /** The claimed signing time (the PDF's /M). Default: now. */
  signingTime?: Date;
  /** The administration's time zone for the date in the block. Default: DIWAN_TIME_ZONE, else Africa/Tunis. */
  timeZone?: string;
  placement?: SignaturePlacement;
  /** RFC 3161 timestamp authority URL: when set, the signature is PAdES B-T. Default: DIWAN_TSA_URL. Empty string: none. */
  timestampUrl?: string;
  /** /Reason and /Location of the signature dictionary (shown by verifiers). */
  reason?: string;
  location?: string;
}

export interface SignedPdf {
  bytes: Buffer;
  /** The name of the new signature field. */
  fieldName: string;
  level: 'B-B' | 'B-T';
}

/** One signature of a PDF, as the verification view shows it. */
export interface SignatureReport {
  fieldName: string;
  /** The signer's certificate subject common name (or the whole subject when it has none). */
  signer: string;
  /** Issuer of the signer's certificate (common name). */
  issuer: string;
  /** The claimed signing time (/M), if any. */
  claimedTime: Date | null;
  /** The time of the signature timestamp (B-T), when present and valid. */
  timestampTime: Date | null;
  subFilter: string;
  /** The bytes signed are the bytes in the file: digest matches and the signature verifies with the certificate. */
  intact: boolean;
  /** Why not intact (English, for logs; the view shows its own words). */
  problem: string | null;
  /** Some revision was appended after this signature (later signatures, or other changes). */
  modifiedAfter: boolean;
  /** How many signatures were added after this one. */
  laterSignatures: number;
}
