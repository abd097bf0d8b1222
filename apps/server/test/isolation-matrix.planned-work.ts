/**
 * Isolation-matrix entries of WO-16 recurring care and WO-17 inspections (issue 4), spread into
 * ISOLATION_MATRIX. Agreements, plans and notices are reached by id (an id that is not the caller's
 * tenant's or vendor's is unknown); a foreign order has no care visit or inspection anyone may read or
 * write; lists show the own tenant's (vendor's) rows only; creating with another tenant's area,
 * vendor or carer is refused.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };
const refused: Expectation = { kind: 'status', statuses: [400, 403] };

const one = (name: string, method: 'GET' | 'POST', url: () => string, body?: unknown): Probe[] => [
  { name, scopes: ALL, build: () => ({ method, url: url(), ...(body !== undefined ? { body } : {}) }), expect: denied },
];
const onOrder = (name: string, method: 'GET' | 'POST', tail: string, body?: unknown): Probe[] => [
  {
    name,
    scopes: ALL,
    build: (f) => ({ method, url: `/api/work-orders/${f.order.id}${tail}`, ...(body !== undefined ? { body } : {}) }),
    expect: denied,
  },
];
const listed = (name: string, url: string): Probe[] => [
  { name, scopes: ALL, build: () => ({ method: 'GET', url }), expect: list },
];

export const PLANNED_WORK_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/care-agreements': listed('agreements list no foreign agreement', '/api/care-agreements?limit=200'),
  'POST /api/care-agreements': [
    {
      name: 'an agreement with a foreign area and carer',
      scopes: ['tenant'],
      build: (f) =>
        f.areaId && f.person
          ? {
              method: 'POST',
              url: '/api/care-agreements',
              body: {
                customer: { name: '探针', phone: '13900000000', address: '探针路 1 号' },
                areaId: f.areaId,
                carerId: f.person.id,
                contents: ['cleaning'],
                schedule: { kind: 'weekly', everyWeeks: 1, weekdays: [4], start: '09:00', end: '10:00' },
                startDate: '2026-11-23',
              },
            }
          : null,
      expect: refused,
    },
  ],
  'GET /api/care-agreements/{id}': one(
    'read an agreement that is not ours',
    'GET',
    () => `/api/care-agreements/${randomUUID()}`,
  ),
  'POST /api/care-agreements/{id}/generate': one(
    'generate visits of an agreement that is not ours',
    'POST',
    () => `/api/care-agreements/${randomUUID()}/generate`,
  ),
  'POST /api/care-agreements/{id}/status': one(
    'pause an agreement that is not ours',
    'POST',
    () => `/api/care-agreements/${randomUUID()}/status`,
    { status: 'paused', reason: 'isolation probe' },
  ),
  'GET /api/care-visits': listed(
    'upcoming visits list no foreign visit',
    '/api/care-visits?from=2026-01-01&to=2027-12-31',
  ),
  'GET /api/work-orders/{id}/care-visit': onOrder("read a foreign order's care visit", 'GET', '/care-visit'),
  'POST /api/work-orders/{id}/care-visit/calls': onOrder('log a call on a foreign visit', 'POST', '/care-visit/calls', {
    outcome: 'confirmed',
  }),
  'POST /api/work-orders/{id}/care-visit/ticks': onOrder('tick a foreign visit', 'POST', '/care-visit/ticks', {
    items: ['valuables_checked'],
  }),
  'POST /api/work-orders/{id}/care-visit/evaluation': onOrder(
    'evaluate a foreign visit',
    'POST',
    '/care-visit/evaluation',
    { condition: 'stable', rating: 3 },
  ),
  'POST /api/work-orders/{id}/care-visit/next': onOrder('book after a foreign visit', 'POST', '/care-visit/next'),

  'GET /api/inspection-plans': listed('plans list no foreign plan', '/api/inspection-plans?limit=200'),
  'POST /api/inspection-plans': [
    {
      name: 'a plan for a foreign vendor and area',
      scopes: ['tenant'],
      build: (f) =>
        f.vendorId && f.areaId
          ? {
              method: 'POST',
              url: '/api/inspection-plans',
              body: {
                vendorId: f.vendorId,
                year: 2026,
                name: 'isolation probe',
                targets: [
                  {
                    customerName: '探针',
                    contactPhone: '13900000000',
                    address: '探针路 2 号',
                    areaId: f.areaId,
                    month: 11,
                  },
                ],
              },
            }
          : null,
      expect: refused,
    },
  ],
  'GET /api/inspection-plans/{id}': one(
    'read a plan that is not ours',
    'GET',
    () => `/api/inspection-plans/${randomUUID()}`,
  ),
  'POST /api/inspection-plans/{id}/generate': one(
    'generate orders of a plan that is not ours',
    'POST',
    () => `/api/inspection-plans/${randomUUID()}/generate`,
  ),
  'POST /api/work-orders/{id}/inspectors': onOrder('assign inspectors to a foreign order', 'POST', '/inspectors', {
    personIds: [randomUUID(), randomUUID()],
  }),
  'GET /api/work-orders/{id}/inspection': onOrder("read a foreign order's inspection", 'GET', '/inspection'),
  'POST /api/work-orders/{id}/inspection/findings': onOrder(
    'record a finding on a foreign order',
    'POST',
    '/inspection/findings',
    {
      item: 'pipe',
      result: 'ok',
    },
  ),
  'POST /api/work-orders/{id}/rectification-notice': onOrder(
    'issue a notice on a foreign order',
    'POST',
    '/rectification-notice',
  ),
  'GET /api/rectification-notices/overdue': listed(
    'overdue notices list no foreign notice',
    '/api/rectification-notices/overdue',
  ),
  'GET /api/rectification-notices/{id}': one(
    'read a notice that is not ours',
    'GET',
    () => `/api/rectification-notices/${randomUUID()}`,
  ),
  'GET /api/rectification-notices/{id}/signature': one(
    'read the signature of a notice that is not ours',
    'GET',
    () => `/api/rectification-notices/${randomUUID()}/signature`,
  ),
  'POST /api/rectification-notices/{id}/answer': one(
    'answer a notice that is not ours',
    'POST',
    () => `/api/rectification-notices/${randomUUID()}/answer`,
    { refusalReason: 'disagrees' },
  ),
  'POST /api/work-orders/{id}/rectification-notice/answer': onOrder(
    "answer a foreign order's notice",
    'POST',
    '/rectification-notice/answer',
    { refusalReason: 'disagrees' },
  ),
  'GET /api/inspections/crew-todo': listed('the crew to-do lists no foreign inspection', '/api/inspections/crew-todo'),
  'POST /api/rectification-notices/{id}/rectified': one(
    'mark a notice that is not ours rectified',
    'POST',
    () => `/api/rectification-notices/${randomUUID()}/rectified`,
    { note: 'isolation probe' },
  ),
};
