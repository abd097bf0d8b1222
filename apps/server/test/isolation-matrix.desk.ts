/**
 * Isolation-matrix entries of the service desk (issue 5: DESK-04, DESK-06), spread into
 * ISOLATION_MATRIX. The scripts and the text check hold no tenant data; issuing a self-service link
 * is refused for a foreign order. The public self-service routes need no login: whoever calls them
 * (here: staff of tenant A with their bearer token, which these routes ignore) gets the same 404 for
 * anything that is not a live link — a made-up token, or a foreign order's id used as one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Position } from '@daowei/domain';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
/** The positions apps/server/src/features/desk/desk.routes.ts lets look customers up and issue links. */
const DESK_POSITIONS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'callback_agent',
  'station_manager',
  'admin',
];
const madeUpToken = () => randomBytes(32).toString('base64url');
/** Who may take requests at the desk (desk-work.routes.ts INTAKE_POSITIONS). */
const INTAKE_POSITIONS: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];
const s8 = () => randomUUID().slice(0, 8);
/** A valid intake; `order` (when given) opens an on-site fault with these order fields. */
const intake = (order?: Record<string, unknown>) => ({
  callerPhone: '13700000001',
  requestKind: 'fault',
  symptom: 'no_service',
  description: 'isolation probe',
  ...(order
    ? {
        order: {
          acceptanceSerial: `ISO-D-${s8()}`,
          product: 'broadband',
          business: 'home broadband',
          productNumber: `BB-D-${s8()}`,
          customer: { name: '隔离测试', phone: '13700000001', address: '望京街道 1 号' },
          faultDescription: 'No internet',
          ...order,
        },
      }
    : { requestKind: 'question', symptom: 'other', answeredNow: true }),
});
const soon = () => ({
  start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  end: new Date(Date.now() + 3 * 86_400_000 + 7_200_000).toISOString(),
});
/** A probe on an order-scoped desk route: a foreign order is answered like a missing one. */
const onForeignOrder = (name: string, method: 'GET' | 'POST', tail: string, body?: unknown): Probe[] => [
  {
    name,
    scopes: ALL,
    build: (f) => ({ method, url: `/api/work-orders/${f.order.id}${tail}`, ...(body ? { body } : {}) }),
    expect: denied,
  },
];

/** A public route probed with a made-up token and with the foreign order's id in its place. */
function publicProbes(method: 'GET' | 'POST', tail: string, body?: unknown): Probe[] {
  return [
    {
      name: 'a made-up self-service token',
      scopes: ALL,
      build: () => ({ method, url: `/api/public/orders/${madeUpToken()}${tail}`, ...(body ? { body } : {}) }),
      expect: status(404),
    },
    {
      name: 'a foreign order id used as a self-service token',
      scopes: ALL,
      build: (f) => ({ method, url: `/api/public/orders/${f.order.id}${tail}`, ...(body ? { body } : {}) }),
      expect: status(404),
    },
  ];
}

export const DESK_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/scripts': [
    {
      name: 'the scripts library holds no tenant data',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/scripts?situation=farewell' }),
      expect: status(200),
    },
  ],
  'POST /api/text-check': [
    {
      name: 'checking a text that names a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: '/api/text-check', body: { text: `关于 ${f.order.number} 的说明` } }),
      expect: status(200),
    },
  ],
  'POST /api/work-orders/{id}/self-service-link': [
    {
      name: 'issue a customer link for a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/work-orders/${f.order.id}/self-service-link` }),
      expect: denied,
    },
  ],
  // DESK-01: the phone is the caller's own input and may come back; nothing else of the foreign
  // customer (their id, other orders, products) may. Another tenant's customer is simply unknown here.
  'GET /api/customers/lookup': [
    {
      name: 'look up the phone of a foreign order’s customer',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/customers/lookup?phone=${f.order.phone}` }),
      expect: (_f, actor) => (DESK_POSITIONS.includes(actor.position) ? status(404) : status(403)),
    },
  ],
  'GET /api/public/orders/{token}': publicProbes('GET', ''),
  'POST /api/public/orders/{token}/urge': publicProbes('POST', '/urge'),
  'POST /api/public/orders/{token}/rating': publicProbes('POST', '/rating', { satisfaction: 5 }),
  'POST /api/public/orders/{token}/faults': publicProbes('POST', '/faults', { description: '又断网了' }),
  'POST /api/public/orders/{token}/reschedule': publicProbes('POST', '/reschedule', {
    window: soon(),
    reason: '改时间',
  }),
  // DESK-01: an intake can only open an order in an area of the caller's own tenant (and vendor).
  'POST /api/desk/intakes': [
    {
      name: 'an intake whose order names a foreign area',
      scopes: ['tenant'],
      build: (f) =>
        f.areaId ? { method: 'POST', url: '/api/desk/intakes', body: intake({ areaId: f.areaId }) } : null,
      expect: (_f, actor) => (INTAKE_POSITIONS.includes(actor.position) ? status(400) : status(403)),
    },
    {
      name: 'an intake by the phone of a foreign order’s customer reveals nothing of them',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: '/api/desk/intakes', body: { ...intake(), callerPhone: f.order.phone } }),
      expect: (_f, actor) => (INTAKE_POSITIONS.includes(actor.position) ? status(201) : status(403)),
    },
  ],
  'GET /api/desk/tasks': [
    {
      name: "the desk's follow-ups hold no foreign task",
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/desk/tasks' }),
      expect: { kind: 'list' },
    },
  ],
  'POST /api/desk/tasks/{id}/done': [
    {
      name: 'finish a task that is not ours',
      scopes: ALL,
      build: () => ({ method: 'POST', url: `/api/desk/tasks/${randomUUID()}/done`, body: { result: '已回复' } }),
      expect: denied,
    },
  ],
  'GET /api/desk/library': [
    {
      name: "the tenant's own library",
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/desk/library' }),
      expect: status(200),
    },
  ],
  'PUT /api/desk/library': [
    {
      // The library is keyed by the caller's tenant only; a stale version changes nothing for anyone.
      name: 'save over a library version that does not exist',
      scopes: ALL,
      build: () => ({ method: 'PUT', url: '/api/desk/library', body: { version: 999, scripts: [], phrases: [] } }),
      expect: status(403, 409),
    },
  ],
  'GET /api/carry-in': [
    {
      name: 'the counter board lists no foreign device',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/carry-in' }),
      expect: { kind: 'list' },
    },
  ],
  'GET /api/work-orders/{id}/carry-in': onForeignOrder('read a foreign carry-in receipt', 'GET', '/carry-in'),
  'POST /api/work-orders/{id}/carry-in': onForeignOrder('receive a device on a foreign order', 'POST', '/carry-in', {
    configuration: 'x',
    condition: 'x',
    receiptSignedBy: 'x',
    shelf: 'A-1',
  }),
  'POST /api/work-orders/{id}/carry-in/stage': onForeignOrder('move a foreign device on', 'POST', '/carry-in/stage', {
    stage: 'diagnosing',
  }),
  'POST /api/work-orders/{id}/carry-in/pickup': onForeignOrder(
    'hand out a foreign device',
    'POST',
    '/carry-in/pickup',
    {
      retestPassed: true,
      retestNote: 'ok',
      signedBy: 'x',
    },
  ),
  'GET /api/work-orders/{id}/customer-messages': onForeignOrder(
    "read a foreign order's customer messages",
    'GET',
    '/customer-messages',
  ),
  'POST /api/work-orders/{id}/customer-messages': onForeignOrder(
    'write to a foreign customer',
    'POST',
    '/customer-messages',
    {
      text: '您好',
    },
  ),
};
