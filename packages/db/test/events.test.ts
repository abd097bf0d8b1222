import { sql } from 'drizzle-orm';
import { GENESIS_HASH } from '@daowei/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, listEvents, updateWorkOrder, verifyAllChains, type Database, type Db } from '../src/index.js';
import { createTestOrder, createTestTenant, openTestDatabase, type TestTenant } from '../src/testing/index.js';
import { expectPgError } from './helpers.js';

let database: Database;
let db: Db;
let t: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  t = await createTestTenant(db);
});
afterAll(() => database?.close());

const T0 = new Date('2026-11-23T01:00:00Z');

/** An order moved created → assigned → taken, each step with its event, as the server would. */
async function orderWithHistory(tt: TestTenant = t) {
  const t = tt;
  const order = await createTestOrder(db, t);
  return db.transaction(async (tx) => {
    let o = await updateWorkOrder(
      tx,
      t.tenant.id,
      order.id,
      { status: 'assigned', offeredToPersonId: t.engineer.id },
      1,
    );
    await appendEvent(tx, t.tenant.id, {
      orderId: o.id,
      action: 'dispatch',
      fromStatus: 'created',
      toStatus: 'assigned',
      actorId: t.coordinator.id,
      actorPosition: 'coordinator',
      at: new Date(T0.getTime() + 60_000),
      // Keys deliberately out of order, a Date and an undefined: jsonb hands them back differently.
      payload: { zRemark: '最近的工程师', toPersonId: t.engineer.id, toUnitId: null, when: T0, gone: undefined },
    });
    o = await updateWorkOrder(tx, t.tenant.id, o.id, { status: 'taken', holderId: t.engineer.id }, o.version);
    await appendEvent(tx, t.tenant.id, {
      orderId: o.id,
      action: 'take',
      fromStatus: 'assigned',
      toStatus: 'taken',
      actorId: t.engineer.id,
      actorPosition: 'onsite_engineer',
      at: new Date(T0.getTime() + 120_000),
      payload: {},
    });
    return o;
  });
}

