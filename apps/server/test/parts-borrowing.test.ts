import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerMismatches, listBorrowFailures } from '@daowei/db';
import { act, call, completeBody, startHarness, tokensOf, type Harness, type Tokens } from './harness.js';
import { borrow, orderOnSite, partsWorld, receive, type PartsWorld } from './parts-setup.js';

describe('parts: stock and borrowing over HTTP (PART-01..03)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  beforeAll(async () => {
    h = await startHarness();
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
    await receive(h, w, { itemId: w.cable.id, quantity: 100 });
    await receive(h, w, {
      itemId: w.onu.id,
      units: [{ serial: `SN-A-${h.t.suffix}` }, { serial: `SN-B-${h.t.suffix}`, mac: '00:11:22:33:44:55' }],
    });
  });
  afterAll(async () => {
    // PART-01: whatever the tests did, the ledger adds up to on-hand.
    if (h) expect(await ledgerMismatches(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  const stock = async () => (await call(h.app, w.clerk, 'GET', `/api/parts/locations/${w.storeId}/stock`)).body;
  const qty = (
    s: { balances: { itemId: string; condition: string; quantity: number }[] },
    itemId: string,
    condition = 'good',
  ) => s.balances.find((b) => b.itemId === itemId && b.condition === condition)?.quantity ?? 0;

  it('PART-01 received stock shows per location; serialised units by serial; a duplicate serial is refused', async () => {
    const s = await stock();
    expect(qty(s, w.cable.id)).toBe(100);
    expect(qty(s, w.onu.id)).toBe(2);
    expect(s.units.map((u: { serial: string }) => u.serial)).toEqual([`SN-A-${h.t.suffix}`, `SN-B-${h.t.suffix}`]);
    const dup = await call(h.app, w.clerk, 'POST', '/api/parts/receipts', {
      locationId: w.storeId,
      itemId: w.onu.id,
      units: [{ serial: `SN-A-${h.t.suffix}` }],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PART_UNIT_ELSEWHERE');
  });

  it('PART-02 PART-03 borrow → a second borrow refused while the first is out → return → allowed; completion waits for settlement', async () => {
    const first = await orderOnSite(h, tk);
    const second = await orderOnSite(h, tk);
    const b1 = await borrow(h, w.clerk, {
      orderId: first,
      engineerId: h.t.engineer.id,
      storeId: w.storeId,
      lines: [{ itemId: w.onu.id }, { itemId: w.cable.id, quantity: 30 }],
    });
    expect(b1.status, JSON.stringify(b1.body)).toBe(200);
    expect(b1.body.lines).toHaveLength(2);
    const [onuLine, cableLine] = b1.body.lines;
    expect(onuLine.serial).toBe(`SN-A-${h.t.suffix}`);

    const refused = await borrow(h, w.clerk, {
      orderId: second,
      engineerId: h.t.engineer.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PART_PREVIOUS_NOT_RETURNED');
    expect(refused.body.details.openLines).toHaveLength(2);

    // PART-03: the first order cannot complete with parts out.
    const blocked = await act(h, tk.engineer, first, 'complete', completeBody());
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('PART_NOT_SETTLED');

    // The ONU is installed (consumed on the order), 10 m of cable used, 20 m returned.
    const used = await call(h.app, tk.engineer, 'POST', `/api/parts/borrow-lines/${onuLine.id}/consume`, {});
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(
      (await call(h.app, tk.engineer, 'POST', `/api/parts/borrow-lines/${cableLine.id}/consume`, { quantity: 10 }))
        .status,
    ).toBe(200);
    const back = await call(h.app, w.clerk, 'POST', `/api/parts/borrow-lines/${cableLine.id}/return`, {
      faultTag: 'good',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body).toMatchObject({ quantity: 30, consumed: 10, returned: 20, outstanding: 0 });
    const over = await call(h.app, w.clerk, 'POST', `/api/parts/borrow-lines/${cableLine.id}/return`, {
      faultTag: 'good',
      quantity: 1,
    });
    expect(over.body.code).toBe('PART_OVER_RETURN');

    expect((await act(h, tk.engineer, first, 'complete', completeBody())).status).toBe(200);
    const open = await call(h.app, tk.engineer, 'GET', '/api/parts/borrows');
    expect(open.body.items).toEqual([]);
    const ok = await borrow(h, w.clerk, {
      orderId: second,
      engineerId: h.t.engineer.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id }],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(qty(await stock(), w.cable.id)).toBe(100 - 30 + 20 - 1);
  });

  it('PART-02 a station manager overrides with a reason that is recorded; a clerk may not override', async () => {
    const a = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    const b = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    const base = { engineerId: h.t.engineer2.id, storeId: w.storeId, lines: [{ itemId: w.cable.id, quantity: 2 }] };
    expect((await borrow(h, w.clerk, { ...base, orderId: a })).status).toBe(200);
    const byClerk = await borrow(h, w.clerk, { ...base, orderId: b, override: { reason: 'urgent outage repair' } });
    expect(byClerk.status).toBe(403);
    const byManager = await borrow(h, w.manager, { ...base, orderId: b, override: { reason: '专线抢修，站长批准' } });
    expect(byManager.status, JSON.stringify(byManager.body)).toBe(200);
    expect(byManager.body.card).toMatchObject({ overrideReason: '专线抢修，站长批准' });
    expect(byManager.body.card.overrideBy).toBeTruthy();
  });

  it('PART-03 a station manager waives settlement with a reason; then the order completes', async () => {
    const id = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    expect(
      (
        await borrow(h, w.manager, {
          orderId: id,
          engineerId: h.t.engineer2.id,
          storeId: w.storeId,
          lines: [{ itemId: w.cable.id }],
          override: { reason: 'parts for two jobs' },
        })
      ).status,
    ).toBe(200);
    expect((await act(h, tk.engineer2, id, 'complete', completeBody())).body.code).toBe('PART_NOT_SETTLED');
    expect(
      (await call(h.app, w.clerk, 'POST', `/api/parts/orders/${id}/waiver`, { reason: 'customer keeps spare' })).status,
    ).toBe(403);
    const waived = await call(h.app, w.manager, 'POST', `/api/parts/orders/${id}/waiver`, {
      reason: 'customer keeps spare',
    });
    expect(waived.status, JSON.stringify(waived.body)).toBe(200);
    expect(waived.body.reason).toBe('customer keeps spare');
    expect((await act(h, tk.engineer2, id, 'complete', completeBody())).status).toBe(200);
    const view = await call(h.app, w.manager, 'GET', `/api/parts/orders/${id}/borrows`);
    expect(view.body).toMatchObject({ settled: false, waiver: { reason: 'customer keeps spare' } });
  });

  it('PART-02 a borrow with none in stock is refused and recorded; a faulty return never goes out again', async () => {
    const id = await orderOnSite(h, tk, tk.engineer2, h.t.engineer2.id);
    const none = await borrow(h, w.manager, {
      orderId: id,
      engineerId: h.t.engineer2.id,
      storeId: w.storeId,
      lines: [{ itemId: w.cable.id, quantity: 10_00 }],
      override: { reason: 'big job today' },
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('PART_OUT_OF_STOCK');
    const failures = await listBorrowFailures(h.database.db, h.t.tenant.id, w.storeId);
    expect(failures.at(-1)).toMatchObject({ orderId: id, itemId: w.cable.id, quantity: 1000 });

    const got = await borrow(h, w.manager, {
      orderId: id,
      engineerId: h.t.engineer2.id,
      storeId: w.storeId,
      lines: [{ itemId: w.onu.id }],
      override: { reason: 'replacement onu' },
    });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    const line = got.body.lines[0];
    const ret = await call(h.app, w.clerk, 'POST', `/api/parts/borrow-lines/${line.id}/return`, { faultTag: 'faulty' });
    expect(ret.status).toBe(200);
    const s = await stock();
    expect(qty(s, w.onu.id, 'faulty')).toBe(1);
    const again = await borrow(h, w.manager, {
      orderId: id,
      engineerId: h.t.engineer2.id,
      storeId: w.storeId,
      lines: [{ itemId: w.onu.id, unitId: line.unitId }],
      override: { reason: 'try faulty one' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PART_MOVEMENT_NOT_ALLOWED');
  });
});
