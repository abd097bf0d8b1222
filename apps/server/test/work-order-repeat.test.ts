import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOk,
  completeBody,
  createOrderVia,
  DAY,
  dispatchToPerson,
  getOrder,
  newPhone,
  policy,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

describe('repeat faults over HTTP (WO-12)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h?.close());

  /** Sessions last hours, the window is weeks: every jump in time logs everyone in afresh. */
  const later = async (ms: number): Promise<Tokens> => {
    h.clock.advance(ms);
    return tokensOf(h);
  };

  const customerOf = (phone: string) => ({ name: '周先生', phone, address: '学院路 5 号 1-101' });

  async function faultFor(tk: Tokens, phone: string, productNumber: string): Promise<Body> {
    return createOrderVia(h, tk.hotline, 'fault', { customer: customerOf(phone), productNumber });
  }

  async function fixed(tk: Tokens, order: Body): Promise<Body> {
    await dispatchToPerson(h, tk.coordinator, order.order.id, h.t.engineer.id);
    await actOk(h, tk.engineer, order.order.id, 'take');
    return actOk(h, tk.engineer, order.order.id, 'complete', completeBody());
  }

  it('WO-12 a second fault within the window of a completed one is flagged; after the window it is not', async () => {
    expect(policy.repeatFaultWindowDays).toBe(30);
    const phone = newPhone();
    const line = `BB-${randomUUID().slice(0, 6)}`;
    let tk = await tokensOf(h);
    const first = await faultFor(tk, phone, line);
    expect(first.order.repeatOfOrderId).toBeNull();
    // Reported again while the first is still open: a duplicate, not a repeat.
    const duplicate = await faultFor(tk, phone, line);
    expect(duplicate.order.repeatOfOrderId).toBeNull();
    await actOk(h, tk.hotline, duplicate.order.id, 'cancel', { reason: 'duplicate' });
    await fixed(tk, first);

    tk = await later(29 * DAY);
    const repeat = await faultFor(tk, phone, line);
    expect(repeat.order.repeatOfOrderId).toBe(first.order.id);
    expect(repeat.events[0].payload).toEqual({ repeatOfOrderId: first.order.id });
    expect((await getOrder(h, tk.coordinator, repeat.order.id)).order.repeatOfOrderId).toBe(first.order.id);
    // The product number is matched as people type it: case and spaces do not matter.
    const retyped = await faultFor(tk, phone, ` ${line.toLowerCase()} `);
    expect(retyped.order.repeatOfOrderId).toBe(first.order.id);

    tk = await later(2 * DAY); // 31 days after the first was fixed; the repeats are still open
    const outside = await faultFor(tk, phone, line);
    expect(outside.order.repeatOfOrderId).toBeNull();
  });

  it('WO-12 only the same customer and the same product count, and only faults are flagged', async () => {
    let tk = await tokensOf(h);
    const phone = newPhone();
    const line = `BB-${randomUUID().slice(0, 6)}`;
    const first = await faultFor(tk, phone, line);
    await fixed(tk, first);
    tk = await later(3 * DAY);
    expect((await faultFor(tk, phone, `${line}-TV`)).order.repeatOfOrderId).toBeNull();
    expect((await faultFor(tk, newPhone(), line)).order.repeatOfOrderId).toBeNull();
    const complaint = await createOrderVia(h, tk.hotline, 'complaint', {
      customer: customerOf(phone),
      productNumber: line,
    });
    expect(complaint.order.repeatOfOrderId).toBeNull();
    expect((await faultFor(tk, phone, line)).order.repeatOfOrderId).toBe(first.order.id);
  });

  it('WO-12 the window runs from when the fault was closed, and a reopened fault does not count', async () => {
    let tk = await tokensOf(h);
    const phone = newPhone();
    const line = `BB-${randomUUID().slice(0, 6)}`;
    const first = await faultFor(tk, phone, line);
    await fixed(tk, first);
    tk = await later(10 * DAY);
    await actOk(h, tk.coordinator, first.order.id, 'close', {});
    tk = await later(25 * DAY); // 35 days after completion, 25 after closing
    expect((await faultFor(tk, phone, line)).order.repeatOfOrderId).toBe(first.order.id);

    await actOk(h, tk.coordinator, first.order.id, 'reopen', { reason: 'customer says it never worked' });
    expect((await faultFor(tk, phone, line)).order.repeatOfOrderId).toBeNull();
  });

  it('WO-12 WO-08 a fault raised from an unresolved complaint is flagged as a repeat of a recent fix', async () => {
    let tk = await tokensOf(h);
    const phone = newPhone();
    const line = `BB-${randomUUID().slice(0, 6)}`;
    const first = await faultFor(tk, phone, line);
    await fixed(tk, first);
    tk = await later(7 * DAY);
    const complaint = await createOrderVia(h, tk.hotline, 'complaint', {
      customer: customerOf(phone),
      productNumber: line,
    });
    await dispatchToPerson(h, tk.coordinator, complaint.order.id, h.t.engineer.id);
    await actOk(h, tk.engineer, complaint.order.id, 'take');
    await actOk(
      h,
      tk.engineer,
      complaint.order.id,
      'complete',
      completeBody({ kind: 'unresolved_to_fault', steps: 'x' }),
    );
    const detail = await getOrder(h, tk.coordinator, complaint.order.id);
    expect(detail.linked).toHaveLength(1);
    expect(detail.linked[0]).toMatchObject({
      type: 'fault',
      parentOrderId: complaint.order.id,
      repeatOfOrderId: first.order.id,
    });
    const fault = await getOrder(h, tk.coordinator, detail.linked[0].id);
    expect(fault.events[0].payload).toMatchObject({
      fromComplaintId: complaint.order.id,
      repeatOfOrderId: first.order.id,
    });
  });
});
