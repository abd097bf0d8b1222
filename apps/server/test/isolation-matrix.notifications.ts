/**
 * Isolation-matrix entries of the shared inbox (issue 8), spread into ISOLATION_MATRIX. The inbox is
 * always the caller's own (person, or position in their own unit), so no query parameter can widen it;
 * reading somebody else's notification by id is answered like a missing one. notifications.test.ts
 * proves the same with real notifications of another vendor and another tenant.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };

export const NOTIFICATION_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/notifications': [
    {
      name: 'my inbox (never anything of a foreign order)',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/notifications' }),
      expect: list,
    },
  ],
  'POST /api/notifications/{id}/read': [
    {
      name: 'mark read an id that is not my notification (a foreign order’s id)',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/notifications/${f.order.id}/read` }),
      expect: denied,
    },
    {
      name: 'mark read a made-up notification id',
      scopes: ALL,
      build: () => ({ method: 'POST', url: `/api/notifications/${randomUUID()}/read` }),
      expect: denied,
    },
  ],
};
