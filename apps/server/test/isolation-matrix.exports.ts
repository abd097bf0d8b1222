/**
 * Isolation-matrix entries of the SEC-01 exports (apps/server/src/features/exports), spread into
 * ISOLATION_MATRIX. The CSV is the order list as a file, so it must leak exactly what the list leaks:
 * nothing. A search for a foreign order's number exports no row of it (the raw CSV is searched for the
 * foreign markers, number and ids included, like any answer); the export log shows only the caller's own tenant.
 */
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
const qs = (q: Record<string, string>) => `?${new URLSearchParams(q)}`;

export const EXPORT_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/exports/work-orders.csv': [
    {
      name: 'exporting the order list searched for a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/exports/work-orders.csv${qs({ q: f.order.number })}` }),
      expect: status(200, 403),
    },
    {
      name: 'exporting a foreign engineer’s orders',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/exports/work-orders.csv${qs({ engineerId: f.order.holderId })}` }),
      expect: status(200, 403),
    },
  ],
  'GET /api/exports/log': [
    {
      name: 'the export log filtered by a foreign person',
      scopes: ['tenant', 'vendor'],
      build: (f) => (f.person ? { method: 'GET', url: `/api/exports/log${qs({ personId: f.person.id })}` } : null),
      expect: status(200, 403),
      check: (res) => (res.status === 200 && res.body.items.length > 0 ? 'a foreign person’s exports listed' : null),
    },
  ],
};
