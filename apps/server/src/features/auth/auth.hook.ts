import type { FastifyRequest } from 'fastify';
import type { AuthService } from './auth.service.js';

/**
 * Resolves `Authorization: Bearer <token>` into request.auth before routing. A missing header leaves
 * auth null (public routes work, others answer 401 via requireAuth); a bad or expired token is a 401
 * right here so no handler ever runs for it.
 */
export function authHook(auth: AuthService) {
  return async (req: FastifyRequest): Promise<void> => {
    const h = req.headers.authorization;
    if (!h || !req.url.startsWith('/api/')) return;
    const m = /^Bearer\s+(\S+)$/i.exec(h);
    if (!m) return;
    req.auth = await auth.resolve(m[1]!);
  };
}
