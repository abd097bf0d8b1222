/**
 * Isolation-matrix entries of WO-11 batch incidents (issue 5), spread into ISOLATION_MATRIX. Incidents
 * are per vendor: an id that is not the caller's tenant's (or, for vendor staff, vendor's) is unknown;
 * the list never carries a foreign order (the body scan checks numbers and ids).
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };

const byId = (name: string, tail: string, body: unknown, method: 'POST' | 'DELETE' = 'POST'): Probe[] => [
  {
    name,
    scopes: ALL,
    build: () => ({ method, url: `/api/batch-incidents/${randomUUID()}${tail}`, ...(body ? { body } : {}) }),
    expect: denied,
  },
];

export const BATCH_INCIDENT_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/batch-incidents': [
    {
      name: 'the incident list shows no foreign incident or order',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/batch-incidents?state=proposed,confirmed,closed' }),
      expect: list,
    },
  ],
  'GET /api/batch-incidents/{id}': byId('read an incident that is not ours', '', null).map((p) => ({
    ...p,
    build: () => ({ method: 'GET', url: `/api/batch-incidents/${randomUUID()}` }),
  })),
  'POST /api/batch-incidents/{id}/confirm': byId('confirm an incident that is not ours', '/confirm', {}),
  'POST /api/batch-incidents/{id}/dismiss': byId('dismiss an incident that is not ours', '/dismiss', {
    reason: 'isolation probe',
  }),
  'POST /api/batch-incidents/{id}/children': [
    {
      name: 'link a foreign order by its number',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/batch-incidents/${randomUUID()}/children`,
        body: { orderNumber: f.order.number },
      }),
      expect: denied,
    },
  ],
  'DELETE /api/batch-incidents/{id}/children/{orderId}': [
    {
      name: 'unlink a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'DELETE', url: `/api/batch-incidents/${randomUUID()}/children/${f.order.id}` }),
      expect: denied,
    },
  ],
  'POST /api/batch-incidents/{id}/progress': byId('tell the customers of an incident that is not ours', '/progress', {
    progress: 'cause_found',
  }),
  'POST /api/batch-incidents/{id}/close': byId('close an incident that is not ours', '/close', {
    note: 'isolation probe',
  }),
};
