import { createHash } from 'node:crypto';
import type { Request } from 'express';
import busboy from 'busboy';
import { BadInputError, TooLargeError } from '../shared/errors.js';
import { SNIFF_BYTES, checkFileType } from './attachment.sniff.js';

export interface UploadLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
}

export const MAIL_UPLOAD_LIMITS: UploadLimits = { maxFiles: 10, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 };

/** A received file, checked, held in memory until it is stored. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  data: Buffer;
}

export interface ParsedUpload {
  fields: Record<string, string>;
  files: UploadedFile[];
}

/**
 * Reads a multipart/form-data request with busboy, enforcing the limits while
 * streaming (nothing touches the disk). A refused file stops the buffering; the
 * rest of the body is drained so that the client gets the answer.
 */
/** Answers the content type to store for a file, or throws; the default is the mail attachment check. */
export type FileTypeCheck = (filename: string, declaredType: string, head: Buffer) => string;

export function parseMultipart(req: Request, fileField: string, limits: UploadLimits, checkType: FileTypeCheck = checkFileType): Promise<ParsedUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: 20, fieldSize: 1024 * 1024, parts: limits.maxFiles + 20 },
      });
    } catch (err) {
      reject(new BadInputError(`Expected multipart/form-data: ${(err as Error).message}`));
      return;
    }
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let failure: Error | null = null;
    let total = 0;
    let pending = 0;
    let finished = false;
    const fail = (err: Error) => {
      failure ??= err;
    };
    const settle = () => {
      if (!finished || pending > 0) return;
      if (failure) reject(failure);
      else resolve({ fields, files });
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new TooLargeError(`Field ${name} is too large`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const filename = info.filename || '(unnamed)';
      if (name !== fileField) {
        fail(new BadInputError(`Unexpected file field "${name}" (files go in "${fileField}")`));
        stream.resume();
        return;
      }
      pending += 1;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (failure) return;
        total += chunk.length;
        if (total > limits.maxTotalBytes) fail(new TooLargeError(`The files together exceed ${mb(limits.maxTotalBytes)} (at "${filename}")`, { file: filename }));
        else chunks.push(chunk);
      });
      stream.on('limit', () => fail(new TooLargeError(`File "${filename}" exceeds ${mb(limits.maxFileBytes)}`, { file: filename })));
      stream.on('end', () => {
        pending -= 1;
        if (!failure) {
          const data = Buffer.concat(chunks);
          try {
            const contentType = checkType(filename, info.mimeType, data.subarray(0, SNIFF_BYTES));
            if (data.length === 0) throw new BadInputError(`File "${filename}" is empty`, { file: filename });
            files.push({ field: name, filename, contentType, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data });
          } catch (err) {
            fail(err as Error);
          }
        }
        settle();
      });
    });
    parser.on('filesLimit', () => fail(new TooLargeError(`At most ${limits.maxFiles} files may be attached`)));
    parser.on('partsLimit', () => fail(new TooLargeError('Too many parts in the upload')));
    parser.on('error', (err: Error) => {
      fail(new BadInputError(`Malformed multipart body: ${err.message}`));
      finished = true;
      pending = 0;
      settle();
    });
    parser.on('close', () => {
      finished = true;
      settle();
    });
    req.pipe(parser);
  });
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
