import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerMismatches } from '@daowei/db';
import { createTestPerson } from '@daowei/db/testing';
import { startHarness, tokensOf, type Harness, type Tokens } from './harness.js';
import { borrow, orderOnSite, partsWorld, receive, type PartsWorld } from './parts-setup.js';

/**
 * PART-01 "two clerks issue the last unit at once → exactly one wins". On PostgreSQL the two requests
 * run truly in parallel on separate pool connections; the row locks on the balance row and the unit row
 * (SELECT … FOR UPDATE / SKIP LOCKED) make the second see what the first left. PGlite serialises.
 */
describe('parts concurrency (PART-01)', () => {
  let h: Harness;
  let tk: Tokens;
  let w: PartsWorld;
  let clerk2: string;
  beforeAll(async () => {
    h = await startHarness({ poolSize: 10 });
    tk = await tokensOf(h);
    w = await partsWorld(h, tk);
    const p = await createTestPerson(h.database.db, h.t.tenant.id, {
      name: 'clerk2',
      unitId: h.t.units.station.id,
      positions: ['parts_clerk'],
      suffix: h.t.suffix,
    });
    clerk2 = await h.tokenFor(p);
  });
  afterAll(async () => {
    if (h) expect(await ledgerMismatches(h.database.db, h.t.tenant.id)).toEqual([]);
    await h?.close();
  });

  let n = 0;
  /** A fresh engineer with an order on site, so no earlier borrow of theirs blocks (PART-02). */
  async function engineerWithOrder() {
    n += 1;
    const person = await createTestPerson(h.database.db, h.t.tenant.id, {
      name: `racer${n}`,
      unitId: h.t.units.team.id,
      positions: ['onsite_engineer'],
      suffix: h.t.suffix,
    });
    const token = await h.tokenFor(person);
    return { id: person.id, orderId: await orderOnSite(h, tk, token, person.id) };
  }

  /** Two clerks, two engineers, two orders, one request each at the same moment. */
  async function race(line: Record<string, unknown>) {
    const [e1, e2] = await Promise.all([engineerWithOrder(), engineerWithOrder()]);
    const answers = await Promise.all([
      borrow(h, w.clerk, { orderId: e1.orderId, engineerId: e1.id, storeId: w.storeId, lines: [line] }),
      borrow(h, clerk2, { orderId: e2.orderId, engineerId: e2.id, storeId: w.storeId, lines: [line] }),
    ]);
    return answers.map((a) => `${a.status}${a.status === 200 ? '' : ` ${a.body.code}`}`).sort();
  }

  it('PART-01 the last bulk unit issued by two clerks at once: exactly one 200, one 409 PART_OUT_OF_STOCK', async () => {
    await receive(h, w, { itemId: w.cable.id, quantity: 1 });
    expect(await race({ itemId: w.cable.id, quantity: 1 })).toEqual(['200', '409 PART_OUT_OF_STOCK']);
  });

  it('PART-01 the last serialised unit issued by two clerks at once: exactly one wins, by pick or by serial', async () => {
    // "Any ONU": the pick skips a unit another clerk holds locked (SKIP LOCKED), so the second finds none.
    await receive(h, w, { itemId: w.onu.id, units: [{ serial: `RACE-${h.t.suffix}` }] });
    expect(await race({ itemId: w.onu.id })).toEqual(['200', '409 PART_OUT_OF_STOCK']);
    // The same unit named by both: FOR UPDATE on the unit row; the second finds it in the other van.
    const r = await receive(h, w, { itemId: w.onu.id, units: [{ serial: `RACE2-${h.t.suffix}` }] });
    const unitId = r.received[0].unitId as string;
    expect(await race({ itemId: w.onu.id, unitId })).toEqual(['200', '409 PART_UNIT_ELSEWHERE']);
  });
});
