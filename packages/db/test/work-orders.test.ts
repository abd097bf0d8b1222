import { DEFAULT_POLICY_PACK, ancestors, decide, type Actor } from '@daowei/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEvent,
  findRecentFinishedFaults,
  getForUpdate,
  getWorkOrder,
  getWorkOrderByNumber,
  insertWorkOrder,
  linkWorkOrders,
  listEvents,
  listLinkedOrders,
  listOrgUnits,
  updateWorkOrder,
  type Database,
  type Db,
} from '../src/index.js';
import {
  createTestOrder,
  createTestPerson,
  createTestTenant,
  openTestDatabase,
  testOrderInput,
  type TestTenant,
} from '../src/testing/index.js';
import { domainCodeOf } from './helpers.js';

let database: Database;
let db: Db;
let t: TestTenant;

beforeAll(async () => {
  // WO-04 runs twenty transactions at once: on PostgreSQL each needs its own connection.
  database = await openTestDatabase({ poolSize: 24 });
  db = database.db;
  t = await createTestTenant(db);
});
afterAll(() => database?.close());

describe('work orders', () => {
  it('WO-02 every field survives a round trip through the database', async () => {
    const input = testOrderInput(t, {
      type: 'complaint',
      priority: 'urgent',
      appointment: { start: new Date('2026-11-24T06:00:00Z'), end: new Date('2026-11-24T08:00:00Z') },
      broadband: { bandwidthMbps: 300, tariff: '199 元/月', accessMethod: 'FTTH', cooperationMode: 'self-run' },
      customerMessage: '请下午来',
      productModel: 'HG8245',
      purchaseDate: '2025-03-01',
      warranty: 'in_warranty',
      completion: {
        customerContacted: true,
        handlingMinutes: 30,
        remark: 'rebooked',
        outcome: {
          kind: 'reschedule',
          reason: 'customer away',
          window: { start: new Date('2026-11-25T06:00:00Z'), end: new Date('2026-11-25T08:00:00Z') },
        },
      },
    });
    const stored = await insertWorkOrder(db, t.tenant.id, input);
    const read = await getWorkOrder(db, t.tenant.id, stored.id);
    const { policyId, policyVersion, completion, ...facts } = input;
    expect(read).toMatchObject({ ...facts, tenantId: t.tenant.id, version: 1, policyId, policyVersion });
    expect(read!.completion).toEqual(completion);
    expect(read!.completion!.outcome.kind === 'reschedule' && read!.completion!.outcome.window.start).toBeInstanceOf(
      Date,
    );
    expect(await getWorkOrderByNumber(db, t.tenant.id, stored.number.toLowerCase())).toMatchObject({ id: stored.id });
  });

  it('WO-02 order numbers count per tenant and local day, with the type prefix', async () => {
    const own = await createTestTenant(db); // Asia/Shanghai
    const other = await createTestTenant(db);
    const at = (iso: string) => new Date(iso);
    const a = await insertWorkOrder(db, own.tenant.id, testOrderInput(own, { acceptedAt: at('2026-11-23T01:00:00Z') }));
    const b = await insertWorkOrder(
      db,
      own.tenant.id,
      testOrderInput(own, { type: 'install', acceptedAt: at('2026-11-23T15:59:00Z') }),
    );
    // 16:00 UTC is midnight in Shanghai: a new day, a new sequence.
    const c = await insertWorkOrder(db, own.tenant.id, testOrderInput(own, { acceptedAt: at('2026-11-23T16:00:00Z') }));
    const d = await insertWorkOrder(
      db,
      other.tenant.id,
      testOrderInput(other, { acceptedAt: at('2026-11-23T01:00:00Z') }),
    );
    expect([a.number, b.number, c.number, d.number]).toEqual([
      'GZ-20261123-000001',
      'KJ-20261123-000002',
      'GZ-20261124-000001',
      'GZ-20261123-000001',
    ]);
  });

  it('WO-02 numbers stay unique when many orders are created at once', async () => {
    const own = await createTestTenant(db);
    const orders = await Promise.all(
      Array.from({ length: 12 }, () => db.transaction((tx) => insertWorkOrder(tx, own.tenant.id, testOrderInput(own)))),
    );
    const seqs = orders.map((o) => Number(o.number.slice(-6))).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('an update bumps the version; a write based on an old version is refused', async () => {
    const order = await createTestOrder(db, t);
    const updated = await updateWorkOrder(db, t.tenant.id, order.id, { status: 'triaged', step: 'triaged' }, 1);
    expect(updated).toMatchObject({ status: 'triaged', step: 'triaged', version: 2, number: order.number });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(order.updatedAt.getTime());
    expect(await domainCodeOf(updateWorkOrder(db, t.tenant.id, order.id, { status: 'cancelled' }, 1))).toBe(
      'WO_STALE_VERSION',
    );
    expect((await getWorkOrder(db, t.tenant.id, order.id))!.status).toBe('triaged');
  });

  it('an update cannot rewrite identity, number or version even if the changes carry them', async () => {
    const order = await createTestOrder(db, t);
    const spread = { ...order, number: 'XX-1', version: 99, tenantId: t.tenant.id, status: 'triaged' as const };
    const updated = await updateWorkOrder(db, t.tenant.id, order.id, spread, order.version);
    expect(updated).toMatchObject({ id: order.id, number: order.number, version: 2, status: 'triaged' });
  });

  it('SEC-02 an order of another tenant is not found, read or written', async () => {
    const other = await createTestTenant(db);
    const order = await createTestOrder(db, other);
    expect(await getWorkOrder(db, t.tenant.id, order.id)).toBeNull();
    expect(await domainCodeOf(updateWorkOrder(db, t.tenant.id, order.id, { status: 'cancelled' }, 1))).toBe(
      'NOT_FOUND',
    );
    expect(await getWorkOrder(db, t.tenant.id, 'not-a-uuid')).toBeNull();
  });

  it('WO-04 twenty concurrent takes: exactly one transaction sees the order still assigned', async () => {
    const engineers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createTestPerson(db, t.tenant.id, {
          name: `pool-${i}`,
          unitId: t.units.team.id,
          positions: ['onsite_engineer'],
          suffix: t.suffix,
        }),
      ),
    );
    const units = await listOrgUnits(db, t.tenant.id);
    const order = await createTestOrder(db, t, { status: 'assigned', offeredToUnitId: t.units.team.id });
    const now = new Date('2026-11-23T02:00:00Z');

    const take = (personId: string) =>
      db.transaction(async (tx) => {
        const current = await getForUpdate(tx, t.tenant.id, order.id);
        const actor: Actor = { personId, position: 'onsite_engineer', unitIds: ancestors(t.units.team.id, units) };
        const sawAssigned = current!.status === 'assigned';
        try {
          const d = decide(current!, { action: 'take' }, actor, DEFAULT_POLICY_PACK, now);
          const next = await updateWorkOrder(
            tx,
            t.tenant.id,
            order.id,
            { ...d.changes, status: d.to },
            current!.version,
          );
          await appendEvent(tx, t.tenant.id, {
            orderId: order.id,
            action: d.action,
            fromStatus: d.from,
            toStatus: d.to,
            actorId: personId,
            actorPosition: 'onsite_engineer',
            at: now,
            payload: d.payload,
          });
          return { personId, sawAssigned, outcome: 'won', holder: next.holderId };
        } catch (e) {
          return { personId, sawAssigned, outcome: (e as { code?: string }).code ?? String(e), holder: null };
        }
      });
    const results = await Promise.all(engineers.map((e) => take(e.id)));

    const winners = results.filter((r) => r.outcome === 'won');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.sawAssigned)).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'WO_ALREADY_TAKEN')).toHaveLength(19);
    const final = await getWorkOrder(db, t.tenant.id, order.id);
    expect(final).toMatchObject({ status: 'taken', holderId: winners[0]!.personId, version: 2 });
    const events = await listEvents(db, t.tenant.id, order.id);
    expect(events.map((e) => [e.seq, e.action, e.actorId])).toEqual([
      [1, 'create', t.hotline.id],
      [2, 'take', winners[0]!.personId],
    ]);
  });

  it('WO-12 finds the customer’s finished faults on the same product since a date', async () => {
    const own = await createTestTenant(db);
    const day = (d: number) => new Date(Date.UTC(2026, 10, d, 2));
    const mk = (over: Parameters<typeof testOrderInput>[1]) =>
      insertWorkOrder(db, own.tenant.id, testOrderInput(own, over));
    const closed = await mk({ status: 'closed', completedAt: day(5), closedAt: day(6), productNumber: 'BB01' });
    const completed = await mk({ status: 'completed', completedAt: day(10), productNumber: ' bb01 ' });
    await mk({ status: 'closed', completedAt: day(1), closedAt: day(2), productNumber: 'BB01' }); // too old
    await mk({ status: 'taken', productNumber: 'BB01' }); // never finished
    await mk({ status: 'closed', completedAt: day(8), closedAt: day(8), productNumber: 'BB02' }); // other product
    await mk({ type: 'install', status: 'closed', completedAt: day(8), closedAt: day(8), productNumber: 'BB01' });
    const found = await findRecentFinishedFaults(db, own.tenant.id, {
      customerId: own.customer.id,
      productNumber: 'bb01',
      since: day(4),
    });
    expect(found.map((f) => f.id)).toEqual([completed.id, closed.id]);
    expect(found[1]).toMatchObject({ type: 'fault', customerId: own.customer.id, closedAt: day(6) });
  });

  it('WO-08 a complaint and the fault it turned into are linked from both ends', async () => {
    const complaint = await createTestOrder(db, t, { type: 'complaint' });
    const fault = await createTestOrder(db, t, { parentOrderId: complaint.id });
    await linkWorkOrders(db, t.tenant.id, {
      fromOrderId: complaint.id,
      toOrderId: fault.id,
      kind: 'complaint_to_fault',
    });
    await linkWorkOrders(db, t.tenant.id, {
      fromOrderId: complaint.id,
      toOrderId: fault.id,
      kind: 'complaint_to_fault',
    });
    const fromComplaint = await listLinkedOrders(db, t.tenant.id, complaint.id);
    const fromFault = await listLinkedOrders(db, t.tenant.id, fault.id);
    expect(fromComplaint.map((l) => [l.link.kind, l.order.id])).toEqual([['complaint_to_fault', fault.id]]);
    expect(fromFault.map((l) => [l.link.kind, l.order.id])).toEqual([['complaint_to_fault', complaint.id]]);
  });
});
