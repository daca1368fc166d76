import type { MailDto } from '@diwan/contracts';

/** Columns of the registry export; headers in French, Arabic and English. */
const COLUMNS: [string, (m: MailDto) => string | null][] = [
  // A draft has no number yet: the register says so in its three languages.
  ['N° chrono · رقم الترتيب · Chrono number', (m) => m.chronoNumber ?? 'Brouillon · مسودة · Draft'],
  ['Sens · الاتجاه · Direction', (m) => m.direction],
  ['Reçu le · تاريخ الاستلام · Received', (m) => m.receivedAt],
  ['Objet · الموضوع · Subject', (m) => m.subject],
  ['Correspondant · المراسِل · Correspondent', (m) => m.correspondent?.name ?? null],
  ['Référence · المرجع · Reference', (m) => m.letterReference],
  ['Date lettre · تاريخ الرسالة · Letter date', (m) => m.letterDate],
  ['Statut · الحالة · Status', (m) => m.status],
  ['Priorité · الأولوية · Priority', (m) => m.priority],
  ['Confidentialité · السرية · Confidentiality', (m) => m.confidentiality],
  ['Échéance · الأجل · Due date', (m) => m.dueDate],
  ['Pour traitement · للإنجاز · For action', (m) => m.departments.forAction.join(' ')],
  ['Pour information · للاطلاع · For information', (m) => m.departments.forInformation.join(' ')],
  ['Accusé · الوصل · Receipt', (m) => m.receipt?.number ?? null],
  ['Annulation · سبب الإلغاء · Void reason', (m) => m.voidReason],
  ['Enregistré par · سجله · Registered by', (m) => m.registeredBy],
];

/** RFC 4180 quoting; a leading = + - @ is defused so that a spreadsheet does not run it as a formula. */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM (Excel then reads Arabic right), CRLF line ends. */
export function mailsToCsv(mails: MailDto[]): string {
  const lines = [COLUMNS.map(([h]) => csvCell(h)).join(','), ...mails.map((m) => COLUMNS.map(([, get]) => csvCell(get(m))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
