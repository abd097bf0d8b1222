import { randomUUID } from 'node:crypto';
import type { Sent } from './bad-input.probe.js';
import { orderBody, type Harness, type Tokens } from './harness.js';
import { FUTURE_WINDOW } from './isolation-matrix.js';

/** The bad-input test's hand-written requests (SEC-03): valid bodies to mutate, and inputs that once failed. */

/** The JSON-body routes: a valid body, who sends it, and where. */
export const jsonRoutes = (h: Harness, tk: Tokens) => [
  {
    route: 'POST /api/auth/login',
    method: 'POST' as const,
    url: '/api/auth/login',
    token: null,
    valid: { login: 'nobody-here', password: 'wrong-password' },
  },
  {
    route: 'PUT /api/me/position',
    method: 'PUT' as const,
    url: '/api/me/position',
    token: tk.engineer2,
    valid: { position: 'onsite_engineer' },
  },
  {
    route: 'POST /api/people/{id}/external-accounts',
    method: 'POST' as const,
    url: `/api/people/${h.t.engineer.id}/external-accounts`,
    token: tk.admin,
    valid: { system: 'BSS', externalId: 'E-1' },
  },
  {
    route: 'POST /api/work-orders',
    method: 'POST' as const,
    url: '/api/work-orders',
    token: tk.hotline,
    valid: orderBody(h, 'install', { appointment: FUTURE_WINDOW }),
  },
];

/**
 * Inputs that once caused a 5xx or an answer in another shape, with the route each aims at: each must be
 * refused with a 400 and a code. `orderId` is an order of the test tenant.
 */
export function regressionCases(h: Harness, tk: Tokens, orderId: string): [string, Sent][] {
  const cursorAt = (at: string) => Buffer.from(JSON.stringify([at, randomUUID()])).toString('base64url');
  return [
    ['GET /api/people', { method: 'GET', url: '/api/people?q=%00', token: tk.coordinator }],
    ['GET /api/external-accounts', { method: 'GET', url: '/api/external-accounts?q=a%00b', token: tk.admin }],
    ['GET /api/work-orders', { method: 'GET', url: '/api/work-orders?q=%00', token: tk.hotline }],
    ['GET /api/work-orders', { method: 'GET', url: '/api/work-orders?to=0000-01-01T00:00:00Z', token: tk.hotline }],
    [
      'GET /api/work-orders',
      { method: 'GET', url: `/api/work-orders?cursor=${cursorAt('-000001-01-01T00:00:00Z')}`, token: tk.hotline },
    ],
    ['GET /api/work-orders/{id}', { method: 'GET', url: `/api/work-orders/${'x'.repeat(300)}`, token: tk.hotline }],
    ['GET /api/work-orders/{id}', { method: 'GET', url: '/api/work-orders/%E4%B8', token: tk.hotline }],
    [
      'POST /api/auth/login',
      { method: 'POST', url: '/api/auth/login', token: null, json: { login: 'a\u0000', password: 'x' } },
    ],
    [
      'POST /api/work-orders/{id}/actions/{action}',
      {
        method: 'POST',
        url: `/api/work-orders/${orderId}/actions/triage`,
        token: tk.coordinator,
        json: { remark: 'ok\u0000' },
      },
    ],
    [
      'POST /api/work-orders',
      {
        method: 'POST',
        url: '/api/work-orders',
        token: tk.hotline,
        json: orderBody(h, 'fault', { customer: { name: '\ud800', phone: '13800000000', address: 'x' } }),
      },
    ],
    [
      'POST /api/work-orders',
      {
        method: 'POST',
        url: '/api/work-orders',
        token: tk.hotline,
        json: orderBody(h, 'install', {
          appointment: { start: '0000-01-01T00:00:00Z', end: '0000-01-01T02:00:00Z' },
        }),
      },
    ],
  ];
}
