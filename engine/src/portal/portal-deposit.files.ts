import mongoose from 'mongoose';
import { gridBucket } from '../shared/grid-bucket.js';
import type { UploadedFile } from '../attachments/attachment.upload.js';
import type { HeldFile } from './portal-deposit.model.js';

/** A deposit's files wait in GridFS (bucket `portalDeposits`) until it is confirmed, then move to the mail. */
const bucket = () => gridBucket('portalDeposits');

export async function holdFiles(depositId: string, files: UploadedFile[]): Promise<HeldFile[]> {
  const held: HeldFile[] = [];
  try {
    for (const file of files) {
      const upload = bucket().openUploadStream(file.filename, { metadata: { depositId, contentType: file.contentType, sha256: file.sha256 } });
      await new Promise<void>((resolve, reject) => {
        upload.once('finish', () => resolve());
        upload.once('error', reject);
        upload.end(file.data);
      });
      held.push({ id: String(upload.id), filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 });
    }
    return held;
  } catch (err) {
    await dropFiles(held);
    throw err;
  }
}

/** The held files, read back for registration. */
export async function readHeldFiles(files: HeldFile[]): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  for (const f of files) {
    const chunks: Buffer[] = [];
    for await (const chunk of bucket().openDownloadStream(new mongoose.Types.ObjectId(f.id))) chunks.push(chunk as Buffer);
    out.push({ field: 'files', filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256, data: Buffer.concat(chunks) });
  }
  return out;
}

/** Best effort: a file already gone is not an error. */
export async function dropFiles(files: HeldFile[]): Promise<void> {
  for (const f of files) await bucket().delete(new mongoose.Types.ObjectId(f.id)).catch(() => undefined);
}
