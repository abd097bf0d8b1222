/**
 * Isolation-matrix entries of parts stock and borrowing (PART-01..03).
 * Spread into ISOLATION_MATRIX (isolation-matrix.ts); split from it by feature like the other isolation-matrix.*.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Probe } from './isolation-matrix.js';
import { ALL, PEOPLE_SCOPES, denied, list, empty, status, qs } from './isolation-matrix.kit.js';

export const PARTS_STOCK_PROBES: Readonly<Record<string, readonly Probe[]>> = {
  // PART-01..03 (issue 6): stock and borrowing. Foreign orders, people and units stand in for foreign
  // stock objects (an id of another kind must be refused just the same).
  'GET /api/parts/items': [
    {
      name: 'the catalogue of the caller’s tenant',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/items' }),
      expect: list,
    },
  ],
  'POST /api/parts/items': [
    {
      name: 'add an item to the caller’s own catalogue',
      scopes: ['tenant'],
      build: () => ({
        method: 'POST',
        url: '/api/parts/items',
        body: { code: `ISO-${randomUUID().slice(0, 8)}`, name: 'probe', category: 'other', tracking: 'bulk' },
      }),
      expect: status(201, 403),
    },
  ],
  'GET /api/parts/locations': [
    {
      name: 'stores the caller may use',
      scopes: ALL,
      build: () => ({ method: 'GET', url: '/api/parts/locations' }),
      expect: list,
    },
  ],
  'POST /api/parts/locations': [
    {
      name: 'add a store for a foreign station',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? { method: 'POST', url: '/api/parts/locations', body: { kind: 'station', name: 'probe', unitId: f.unitId } }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/locations/{id}/stock': [
    {
      name: 'read stock at a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) => (f.unitId ? { method: 'GET', url: `/api/parts/locations/${f.unitId}/stock` } : null),
      expect: denied,
    },
  ],
  'POST /api/parts/receipts': [
    {
      name: 'receive stock into a foreign id',
      scopes: PEOPLE_SCOPES,
      build: (f) =>
        f.unitId
          ? {
              method: 'POST',
              url: '/api/parts/receipts',
              body: { locationId: f.unitId, itemId: randomUUID(), quantity: 1 },
            }
          : null,
      expect: status(400, 403, 404),
    },
  ],
  'POST /api/parts/borrows': [
    {
      name: 'borrow parts against a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: '/api/parts/borrows',
        body: {
          orderId: f.order.id,
          engineerId: f.order.holderId,
          storeId: randomUUID(),
          lines: [{ itemId: randomUUID() }],
        },
      }),
      expect: status(400, 403, 404),
    },
  ],
  'GET /api/parts/borrows': [
    {
      name: 'the borrows of a foreign engineer',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/borrows${qs({ engineerId: f.order.holderId })}` }),
      expect: empty,
    },
  ],
  'POST /api/parts/borrow-lines/{id}/return': [
    {
      name: 'return a line by a foreign id',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/borrow-lines/${f.order.id}/return`,
        body: { faultTag: 'good' },
      }),
      expect: denied,
    },
  ],
  'POST /api/parts/borrow-lines/{id}/consume': [
    {
      name: 'consume a line by a foreign id',
      scopes: ALL,
      build: (f) => ({ method: 'POST', url: `/api/parts/borrow-lines/${f.order.id}/consume`, body: {} }),
      expect: denied,
    },
  ],
  'GET /api/parts/orders/{id}/borrows': [
    {
      name: 'the borrows of a foreign order',
      scopes: ALL,
      build: (f) => ({ method: 'GET', url: `/api/parts/orders/${f.order.id}/borrows` }),
      expect: denied,
    },
  ],
  'POST /api/parts/orders/{id}/waiver': [
    {
      name: 'waive parts settlement of a foreign order',
      scopes: ALL,
      build: (f) => ({
        method: 'POST',
        url: `/api/parts/orders/${f.order.id}/waiver`,
        body: { reason: 'probe waiver' },
      }),
      expect: denied,
    },
  ],
};
