import path from 'node:path';
import { UnsupportedMediaTypeError } from '../shared/errors.js';

/** The file types a mail may carry, by extension, with their content type and a magic-bytes check. */
interface FileKind {
  contentType: string;
  matches: (head: Buffer) => boolean;
}

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const zipWith = (marker: string) => (head: Buffer) => startsWith(head, 0x50, 0x4b, 0x03, 0x04) && head.includes(Buffer.from(marker, 'latin1'));

const PDF: FileKind = { contentType: 'application/pdf', matches: (h) => startsWith(h, 0x25, 0x50, 0x44, 0x46, 0x2d) };
const PNG: FileKind = { contentType: 'image/png', matches: (h) => startsWith(h, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) };
const JPEG: FileKind = { contentType: 'image/jpeg', matches: (h) => startsWith(h, 0xff, 0xd8, 0xff) };
const TIFF: FileKind = { contentType: 'image/tiff', matches: (h) => startsWith(h, 0x49, 0x49, 0x2a, 0x00) || startsWith(h, 0x4d, 0x4d, 0x00, 0x2a) };
const DOCX: FileKind = { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zipWith('word/') };
const ODT: FileKind = { contentType: 'application/vnd.oasis.opendocument.text', matches: zipWith('application/vnd.oasis.opendocument.text') };

const BY_EXTENSION: Record<string, FileKind> = { '.pdf': PDF, '.png': PNG, '.jpg': JPEG, '.jpeg': JPEG, '.tif': TIFF, '.tiff': TIFF, '.docx': DOCX, '.odt': ODT };
export const ALLOWED_EXTENSIONS = Object.keys(BY_EXTENSION);
/** How many leading bytes the check needs (a DOCX names `word/` within its first entries). */
export const SNIFF_BYTES = 64 * 1024;

/** Types a browser may send for these files without being wrong. */
const NEUTRAL_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * Checks a file's name, declared type and first bytes against each other; answers
 * the content type to store. Refuses with a message naming the file.
 */
export function checkFileType(filename: string, declaredType: string, head: Buffer): string {
  const extension = path.extname(filename).toLowerCase();
  const kind = BY_EXTENSION[extension];
  if (!kind) {
    throw new UnsupportedMediaTypeError(`File "${filename}": type ${extension || '(no extension)'} is not accepted; accepted: ${ALLOWED_EXTENSIONS.join(', ')}`, { file: filename });
  }
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  const declaredOk = NEUTRAL_TYPES.has(declared) || declared === kind.contentType || (kind === JPEG && declared === 'image/pjpeg');
  if (!declaredOk) {
    throw new UnsupportedMediaTypeError(`File "${filename}": declared as ${declared} but named ${extension} (${kind.contentType})`, { file: filename });
  }
  if (!kind.matches(head)) {
    throw new UnsupportedMediaTypeError(`File "${filename}": its content is not a ${extension.slice(1).toUpperCase()} file`, { file: filename });
  }
  return kind.contentType;
}
