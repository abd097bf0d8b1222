import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built web app at / with a single-page-app fallback: any GET outside /api that is not a
 * file answers index.html, so deep links like /orders/123 work after a reload.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, 'index.html'))) return false;
  // preCompressed: the build writes .br/.gz beside each text file; a phone on a slow link gets those (issue 4).
  await app.register(fastifyStatic, { root: webDist, wildcard: false, preCompressed: true });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    // API paths and missing files (a stale tab asking for an old /assets/x.js) are real 404s: answering
    // index.html there would hand the browser HTML where it expects a script.
    if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${req.method} ${req.url.split('?')[0]}` });
    }
    return reply.sendFile('index.html');
  });
  return true;
}
