import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';

/** API answers (lists, reports) go out gzip/brotli-compressed when the client accepts it. */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}

/**
 * The built web app: the script and style files carry a content hash in their name, so they are cached for a
 * year and never revalidated; index.html is always revalidated so a new build is picked up at once. The build
 * writes .br and .gz beside each file and those are sent as they are, not compressed again per request.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string) {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    setHeaders: (res, file) => {
      const hashed = file.startsWith(path.join(webDist, 'assets') + path.sep);
      res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // The web app routes on the client: any other non-API GET gets index.html.
  app.get('/*', { config: { roles: 'public' }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
