import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { gridBucket } from '../shared/grid-bucket.js';
import type { StoredPdf } from './letter.model.js';

const bucket = () => gridBucket('letters');

/** Writes a letter's PDF to GridFS (bucket `letters`). */
export async function storePdf(pdf: Buffer, meta: { mailId: string; version: number; kind: 'draft' | 'signed' }): Promise<StoredPdf> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const upload = bucket().openUploadStream(`letter-${meta.mailId}-v${meta.version}.pdf`, { metadata: { ...meta, contentType: 'application/pdf', sha256 } });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(pdf);
  });
  return { fileId: String(upload.id), sha256, size: pdf.length };
}

/** The bytes of a stored PDF. */
export async function readPdf(fileId: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bucket().openDownloadStream(new mongoose.Types.ObjectId(fileId))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Best effort: a file already gone is not an error. */
export async function deletePdf(fileId: string): Promise<void> {
  await bucket()
    .delete(new mongoose.Types.ObjectId(fileId))
    .catch(() => undefined);
}
