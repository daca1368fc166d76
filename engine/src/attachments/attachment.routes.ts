import { Router } from 'express';
import { currentUser } from '../auth/auth.middleware.js';
import { mailOfAttachment } from '../mail/mail.lookup.js';
import { maySeeMail } from '../mail/mail.visibility.js';
import { NotFoundError } from '../shared/errors.js';
import { openFile } from './attachment.store.js';

/** GET /api/attachments/:id: streams a file from GridFS, if the caller may see its mail. */
export function attachmentRoutes(): Router {
  const router = Router();
  router.get('/attachments/:id', async (req, res) => {
    const id = req.params.id;
    const mail = await mailOfAttachment(id);
    const attachment = mail?.attachments.find((a) => a.id === id);
    if (!mail || !attachment || !(await maySeeMail(currentUser(req), mail))) throw new NotFoundError(`No attachment ${id}`);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    const stream = openFile(id);
    stream.on('error', (err) => {
      if (!res.headersSent) res.removeHeader('Content-Length');
      res.destroy(err);
    });
    stream.pipe(res);
  });
  return router;
}
