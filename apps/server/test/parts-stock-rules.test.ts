import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ledgerMismatches } from '@daowei/db';
import { DEFAULT_PARTS_POLICY } from '@daowei/domain';
import { act, call, completeBody, startHarness, tokensOf, type Harness, type Tokens } from './harness.js';
import { borrow, orderOnSite, partsWorld, receive, type PartsWorld } from './parts-setup.js';

const HOUR = 3_600_000;

describe('parts: transfers, scrap, low-stock warnings, hit rate, append-only ledger (PART-01/04/05)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  let central: string;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
    const c = await call(h.app, w.clerk, 'POST', '/api/parts/locations', { kind: 'central', name: '中心库' });
    central = c.body.id;
    await receive(h, w, { locationId: central, itemId: w.cable.id, quantity: 500 });
    await receive(h, w, {
      locationId: central,
      itemId: w.onu.id,
      units: [{ serial: `C-1-${h.t.suffix}` }, { serial: `C-2-${h.t.suffix}` }],
    });
  });
  afterAll(async () => {
    if (h) expect(await ledgerMismatches(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  const onHand = async (locationId: string, itemId: string, condition = 'good') => {
    const s = (await call(h.app, w.clerk, 'GET', `/api/parts/locations/${locationId}/stock`)).body;
    return (
      s.balances.find((b: { itemId: string; condition: string }) => b.itemId === itemId && b.condition === condition)
        ?.quantity ?? 0
    );
  };

  it('PART-01 a transfer moves bulk and named units store to store; the ledger shows both ends', async () => {
    const res = await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: central,
      toId: w.storeId,
      itemId: w.cable.id,
      quantity: 120,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const units = (await call(h.app, w.clerk, 'GET', `/api/parts/locations/${central}/stock`)).body.units;
    const unit = await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: central,
      toId: w.storeId,
      itemId: w.onu.id,
      unitIds: [units[0].id],
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(200);
    expect(await onHand(central, w.cable.id)).toBe(380);
    expect(await onHand(w.storeId, w.cable.id)).toBe(120);
    expect(await onHand(w.storeId, w.onu.id)).toBe(1);
    const ledger = await call(h.app, w.clerk, 'GET', `/api/parts/movements?locationId=${w.storeId}`);
    expect(ledger.body.items.filter((m: { kind: string }) => m.kind === 'transfer')).toHaveLength(2);
    expect(ledger.body.items[0]).toMatchObject({ kind: 'transfer', fromName: '中心库', toName: '望京站库' });
    const tooMuch = await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: central,
      toId: w.storeId,
      itemId: w.cable.id,
      quantity: 381,
    });
    expect(tooMuch.body.code).toBe('PART_OUT_OF_STOCK');
    const engineer = await call(h.app, tk.engineer, 'POST', '/api/parts/transfers', {
      fromId: central,
      toId: w.storeId,
      itemId: w.cable.id,
      quantity: 1,
    });
    expect(engineer.status).toBe(403);
  });

  it('PART-01 scrap takes faulty stock out with a reason; good stock needs saying so', async () => {
    const id = await orderOnSite(h, tk);
    const b = await borrow(h, w.clerk, {
      orderId: id,
      engineerId: h.t.engineer.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id, quantity: 5 }],
    });
    const line = b.body.lines[0];
    await call(h.app, tk.engineer, 'POST', `/api/parts/borrow-lines/${line.id}/return`, { faultTag: 'faulty' });
    expect(await onHand(w.storeId, w.cable.id, 'faulty')).toBe(5);
    const noReason = await call(h.app, w.clerk, 'POST', '/api/parts/scraps', {
      locationId: w.storeId,
      itemId: w.cable.id,
      quantity: 5,
      note: '',
    });
    expect(noReason.status).toBe(400);
    const scrapped = await call(h.app, w.clerk, 'POST', '/api/parts/scraps', {
      locationId: w.storeId,
      itemId: w.cable.id,
      quantity: 5,
      note: '外皮破损',
    });
    expect(scrapped.status, JSON.stringify(scrapped.body)).toBe(200);
    expect(await onHand(w.storeId, w.cable.id, 'faulty')).toBe(0);
    expect((await act(h, tk.engineer, id, 'complete', completeBody())).status).toBe(200);
  });

  it('PART-05 hit rate counts jobs whose parts were used as taken; an unused return is a miss', async () => {
    const hit = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    const b = await borrow(h, w.clerk, {
      orderId: hit,
      engineerId: h.t.engineer2.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id, quantity: 3 }],
    });
    await call(h.app, tk.engineer2, 'POST', `/api/parts/borrow-lines/${b.body.lines[0].id}/consume`, {});
    const miss = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    const m = await borrow(h, w.clerk, {
      orderId: miss,
      engineerId: h.t.engineer2.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id, quantity: 3 }],
    });
    await call(h.app, tk.engineer2, 'POST', `/api/parts/borrow-lines/${m.body.lines[0].id}/return`, {
      faultTag: 'good',
    });
    const rate = await call(h.app, w.manager, 'GET', '/api/parts/hit-rate?groupBy=engineer');
    expect(rate.status).toBe(200);
    expect(rate.body.items.find((f: { key: string }) => f.key === h.t.engineer2.id)).toMatchObject({
      hits: 1,
      jobs: 2,
      rate: 0.5,
    });
  });

  it('PART-01 the ledger is append-only: the database refuses updating, deleting or truncating movements', async () => {
    const db = h.database.db;
    const attempt = async (q: ReturnType<typeof sql>) => {
      try {
        await db.execute(q);
        return 'applied';
      } catch (e) {
        return String((e as { cause?: Error }).cause?.message ?? (e as Error).message);
      }
    };
    expect(await attempt(sql`update stock_movements set quantity = 1 where tenant_id = ${h.t.tenant.id}`)).toMatch(
      /append-only: UPDATE/,
    );
    expect(await attempt(sql`delete from stock_movements where tenant_id = ${h.t.tenant.id}`)).toMatch(
      /append-only: DELETE/,
    );
    expect(await attempt(sql`truncate stock_movements cascade`)).toMatch(/append-only: TRUNCATE/);
  });

  it('PART-04 a warning is raised once at the threshold, resolves when stock recovers, and is missed when acknowledged late', async () => {
    const set = await call(h.app, w.clerk, 'PUT', '/api/parts/thresholds', {
      locationId: w.storeId,
      itemId: w.cable.id,
      minimum: 100,
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const alerts = async () =>
      (await call(h.app, w.clerk, 'GET', `/api/parts/alerts?locationId=${w.storeId}`)).body.items.filter(
        (a: { itemId: string }) => a.itemId === w.cable.id,
      );
    const before = await onHand(w.storeId, w.cable.id);
    expect(before).toBeGreaterThan(100);
    expect(await alerts()).toEqual([]);
    await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: w.storeId,
      toId: central,
      itemId: w.cable.id,
      quantity: before - 100,
    });
    expect(await alerts()).toMatchObject([{ minimum: 100, onHandAtRaise: 100, missed: false }]);
    await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: w.storeId,
      toId: central,
      itemId: w.cable.id,
      quantity: 10,
    });
    expect(await alerts()).toHaveLength(1); // raised once, not again at 90

    // Past the acknowledgement window, in steps shorter than a session's idle life (the clerk stays logged in).
    const steps = Math.ceil((DEFAULT_PARTS_POLICY.lowStockAckHours + 1) / 8);
    for (let i = 0; i < steps; i++) {
      h.clock.advance(8 * HOUR);
      const missed = (await alerts())[0].missed;
      if (i === 0) expect(missed).toBe(false); // 8 h: still within the window
    }
    const [open] = await alerts();
    expect(open.missed).toBe(true);
    const ack = await call(h.app, w.clerk, 'POST', `/api/parts/alerts/${open.id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.missedAt).not.toBeNull(); // counted against the store's vendor
    expect(ack.body.vendorId).toBe(h.t.vendor.id);

    await call(h.app, w.clerk, 'POST', '/api/parts/transfers', {
      fromId: central,
      toId: w.storeId,
      itemId: w.cable.id,
      quantity: 50,
    });
    expect(await alerts()).toEqual([]);
    const all = await call(h.app, w.clerk, 'GET', `/api/parts/alerts?locationId=${w.storeId}&open=false`);
    expect(all.body.items.find((a: { id: string }) => a.id === open.id).resolvedAt).not.toBeNull();
  });
});
