import type { FastifyRequest } from 'fastify';
import { DomainError } from '@daowei/domain';

/**
 * ENG-07: `Offline-Queued-At` marks a submission the phone queued while offline and sends now (an
 * ISO time, when it was queued). Its presence turns "this order is no longer yours" into the
 * WO_OFFLINE_CONFLICT answer the phone shows as a conflict.
 */
export function offlineQueuedAt(req: FastifyRequest): Date | null {
  const h = req.headers['offline-queued-at'];
  const v = Array.isArray(h) ? h[0] : h;
  if (v === undefined || v === '') return null;
  const at = new Date(v);
  if (v.length > 40 || Number.isNaN(at.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'Offline-Queued-At must be an ISO date-time', {
      field: 'headers.offline-queued-at',
    });
  }
  return at;
}
