import { Router } from 'express';
import { z } from 'zod';
import type { MailDto } from '@diwan/contracts';
import { requireServiceToken } from '../auth/service-token.middleware.js';
import { validate } from '../shared/validate.js';
import type { Receipt } from './receipt.model.js';
import { issueReceipt } from './receipt.service.js';

export const issueReceiptSchema = z.object({
  businessKey: z.string().trim().min(1).max(200),
  processInstanceId: z.string().min(1),
});

/**
 * Workers call this when the circuit reaches `receipt.issue`; the answer carries the mail the
 * receipt was recorded on (null for a business key that is no mail), which the receipt's
 * document is made of.
 */
export function receiptRoutes(workerToken: string, onIssued: (receipt: Receipt) => Promise<MailDto | null>): Router {
  const router = Router();
  router.post('/internal/receipts', requireServiceToken(workerToken, 'workers'), async (req, res) => {
    const receipt = await issueReceipt(validate(issueReceiptSchema, req.body, 'receipt request'));
    // Recorded on its mail on every call: a retry after a crash between the two catches up.
    const mail = await onIssued(receipt);
    res.status(201).json({ number: receipt.number, businessKey: receipt.businessKey, issuedAt: receipt.issuedAt.toISOString(), mail });
  });
  return router;
}
