import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const hash = (source: string) => `'sha256-${createHash('sha256').update(source).digest('base64')}'`;

/**
 * No inline script anywhere: scripts come from this origin only. Styles may be inline (the UI library writes
 * its styles at run time); images and fonts may be data: URLs. Nobody may frame the app.
 */
const APP_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Printable forms (HTML from /api/…): the same, plus the one handler their print button may carry
 * (`print()`, allowed by its hash only), until the forms load /print.js instead.
 */
const PRINT_POLICY = APP_POLICY.replace("script-src 'self'", `script-src 'self' 'unsafe-hashes' ${hash('print()')}`);

/** An uploaded file never runs in the app's origin: no script, no plugin, no same-origin access. */
export const DOWNLOAD_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** The print button's behaviour as a script of this origin: `<button data-print>` prints the page. */
const PRINT_SCRIPT =
  "document.addEventListener('click',function(e){var t=e.target;" +
  "if(t&&t.closest&&t.closest('[data-print]'))window.print();});\n";

// Security headers on every response, in one hook; a route may set its own stricter policy first.
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      const type = String(reply.getHeader('content-type') ?? '');
      const printable = req.url.startsWith('/api/') && type.startsWith('text/html');
      reply.header('content-security-policy', printable ? PRINT_POLICY : APP_POLICY);
    }
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    return payload;
  });

  app.get('/print.js', { config: { roles: 'public' }, schema: { hide: true } }, (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(PRINT_SCRIPT),
  );
}
