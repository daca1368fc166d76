/** What the engine accepts as scans: at most 10 files of 20 MB, PDF, images, DOCX, ODT. */
export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
};
export const ACCEPT_ATTRIBUTE = [
  ...Object.keys(ACCEPTED_TYPES).map((ext) => `.${ext}`),
  ...new Set(Object.values(ACCEPTED_TYPES)),
].join(',');

export type FileRejection = 'type' | 'size' | 'count';

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

export function rejectionOf(file: File): FileRejection | null {
  if (!(extensionOf(file.name) in ACCEPTED_TYPES)) return 'type';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}

/** 1 234 567 bytes → "1.2 MB", in the reader's language. */
export function formatSize(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  // the unit in the reader's language too (octets, ko; بايت, كيلوبايت), digits as the rest of the page
  const number = new Intl.NumberFormat(language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1, numberingSystem: 'latn' });
  return number.format(value);
}
