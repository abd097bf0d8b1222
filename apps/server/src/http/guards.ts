import type { FastifyRequest } from 'fastify';
import { DomainError, type Position } from '@daowei/domain';
import type { AuthContext } from './auth-context.js';

/** The caller, or 401. Every non-public route starts with this. */
export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new DomainError('UNAUTHENTICATED', 'Log in first');
  return req.auth;
}

/** The caller working in one of these positions, or 403. */
export function requirePosition(req: FastifyRequest, positions: readonly Position[]): AuthContext {
  const auth = requireAuth(req);
  if (!positions.includes(auth.position)) {
    throw new DomainError('FORBIDDEN', `This needs one of the positions: ${positions.join(', ')}`, {
      position: auth.position,
    });
  }
  return auth;
}

/** The retry key a client sends so a repeated submission acts once (docs/api.md). */
export function idempotencyKey(req: FastifyRequest): string | null {
  const k = req.headers['idempotency-key'];
  const v = Array.isArray(k) ? k[0] : k;
  if (v === undefined) return null;
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(v)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 8-128 letters, digits, - or _', {
      field: 'headers.idempotency-key',
    });
  }
  return v;
}
