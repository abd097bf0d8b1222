/**
 * Isolation-matrix entries of the service desk (issue 5: DESK-04, DESK-06), spread into
 * ISOLATION_MATRIX. The scripts and the text check hold no tenant data; issuing a self-service link
 * is refused for a foreign order. The public self-service routes need no login: whoever calls them
 * (here: staff of tenant A with their bearer token, which these routes ignore) gets the same 404 for
 * anything that is not a live link — a made-up token, or a foreign order's id used as one.
 */
import { randomBytes } from 'node:crypto';
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
};
