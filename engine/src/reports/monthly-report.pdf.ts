import { A4, createPdf, line, table, wrap, type Doc } from '@diwan/documents';
import { MAIL_CHANNELS, MAIL_DIRECTIONS, type DurationRow, type MonthlyReportDto } from '@diwan/contracts';
import { pick, type Language } from '../shared/language.js';
import { DIRECTION_LABELS } from '../shared/labels.js';
import { barChart } from './monthly-report.chart.js';
import { reportFormat } from './report.format.js';
import { CHANNEL_LABELS, reportWords } from './monthly-report.words.js';

const MARGIN = 48;
const LEFT = MARGIN;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - 24;
const ACCENT = '#0f5132';
const INK = '#1f2937';
const MUTED = '#6b7280';
const BAR = '#2f7d5b';

/**
 * The monthly report as a PDF in one language: Arabic right to left (text shaped by fontkit, runs
 * ordered by the bidi algorithm, tables and bars mirrored), French and English left to right. The
 * same content renders the same bytes (the generation date is the PDF's date).
 */
export function monthlyReportPdf(report: MonthlyReportDto, language: Language, timeZone: string): Promise<Buffer> {
  const rtl = language === 'ar';
  const w = reportWords(language);
  const f = reportFormat(language, timeZone);
  const departmentLabel = report.department?.label ?? w('wholeAdministration');
  const title = `${w('title')} · ${departmentLabel} · ${f.month(report.month)}`;
  const { doc, bytes } = createPdf({ title, subject: report.administration, creator: 'Diwan engine', createdAt: new Date(report.generatedAt), language, bufferPages: true }, MARGIN);
  const start = rtl ? 'right' : 'left';
  const end = rtl ? 'left' : 'right';
  let y = MARGIN;

  const ensure = (height: number) => {
    if (y + height <= BOTTOM) return;
    doc.addPage();
    y = MARGIN;
  };
  const heading = (text: string) => {
    ensure(60);
    y += 10;
    doc.font('bold').fontSize(14).fillColor(ACCENT);
    line(doc, text, LEFT, y, start, WIDTH);
    y += 24;
  };
  const figure = (label: string, value: string) => {
    ensure(20);
    doc.font('regular').fontSize(11).fillColor(INK);
    line(doc, label, rtl ? LEFT + 120 : LEFT, y, start, WIDTH - 120);
    doc.font('bold');
    line(doc, value, rtl ? LEFT : LEFT + WIDTH - 120, y, end, 120);
    y += 20;
  };

  // Header: the administration, the title, the department and the month, the generation date.
  doc.font('regular').fontSize(11).fillColor(MUTED);
  line(doc, report.administration, LEFT, y, start, WIDTH);
  y += 20;
  doc.font('bold').fontSize(22).fillColor(ACCENT);
  line(doc, w('title'), LEFT, y, start, WIDTH);
  y += 34;
  doc.font('bold').fontSize(14).fillColor(INK);
  for (const text of wrap(doc, `${departmentLabel} · ${f.month(report.month)}`, WIDTH)) {
    line(doc, text, LEFT, y, start, WIDTH);
    y += 20;
  }
  doc.font('regular').fontSize(10).fillColor(MUTED);
  line(doc, `${w('generatedAt')} ${f.date(report.generatedAt, true)}`, LEFT, y + 2, start, WIDTH);
  y += 22;
  doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(1.2).strokeColor(ACCENT).stroke();
  y += 8;

  // Received: the total, then by channel and by direction as bars.
  heading(w('received'));
  figure(w('total'), f.number(report.received.total));
  const chart = (subtitle: string, bars: { label: string; value: number }[]) => {
    ensure(24 + bars.length * 20);
    doc.font('bold').fontSize(11).fillColor(MUTED);
    line(doc, subtitle, LEFT, y + 4, start, WIDTH);
    y = barChart(doc, bars, { x: LEFT, y: y + 24, width: WIDTH, rtl, format: f.number, color: BAR }) + 4;
  };
  chart(w('byChannel'), MAIL_CHANNELS.map((c) => ({ label: pick(CHANNEL_LABELS[c], language), value: report.received.byChannel[c] ?? 0 })));
  chart(w('byDirection'), MAIL_DIRECTIONS.map((d) => ({ label: pick(DIRECTION_LABELS[d], language), value: report.received.byDirection[d] ?? 0 })));

  // Closing and deadlines, then what stayed open.
  heading(w('closing'));
  const single = report.department ? (report.closed.find((r) => r.key === report.department!.code) ?? { closed: 0, onTime: 0, onTimeRate: null }) : null;
  if (single) {
    figure(w('closed'), f.number(single.closed));
    figure(w('onTime'), f.number(single.onTime));
    figure(w('onTimeRate'), f.percent(single.onTimeRate));
    if (single.onTimeRate !== null) {
      rateBar(doc, single.onTimeRate, y + 2, rtl);
      y += 18;
    }
  } else if (report.closed.length === 0) {
    doc.font('regular').fontSize(11).fillColor(MUTED);
    line(doc, w('none'), LEFT, y, start, WIDTH);
    y += 20;
  } else {
    const columns = [
      { header: w('department'), weight: 4 },
      { header: w('closed'), weight: 2, align: 'end' as const },
      { header: w('onTime'), weight: 2, align: 'end' as const },
      { header: w('onTimeRate'), weight: 2, align: 'end' as const },
    ];
    const cells = report.closed.map((r) => [r.label, f.number(r.closed), f.number(r.onTime), f.percent(r.onTimeRate)]);
    y = table(doc, { x: LEFT, y, width: WIDTH, columns, rows: cells, rtl, bottom: BOTTOM, top: MARGIN, fontSize: 10 }) + 8;
  }
  heading(`${w('openAt')} ${f.date(report.open.asOf)}`);
  figure(w('open'), f.number(report.open.total));
  figure(w('overdue'), f.number(report.open.overdue));

  // Durations per step and per person.
  const durations = (subtitle: string, rows: DurationRow[], withCircuit: boolean) => {
    heading(subtitle);
    if (rows.length === 0) {
      doc.font('regular').fontSize(11).fillColor(MUTED);
      line(doc, w('none'), LEFT, y, start, WIDTH);
      y += 20;
      return;
    }
    const columns = [
      { header: withCircuit ? w('step') : w('person'), weight: withCircuit ? 3 : 4 },
      ...(withCircuit ? [{ header: w('circuit'), weight: 2.2 }] : []),
      { header: w('count'), weight: 1, align: 'end' as const },
      { header: w('average'), weight: 1.6, align: 'end' as const },
      { header: w('p90'), weight: 1.6, align: 'end' as const },
    ];
    const cells = rows.map((r) => [r.label, ...(withCircuit ? [r.circuitLabel ?? ''] : []), f.number(r.count), f.duration(r.averageMs), f.duration(r.p90Ms)]);
    y = table(doc, { x: LEFT, y, width: WIDTH, columns, rows: cells, rtl, bottom: BOTTOM, top: MARGIN, fontSize: 10 }) + 8;
  };
  durations(w('bySteps'), report.durations.bySteps, true);
  durations(w('byPerson'), report.durations.byPerson, false);

  footers(doc, `${report.administration} · ${w('title')} · ${f.month(report.month)}`, (page, total) => `${w('page')} ${f.number(page)} ${w('of')} ${f.number(total)}`, rtl);
  doc.end();
  return bytes;
}

/** A bar from 0 to 100 % filled to the rate, from the reading side. */
function rateBar(doc: Doc, rate: number, y: number, rtl: boolean): void {
  const width = WIDTH;
  const filled = Math.max(0, Math.min(1, rate)) * width;
  doc.save().rect(LEFT, y, width, 8).fill('#e5e7eb').restore();
  doc.save().rect(rtl ? LEFT + width - filled : LEFT, y, filled, 8).fill(BAR).restore();
}

/** Each page's footer: what the document is, and the page number. */
function footers(doc: Doc, caption: string, pageOf: (page: number, total: number) => string, rtl: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // pdfkit adds a page when text is written below the bottom margin: lift the margin for the footer.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(8).fillColor(MUTED);
    const y = A4.height - MARGIN + 6;
    line(doc, caption, LEFT, y, rtl ? 'right' : 'left', WIDTH - 90);
    line(doc, pageOf(i + 1, range.count), rtl ? LEFT : LEFT + WIDTH - 90, y, rtl ? 'left' : 'right', 90);
    doc.page.margins.bottom = margin;
  }
}
