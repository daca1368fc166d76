import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Security headers on every answer, from the engine itself (helmet), so they hold with or without
 * nginx in front. The CSP is strict for scripts: only the designer's own bundles, no inline script,
 * no eval. Styles allow 'unsafe-inline' because bpmn-js, dmn-js and form-js set inline style
 * attributes and <style> elements on the diagrams they draw; nothing else is relaxed. Images and
 * fonts may be data: URIs (the modelers' CSS embeds some); an attachment preview is a blob: URL
 * shown in a frame (PDF: object-src for the browser's viewer). No page may frame Diwan.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Same-origin app; attachments are fetched by the app itself (bearer token), never embedded elsewhere.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
