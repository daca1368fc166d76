import type { Readable } from 'node:stream';
import mongoose from 'mongoose';
import { gridBucket } from '../shared/grid-bucket.js';
import type { AttachmentDto } from '@diwan/contracts';
import type { UploadedFile } from './attachment.upload.js';

/** What the mail keeps of each of its files (the bytes live in GridFS, bucket `attachments`). */
export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  role: AttachmentDto['role'];
  uploadedAt: Date;
  uploadedBy: string;
}

const bucket = () => gridBucket('attachments');

/** Writes one file to GridFS with its metadata. */
export async function storeFile(file: UploadedFile, meta: { mailId: string; role: AttachmentDto['role']; uploadedBy: string }): Promise<StoredAttachment> {
  const uploadedAt = new Date();
  const upload = bucket().openUploadStream(file.filename, {
    metadata: { mailId: meta.mailId, role: meta.role, contentType: file.contentType, sha256: file.sha256, uploadedBy: meta.uploadedBy },
  });
  await new Promise<void>((resolve, reject) => {
    upload.once('finish', () => resolve());
    upload.once('error', reject);
    upload.end(file.data);
  });
  return { id: String(upload.id), filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256, role: meta.role, uploadedAt, uploadedBy: meta.uploadedBy };
}

/** Stores several files; if one fails, removes those already written. */
export async function storeFiles(files: UploadedFile[], meta: { mailId: string; role: AttachmentDto['role']; uploadedBy: string }): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  try {
    for (const file of files) stored.push(await storeFile(file, meta));
    return stored;
  } catch (err) {
    await deleteFiles(stored.map((s) => s.id));
    throw err;
  }
}

/** Best effort: a file already gone is not an error. */
export async function deleteFiles(ids: string[]): Promise<void> {
  for (const id of ids) {
    try {
      await bucket().delete(new mongoose.Types.ObjectId(id));
    } catch {
      /* already gone */
    }
  }
}

export function openFile(id: string): Readable {
  return bucket().openDownloadStream(new mongoose.Types.ObjectId(id));
}

export function toAttachmentDto(a: StoredAttachment): AttachmentDto {
  return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256, role: a.role, uploadedAt: a.uploadedAt.toISOString(), uploadedBy: a.uploadedBy };
}
