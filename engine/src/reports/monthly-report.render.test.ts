import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { MonthlyReportDto } from '@diwan/contracts';
import { monthlyReportCsv } from './monthly-report.csv.js';
import { monthlyReportPdf } from './monthly-report.pdf.js';

const out = path.resolve('test-results/reports');
const TZ = 'Africa/Tunis';

const report = (label: string, administration: string): MonthlyReportDto => ({
  month: '2026-03',
  range: { from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T23:00:00.000Z' },
  department: { code: 'urbanism', label },
  administration,
  generatedAt: '2026-04-02T08:30:00.000Z',
  received: { total: 1234, byChannel: { counter: 700, post: 300, email: 200, portal: 34 }, byDirection: { incoming: 1000, outgoing: 200, internal: 34 } },
  closed: [{ key: 'urbanism', label, closed: 812, onTime: 700, onTimeRate: 700 / 812 }],
  open: { total: 422, overdue: 57, asOf: '2026-03-31T22:59:59.999Z' },
  durations: {
    bySteps: [
      { key: 'incoming-mail:triage', label: 'فرز المراسلة', circuitLabel: 'المراسلات الواردة', count: 640, averageMs: 5_400_000, p90Ms: 14_400_000 },
      { key: 'incoming-mail:process', label: 'Traitement par l’agent', circuitLabel: 'Courrier arrivée', count: 512, averageMs: 2 * 86_400_000 + 3 * 3_600_000, p90Ms: 5 * 86_400_000 },
    ],
    byPerson: [{ key: 'agent', label: 'Youssef Gharbi · يوسف الغربي', count: 300, averageMs: 26 * 3_600_000, p90Ms: 72 * 3_600_000 }],
  },
});

/** The PDF's text in logical order, without the directional marks pdftotext puts around runs. */
const pdftotext = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('the monthly report rendered', () => {
  it('in Arabic: the words come out of the PDF in reading order, with the numbers', async () => {
    // given a month's figures / when rendered in Arabic
    const pdf = await monthlyReportPdf(report('مصلحة التعمير', 'بلدية صفاقس'), 'ar', TZ);
    mkdirSync(out, { recursive: true });
    const file = path.join(out, 'monthly-report.ar.pdf');
    writeFileSync(file, pdf);
    // then a text extractor reads the Arabic in logical order (shaped right to left), and the figures
    const text = pdftotext(file);
    for (const words of ['التقرير الشهري', 'مصلحة التعمير', 'بلدية صفاقس', 'حسب قناة الاستلام', 'فرز المراسلة', 'المراسلات الواردة', 'نسبة احترام الآجال', 'يوسف الغربي']) expect(text).toContain(words);
    for (const figure of ['1,234', '700', '812', '422', '57', '86.2%']) expect(text).toMatch(new RegExp(`(^|\\D)${figure}(\\D|$)`));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(out, 'monthly-report.ar')]);
  });

  it('in French and English, left to right, with the month named', async () => {
    for (const [language, month, title] of [['fr', 'mars 2026', 'Rapport mensuel'], ['en', 'March 2026', 'Monthly report']] as const) {
      const pdf = await monthlyReportPdf(report(language === 'fr' ? "Service de l'urbanisme" : 'Urban planning', 'Commune de Sfax'), language, TZ);
      const file = path.join(out, `monthly-report.${language}.pdf`);
      mkdirSync(out, { recursive: true });
      writeFileSync(file, pdf);
      const text = pdftotext(file);
      expect(text).toContain(title);
      expect(text).toContain(month);
      expect(text).toContain('Commune de Sfax');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(out, `monthly-report.${language}`)]);
    }
  });

  it('for the whole administration: compliance per department as a table', async () => {
    // given the whole administration's month, two departments closed mails
    const figures = { ...report('', 'Commune de Sfax'), department: null, closed: [
      { key: 'finance', label: 'Service financier', closed: 10, onTime: 9, onTimeRate: 0.9 },
      { key: 'urbanism', label: "Service de l'urbanisme", closed: 4, onTime: 1, onTimeRate: 0.25 },
    ] };
    // when rendered in French
    const file = path.join(out, 'monthly-report.all.fr.pdf');
    mkdirSync(out, { recursive: true });
    writeFileSync(file, await monthlyReportPdf(figures, 'fr', TZ));
    // then each department has its row, and the title says all departments
    const text = pdftotext(file);
    expect(text).toContain('Tous les services');
    expect(text).toMatch(/Service financier\s+10\s+9\s+90 %/);
    expect(text).toMatch(/Service de l'urbanisme\s+4\s+1\s+25 %/);
  });

  it('renders the same bytes for the same figures', async () => {
    const a = await monthlyReportPdf(report('مصلحة التعمير', 'بلدية صفاقس'), 'ar', TZ);
    const b = await monthlyReportPdf(report('مصلحة التعمير', 'بلدية صفاقس'), 'ar', TZ);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('the monthly report as CSV', () => {
  it('has a BOM, headers in the language, plain numbers, and defuses formulas', () => {
    // given a person whose name starts like a formula
    const figures = report('مصلحة التعمير', 'بلدية صفاقس');
    figures.durations.byPerson.push({ key: 'x', label: '=HYPERLINK("http://evil")', count: 1, averageMs: 60_000, p90Ms: 120_000 });
    // when exported in Arabic
    const csv = monthlyReportCsv(figures, 'ar', TZ);
    const lines = csv.split('\r\n');
    // then
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('\uFEFFالقسم,البند,المسار,القيمة,المعدل (min),المئين التسعون (min)');
    expect(lines).toContain('المراسلات المستلمة,المجموع,,1234,,');
    expect(lines).toContain('المراسلات المستلمة · حسب قناة الاستلام,الفاكس,,0,,');
    expect(lines).toContain('الإنجاز واحترام الآجال,نسبة احترام الآجال (%),,86.2,,');
    expect(lines).toContain('مدة المعالجة حسب المرحلة,فرز المراسلة,المراسلات الواردة,640,90,240');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});
