/**
 * Isolation-matrix entries of WO-09/WO-10 coverage claims (issue 5), spread into ISOLATION_MATRIX.
 * Claims are reached through their order (a foreign order is answered like a missing one) or by id
 * (an id that is not the tenant's is unknown); the supervisor's queue lists the own tenant's claims only.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });

const byId = (name: string, tail: string, body: unknown): Probe[] => [
  {
    name,
    scopes: ALL,
    build: () => ({ method: 'POST', url: `/api/coverage-claims/${randomUUID()}${tail}`, body }),
    expect: denied,
  },
];

export const COVERAGE_CLAIM_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/work-orders/{id}/coverage-claims': [
    {
      name: "read a foreign order's coverage claims",
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/work-orders/${f.order.id}/coverage-claims` }),
      expect: denied,
    },
  ],
  'POST /api/work-orders/{id}/coverage-claims': [
    {
      name: 'claim a foreign order’s address is not covered',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/work-orders/${f.order.id}/coverage-claims`,
        body: { kind: 'uncovered_address', reason: 'isolation probe' },
      }),
      expect: denied,
    },
  ],
  'GET /api/coverage-claims': [
    {
      name: 'the claims queue lists no foreign order’s claim',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/coverage-claims?limit=200' }),
      expect: status(200, 403),
      check: (answer, f) =>
        answer.status === 200 && (answer.body.items as { orderId: string }[]).some((c) => c.orderId === f.order.id)
          ? 'a foreign claim is listed'
          : null,
    },
  ],
  'POST /api/coverage-claims/{id}/decision': byId('decide a claim that is not ours', '/decision', {
    decision: 'reject',
    note: 'isolation probe',
  }),
  'POST /api/coverage-claims/{id}/close': byId('close a claim that is not ours', '/close', { note: 'isolation probe' }),
};
