/**
 * Isolation-matrix entries of the on-site reports (APT-03 follow-ups, WO-15, SLA-08; issue 4), spread into
 * ISOLATION_MATRIX. Reports are filed and read through their order (a foreign order is answered like a
 * missing one) or closed by id (an id that is not the tenant's is unknown); a position's list holds the
 * own tenant's (and vendor's) reports only.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
/** A 1×1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const ONSITE_REPORT_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'POST /api/work-orders/{id}/resource-changes': [
    {
      name: 'report a resource change on a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/resource-changes`,
        body: { changeKind: 'port_changed', description: 'isolation probe' },
      }),
      expect: denied,
    },
  ],
  'POST /api/work-orders/{id}/damage-reports': [
    {
      name: 'report damage on a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/damage-reports`,
        body: { item: 'floor', description: 'isolation probe', photo: PNG },
      }),
      expect: denied,
    },
  ],
  'GET /api/work-orders/{id}/onsite-reports': [
    {
      name: "read a foreign order's on-site reports",
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/onsite-reports` }),
      expect: denied,
    },
  ],
  'GET /api/onsite-reports': [
    {
      name: 'the on-site report list holds no foreign order’s report',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/onsite-reports?limit=200' }),
      expect: status(200, 403),
      check: (answer, f) =>
        answer.status === 200 && (answer.body.items as { orderId: string }[]).some((r) => r.orderId === f.order.id)
          ? 'a foreign report is listed'
          : null,
    },
  ],
  'POST /api/onsite-reports/{id}/close': [
    {
      name: 'close a report that is not ours',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: `/api/onsite-reports/${randomUUID()}/close`,
        body: { note: 'isolation probe' },
      }),
      expect: denied,
    },
  ],
};
