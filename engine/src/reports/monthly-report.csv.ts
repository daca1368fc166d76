import { MAIL_CHANNELS, MAIL_DIRECTIONS, type MonthlyReportDto } from '@diwan/contracts';
import { csvCell } from '../mail/mail.csv.js';
import { pick, type Language } from '../shared/language.js';
import { DIRECTION_LABELS } from '../shared/labels.js';
import { reportFormat } from './report.format.js';
import { CHANNEL_LABELS, reportWords } from './monthly-report.words.js';

const minutes = (ms: number) => String(Math.round(ms / 60_000));

/**
 * The monthly report as one long table (section, item, circuit, value, average and 90th percentile in
 * minutes), headers and names in the caller's language, numbers as plain digits so that a spreadsheet
 * or a statistics page reads them as numbers. UTF-8 with a BOM and CRLF, cells defused against
 * formulas, as the registry's export.
 */
export function monthlyReportCsv(report: MonthlyReportDto, language: Language, timeZone: string): string {
  const w = reportWords(language);
  const f = reportFormat(language, timeZone);
  const header = [w('section'), w('item'), w('circuit'), w('value'), `${w('average')} (min)`, `${w('p90')} (min)`];
  const rows: (string | null)[][] = [];
  const add = (section: string, item: string, value: string, circuit: string | null = null, average: string | null = null, p90: string | null = null) =>
    rows.push([section, item, circuit, value, average, p90]);

  add(w('title'), w('administration'), report.administration);
  add(w('title'), w('department'), report.department?.label ?? w('wholeAdministration'));
  add(w('title'), w('month'), f.month(report.month));
  add(w('title'), w('generatedAt'), f.date(report.generatedAt, true));

  add(w('received'), w('total'), String(report.received.total));
  for (const c of MAIL_CHANNELS) add(`${w('received')} · ${w('byChannel')}`, pick(CHANNEL_LABELS[c], language), String(report.received.byChannel[c] ?? 0));
  for (const d of MAIL_DIRECTIONS) add(`${w('received')} · ${w('byDirection')}`, pick(DIRECTION_LABELS[d], language), String(report.received.byDirection[d] ?? 0));

  const rate = (r: number | null) => (r === null ? '' : String(Math.round(r * 1000) / 10));
  const single = report.department ? (report.closed.find((r) => r.key === report.department!.code) ?? { label: '', closed: 0, onTime: 0, onTimeRate: null }) : null;
  for (const r of single ? [single] : report.closed) {
    const item = (word: string) => (single ? word : `${r.label} · ${word}`);
    add(w('closing'), item(w('closed')), String(r.closed));
    add(w('closing'), item(w('onTime')), String(r.onTime));
    add(w('closing'), item(`${w('onTimeRate')} (%)`), rate(r.onTimeRate));
  }

  const openAt = `${w('openAt')} ${f.date(report.open.asOf)}`;
  add(openAt, w('open'), String(report.open.total));
  add(openAt, w('overdue'), String(report.open.overdue));

  for (const r of report.durations.bySteps) add(w('bySteps'), r.label, String(r.count), r.circuitLabel ?? null, minutes(r.averageMs), minutes(r.p90Ms));
  for (const r of report.durations.byPerson) add(w('byPerson'), r.label, String(r.count), null, minutes(r.averageMs), minutes(r.p90Ms));

  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
