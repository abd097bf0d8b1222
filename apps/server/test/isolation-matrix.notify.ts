/**
 * Isolation-matrix entries of INT-01 customer messages, spread into ISOLATION_MATRIX. Templates are the
 * caller's own tenant's (read by the desk and admins, written by operator admins only); the send log
 * lists the caller's tenant's messages (a vendor's staff: their vendor's orders only); a message of
 * another tenant or vendor, or a foreign order's id used as one, is answered as missing.
 * notify-outbox.test.ts proves the same with real messages of another tenant.
 */
import { randomUUID } from 'node:crypto';
import type { Expectation, Probe, Scope } from './isolation-matrix.js';

const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
const denied: Expectation = { kind: 'denied' };
const list: Expectation = { kind: 'list' };
const empty: Expectation = { kind: 'empty' };
const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });

export const NOTIFY_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  'GET /api/notify/templates': [
    {
      name: 'the templates (my tenant’s or the defaults; never another tenant’s)',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/notify/templates' }),
      expect: list,
    },
  ],
  'GET /api/notify/templates/{event}/{channel}/{locale}/versions': [
    {
      name: 'the versions of a template (my tenant’s only)',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/notify/templates/engineer_en_route/sms/zh-CN/versions' }),
      expect: list,
    },
  ],
  'PUT /api/notify/templates/{event}/{channel}/{locale}': [
    {
      name: 'save a template (writes my own tenant’s; refused to everyone but operator admins)',
      scopes: ALL,
      build: () => ({
        method: 'PUT',
        url: '/api/notify/templates/callback_promised/wechat/en',
        body: {
          body: 'Hello {customerName}, we will call you about {orderNo} by {callbackAt}.',
          enabled: true,
          version: 0,
        },
      }),
      // The first admin saves version 1; every later probe started from version 0 is stale (409).
      expect: status(200, 403, 409),
    },
  ],
  'GET /api/notify/outbox': [
    {
      name: 'the send log (never a message of a foreign order)',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/notify/outbox' }),
      expect: list,
    },
    {
      name: 'the send log filtered on a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/notify/outbox?orderId=${f.order.id}` }),
      expect: empty,
    },
  ],
  'GET /api/notify/outbox/{id}': [
    {
      name: 'a foreign order’s id used as a message id',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/notify/outbox/${f.order.id}` }),
      expect: denied,
    },
    {
      name: 'a made-up message id',
      scopes: ALL,
      build: () => ({ method: 'GET', url: `/api/notify/outbox/${randomUUID()}` }),
      expect: denied,
    },
  ],
  'POST /api/notify/outbox/{id}/retry': [
    {
      name: 'retry a message that is not mine to see',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/notify/outbox/${f.order.id}/retry` }),
      expect: denied,
    },
  ],
};
