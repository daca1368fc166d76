import { Router, type Request } from 'express';
import { parseMultipart } from '../attachments/attachment.upload.js';
import { NotFoundError } from '../shared/errors.js';
import { PORTAL_UPLOAD_LIMITS } from './portal.config.js';
import type { PortalFeature } from './portal.feature.js';
import { clientAddress } from './portal.limits.js';
import { factsOf } from './portal-receipt.service.js';
import { verifyReceipt } from './portal-receipt.verifier.js';

const RECEIPT_LIMITS = { maxFiles: 1, maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 };
const ip = (req: Request) => clientAddress(req.ip ?? req.socket.remoteAddress);

/** The public portal, no login: deposit, confirm, receipt, verify. Every route is rate limited per address. */
export function portalRoutes(portal: PortalFeature): Router {
  const router = Router();
  router.use('/public', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/public/portal/options', async (_req, res) => {
    res.json(await portal.options());
  });

  router.get('/public/deposits/challenge', async (req, res) => {
    await portal.limits.challengesPerIp.consume(ip(req));
    res.json(portal.pow.issue());
  });

  router.post('/public/deposits', async (req, res) => {
    const address = ip(req);
    await portal.limits.depositsPerIp.consume(address);
    const { fields, files } = await parseMultipart(req, 'files', PORTAL_UPLOAD_LIMITS);
    res.status(201).json(await portal.deposits.create(fields.deposit, files, address));
  });

  router.post('/public/deposits/:id/confirm', async (req, res) => {
    await portal.limits.confirmationsPerIp.consume(ip(req));
    res.json(await portal.deposits.confirm(req.params.id, req.body));
  });

  router.post('/public/deposits/:id/resend', async (req, res) => {
    await portal.limits.confirmationsPerIp.consume(ip(req));
    res.json(await portal.deposits.resend(req.params.id));
  });

  router.post('/public/receipts/verify', async (req, res) => {
    await portal.limits.verificationsPerIp.consume(ip(req));
    const { files } = await parseMultipart(req, 'receipt', RECEIPT_LIMITS, () => 'application/pdf');
    const [file] = files;
    if (!file) res.json({ authentic: false, problem: 'not-a-pdf', facts: null });
    else res.json(await verifyReceipt(file.data, portal.receipts, portal.config.DIWAN_RECEIPT_KEY, (id) => portal.chronoOf(id)));
  });

  router.get('/public/receipts/:code', async (req, res) => {
    await portal.limits.verificationsPerIp.consume(ip(req));
    const receipt = await portal.receipts.byTrackingCode(req.params.code);
    if (!receipt || (await portal.chronoOf(receipt.mailId)) !== receipt.chronoNumber) throw new NotFoundError('No receipt with this tracking code');
    res.json(factsOf(receipt));
  });

  router.get('/public/receipts/:code/pdf', async (req, res) => {
    await portal.limits.verificationsPerIp.consume(ip(req));
    const { filename, stream } = await portal.receipts.pdf(req.params.code);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    stream.pipe(res);
  });

  return router;
}
