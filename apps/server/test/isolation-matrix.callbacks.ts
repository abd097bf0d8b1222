/**
 * Isolation-matrix entries of the callback queue and its tasks (CB-01/02).
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Probe } from './isolation-matrix.js';
import { ALL, PEOPLE_SCOPES, denied, list, empty, qs } from './isolation-matrix.kit.js';

export const CALLBACK_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  // CB-01/02 (issue 7): the queue is scoped like the work-order list; a task is reached through its
  // order (another vendor's or tenant's answers 404). Foreign task ids are not part of the fixture: the
  // probes aim at an unknown id, and the queue/KPI answers are checked for foreign order data.
  'GET /api/callbacks': [
    {
      name: 'the unfiltered callback queue',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/callbacks' }),
      expect: list,
    },
    {
      name: 'the callback queue of a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/callbacks${qs({ stationId: f.unitId })}` } : null),
      expect: empty,
    },
  ],
  'POST /api/callbacks/{id}/attempts': [
    {
      name: 'log an attempt on an unknown callback',
      scopes: ALL,
      build: () => ({ method: 'POST', url: `/api/callbacks/${randomUUID()}/attempts`, body: { result: 'busy' } }),
      expect: denied,
    },
  ],
  'POST /api/callbacks/{id}/outcome': [
    {
      name: 'record an outcome on an unknown callback',
      scopes: ALL,
      build: () => ({
        method: 'POST',
        url: `/api/callbacks/${randomUUID()}/outcome`,
        body: { satisfaction: 'satisfied' },
      }),
      expect: denied,
    },
  ],
};
