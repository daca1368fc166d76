import { Router } from 'express';
import type { MonthlyReportDto } from '@diwan/contracts';
import { currentUser } from '../auth/auth.middleware.js';
import { record } from '../audit/audit.service.js';
import { languageOf } from '../shared/language.js';
import { monthlyReportCsv } from './monthly-report.csv.js';
import { monthlyReportFigures, type ReportSettings } from './monthly-report.figures.js';
import { monthlyReportPdf } from './monthly-report.pdf.js';
import { parseReportQuery } from './report.messages.js';
import { assertMayReport } from './report.rights.js';

/** The report's file name: ASCII for old clients, the department and month in it. */
const fileName = (report: MonthlyReportDto, extension: string) => `rapport-${report.department?.code ?? 'administration'}-${report.month}.${extension}`;

/**
 * `GET /api/reports/monthly?month=YYYY-MM&department=<code>&format=pdf|csv|json`: a department's
 * month (or the whole administration's, for admins and supervisors) in the caller's language,
 * audited as `report.generated`.
 */
export function reportRoutes(settings: ReportSettings): Router {
  const router = Router();
  router.get('/reports/monthly', async (req, res) => {
    const language = languageOf(req);
    const viewer = currentUser(req);
    // who may see whose report: report.rights.ts (refusals in the caller's language)
    assertMayReport(viewer, language);
    const query = parseReportQuery(req.query, language);
    const report = await monthlyReportFigures(query, viewer, language, settings);
    await record({ actor: viewer.username, action: 'report.generated', details: { month: report.month, department: report.department?.code ?? null, format: query.format, language } });
    res.setHeader('Content-Language', language);
    res.setHeader('Cache-Control', 'no-store');
    if (query.format === 'json') {
      res.json(report);
      return;
    }
    const extension = query.format;
    res.setHeader('Content-Disposition', `attachment; filename="${fileName(report, extension)}"`);
    if (query.format === 'csv') {
      res.type('text/csv; charset=utf-8').send(monthlyReportCsv(report, language, settings.timeZone));
      return;
    }
    res.type('application/pdf').send(await monthlyReportPdf(report, language, settings.timeZone));
  });
  return router;
}
