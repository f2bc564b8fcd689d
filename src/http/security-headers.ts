import type { FastifyInstance } from 'fastify';

/**
 * No inline script anywhere: scripts come from this origin only. Styles may be inline (the UI library writes
 * its styles at run time); images and fonts may be data: URLs. Nobody may frame the app. Printable forms
 * follow it too: their print button is `<button data-print>`, made to print by /print.js.
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

/** An uploaded file never runs in the app's origin: no script, no plugin, no same-origin access. */
export const DOWNLOAD_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";

/** The print button's behaviour as a script of this origin: `<button data-print>` prints the page. */
const PRINT_SCRIPT =
  "document.addEventListener('click',function(e){var t=e.target;" +
  "if(t&&t.closest&&t.closest('[data-print]'))window.print();});\n";

// Security headers on every response, in one hook; a route may set its own stricter policy first.
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!reply.hasHeader('content-security-policy')) {
      reply.header('content-security-policy', APP_POLICY);
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