/** Tampering as the table owner would: switch the guard off inside one transaction, so no other test sees it off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table work_order_events disable trigger work_order_events_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table work_order_events enable trigger work_order_events_append_only`);
  });
}

describe('work order events', () => {
  it('AUD-01 events are numbered from 1 per order and chained from the genesis hash', async () => {
    const order = await orderWithHistory();
    const events = await listEvents(db, t.tenant.id, order.id);
    expect(events.map((e) => [e.seq, e.action, e.fromStatus, e.toStatus])).toEqual([
      [1, 'create', null, 'created'],
      [2, 'dispatch', 'created', 'assigned'],
      [3, 'take', 'assigned', 'taken'],
    ]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(events[1]!.actorName).toBe(t.coordinator.name);
    expect(events[1]!.payload).toEqual({
      zRemark: '最近的工程师',
      toPersonId: t.engineer.id,
      toUnitId: null,
      when: T0.toISOString(),
    });
    expect(events[1]!.at).toEqual(new Date(T0.getTime() + 60_000));
  });

  it('AUD-01 an untouched history read back from the database verifies', async () => {
    await orderWithHistory();
    expect(await verifyAllChains(db, t.tenant.id)).toEqual([]);
  });

  it('AUD-01 updating an event is refused by the database', async () => {
    const order = await orderWithHistory();
    const err = await expectPgError(
      db.execute(sql`update work_order_events set payload = '{"remark":"rewritten"}' where order_id = ${order.id}`),
    );
    expect(err.message).toMatch(/append-only/);
    expect((await listEvents(db, t.tenant.id, order.id))[1]!.payload).toMatchObject({ zRemark: '最近的工程师' });
  });

  it('AUD-01 deleting or truncating events is refused by the database', async () => {
    const order = await orderWithHistory();
    const del = await expectPgError(db.execute(sql`delete from work_order_events where order_id = ${order.id}`));
    expect(del.message).toMatch(/append-only: DELETE/);
    const trunc = await expectPgError(db.execute(sql`truncate work_order_events`));
    expect(trunc.message).toMatch(/append-only: TRUNCATE/);
    expect(await listEvents(db, t.tenant.id, order.id)).toHaveLength(3);
  });

  it('AUD-01 an edited event is detected by verifyAllChains', async () => {
    const intact = await orderWithHistory();
    const edited = await orderWithHistory();
    await tamper(
      sql`update work_order_events set actor_id = ${t.engineer2.id} where order_id = ${edited.id} and seq = 2`,
    );
    const broken = await verifyAllChains(db, t.tenant.id);
    expect(broken).toEqual([
      { tenantId: t.tenant.id, orderId: edited.id, number: edited.number, brokenAtSeq: 2, reason: 'hash_mismatch' },
    ]);
    expect(broken.map((b) => b.orderId)).not.toContain(intact.id);
    // Put it back, as the owner, so later tests of this file start from intact chains.
    await tamper(
      sql`update work_order_events set actor_id = ${t.coordinator.id} where order_id = ${edited.id} and seq = 2`,
    );
    expect(await verifyAllChains(db, t.tenant.id)).toEqual([]);
  });

  it('AUD-01 a removed newest event is detected: the history no longer ends in the order status', async () => {
    const order = await orderWithHistory();
    await tamper(sql`delete from work_order_events where order_id = ${order.id} and seq = 3`);
    expect(await verifyAllChains(db, t.tenant.id)).toEqual([
      { tenantId: t.tenant.id, orderId: order.id, number: order.number, brokenAtSeq: 2, reason: 'status_mismatch' },
    ]);
    await appendEvent(db, t.tenant.id, {
      orderId: order.id,
      action: 'take',
      fromStatus: 'assigned',
      toStatus: 'taken',
      actorId: t.engineer.id,
      actorPosition: 'onsite_engineer',
      at: new Date(T0.getTime() + 120_000),
      payload: {},
    });
    expect(await verifyAllChains(db, t.tenant.id)).toEqual([]);
  });

  it('AUD-01 a removed middle event is detected as a gap', async () => {
    const own = await createTestTenant(db);
    const orders = [await orderWithHistory(own), await orderWithHistory(own), await orderWithHistory(own)];
    const order = orders[1]!;
    await tamper(sql`delete from work_order_events where order_id = ${order.id} and seq = 2`);
    // Batch size 1: the walk over orders in batches must not lose or repeat any.
    const broken = await verifyAllChains(db, own.tenant.id, 1);
    expect(broken).toEqual([
      { tenantId: own.tenant.id, orderId: order.id, number: order.number, brokenAtSeq: 3, reason: 'seq_gap' },
    ]);
  });

  it('AUD-01 verifying one tenant never reports another tenant’s orders', async () => {
    const other = await createTestTenant(db);
    const order = await createTestOrder(db, other);
    expect(await verifyAllChains(db, other.tenant.id)).toEqual([]);
    const broken = await verifyAllChains(db, t.tenant.id);
    expect(broken.every((b) => b.tenantId === t.tenant.id)).toBe(true);
    expect(broken.map((b) => b.orderId)).not.toContain(order.id);
  });

  it('WO-03 two appends to one order in parallel get consecutive numbers', async () => {
    const order = await createTestOrder(db, t, { status: 'taken', holderId: t.engineer.id });
    const note = (i: number) =>
      db.transaction((tx) =>
        appendEvent(tx, t.tenant.id, {
          orderId: order.id,
          action: 'note',
          fromStatus: 'taken',
          toStatus: 'taken',
          actorId: t.engineer.id,
          actorPosition: 'onsite_engineer',
          at: new Date(T0.getTime() + i * 1000),
          payload: { i },
        }),
      );
    await Promise.all([1, 2, 3, 4, 5].map(note));
    const events = await listEvents(db, t.tenant.id, order.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
