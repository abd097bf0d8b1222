import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actOk,
  call,
  completeBody,
  createOrderVia,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/**
 * SLA-02/03/04/09 through the API: clocks start with the order, follow its lifecycle and explain
 * themselves. The harness clock starts Monday 2026-11-23 10:00 Beijing (02:00Z); every deadline here is
 * computed from the FakeClock, never from real time.
 */
let h: Harness;
let tk: Tokens;

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

/** Moves the server clock and logs everyone in again (idle sessions expire as the clock jumps, SEC-03). */
async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
}

async function clocksOf(token: string, orderId: string): Promise<Body[]> {
  const res = await call(h.app, token, 'GET', `/api/work-orders/${orderId}/clocks`);
  expect(res.status).toBe(200);
  return res.body.items;
}

const clockOfKind = (items: Body[], kind: string): Body => {
  const c = items.find((i) => i.kind === kind);
  if (!c) throw new Error(`no ${kind} clock in ${items.map((i) => i.kind).join(', ')}`);
  return c;
};

describe('SLA clocks of an order', () => {
  it('SLA-04 a fault reported at exactly 18:00 is due 09:00 the next working day, with the explanation', async () => {
    await at('2026-11-23T10:00:00Z'); // Monday 18:00 Beijing
    const order = await createOrderVia(h, tk.hotline, 'fault');
    const [clock, ...others] = await clocksOf(tk.coordinator, order.order.id);
    expect(others).toEqual([]);
    expect(clock).toMatchObject({
      kind: 'fault_repair',
      ruleId: 'SLA-04',
      state: 'running',
      startedAt: '2026-11-23T10:00:00.000Z',
      dueAt: '2026-11-24T01:00:00.000Z', // Tuesday 09:00 Beijing
      msLeft: 15 * 3_600_000,
      provisional: false,
      pausedIntervals: [],
      flagged: false,
      policy: { id: 'sla-default', version: 1 },
    });
    const cutoff = clock.explain.steps.find((s: Body) => s.code === 'cutoff');
    expect(cutoff.params).toMatchObject({ cutoff: '18:00', before: false });
    expect(clock.explain.text['zh-CN'].join('\n')).toContain('09:00');
    expect(clock.explain.text.en.join('\n')).toContain('cut-off');
  });

  it('SLA-04 a fault on a Friday evening is due Monday 09:00', async () => {
    await at('2026-11-27T11:30:00Z'); // Friday 19:30 Beijing
    const order = await createOrderVia(h, tk.hotline, 'fault');
    const clock = clockOfKind(await clocksOf(tk.coordinator, order.order.id), 'fault_repair');
    expect(clock.dueAt).toBe('2026-11-30T01:00:00.000Z');
  });

  it('SLA-03 an install gets the 3-day completion clock and the 7-day spot-check clock', async () => {
    await at('2026-11-23T02:00:00Z');
    const order = await createOrderVia(h, tk.hotline, 'install');
    const items = await clocksOf(tk.coordinator, order.order.id);
    expect(clockOfKind(items, 'install_complete')).toMatchObject({
      ruleId: 'SLA-03',
      dueAt: '2026-11-26T02:00:00.000Z',
      warnAt: new Date(Date.parse('2026-11-23T02:00:00Z') + 0.8 * 72 * 3_600_000).toISOString(),
    });
    expect(clockOfKind(items, 'install_spot_check').dueAt).toBe('2026-11-30T02:00:00.000Z');
  });

  it('SLA-09 waiting on the customer pauses the clock visibly, resuming moves the deadline, completion stops it', async () => {
    await at('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing: due 24:00 the same day
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    await actOk(h, tk.coordinator, order.id, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await actOk(h, tk.engineer, order.id, 'take');
    const before = clockOfKind(await clocksOf(tk.engineer, order.id), 'fault_repair');
    expect(before.dueAt).toBe('2026-11-23T16:00:00.000Z');

    await at('2026-11-23T04:00:00Z');
    await actOk(h, tk.engineer, order.id, 'suspend', { reason: 'waiting_customer', remark: 'customer away' });
    await at('2026-11-23T07:00:00Z');
    const paused = clockOfKind(await clocksOf(tk.engineer, order.id), 'fault_repair');
    expect(paused).toMatchObject({
      state: 'paused',
      pausedIntervals: [{ from: '2026-11-23T04:00:00.000Z', to: null, reason: 'waiting_customer' }],
      msLeft: 12 * 3_600_000, // 14 h allowed, 2 h used before the pause
    });
    expect(paused.explain.steps.map((s: Body) => s.code)).toContain('paused');

    await actOk(h, tk.coordinator, order.id, 'resume', { remark: 'customer back' });
    const resumed = clockOfKind(await clocksOf(tk.engineer, order.id), 'fault_repair');
    expect(resumed).toMatchObject({
      state: 'running',
      dueAt: '2026-11-23T19:00:00.000Z', // three paused hours later
      pausedIntervals: [{ from: '2026-11-23T04:00:00.000Z', to: '2026-11-23T07:00:00.000Z' }],
    });

    await at('2026-11-23T08:00:00Z');
    await actOk(h, tk.engineer, order.id, 'complete', completeBody());
    await at('2026-11-24T08:00:00Z'); // long after the deadline: a stopped clock stays met
    const stopped = clockOfKind(await clocksOf(tk.engineer, order.id), 'fault_repair');
    expect(stopped).toMatchObject({ state: 'met', stoppedAt: '2026-11-23T08:00:00.000Z', stopReason: 'completed' });
  });

  it('SLA-09 a suspension the rule does not pause for leaves the clock running', async () => {
    await at('2026-11-23T02:00:00Z');
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    await actOk(h, tk.coordinator, order.id, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await actOk(h, tk.engineer, order.id, 'take');
    await actOk(h, tk.engineer, order.id, 'suspend', { reason: 'waiting_parts', remark: 'ONU' });
    const clock = clockOfKind(await clocksOf(tk.engineer, order.id), 'fault_repair');
    expect(clock.state).toBe('running');
    expect(clock.explain.steps.map((s: Body) => s.code)).toContain('pause_not_allowed');
  });

  it('SLA-04 a later window chosen by the customer moves the fault deadline to its end', async () => {
    await at('2026-11-23T02:00:00Z');
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    await actOk(h, tk.coordinator, order.id, 'dispatch', { toPersonId: h.t.engineer.id, remark: '' });
    await actOk(h, tk.engineer, order.id, 'take');
    const window = { start: '2026-11-23T02:30:00Z', end: '2026-11-23T04:30:00Z' };
    await actOk(h, tk.engineer, order.id, 'confirm_appointment', { window });
    const later = { start: '2026-11-24T06:00:00Z', end: '2026-11-24T08:00:00Z' };
    await actOk(h, tk.engineer, order.id, 'reschedule', {
      reason: 'customer away',
      window: later,
      askedBy: 'customer',
    });
    const items = await clocksOf(tk.engineer, order.id);
    expect(clockOfKind(items, 'fault_repair').dueAt).toBe('2026-11-24T08:00:00.000Z');
    // SLA-07: the arrive-early clock started with the agreed window and follows the new one.
    expect(clockOfKind(items, 'arrive_early').dueAt).toBe('2026-11-24T05:55:00.000Z');
  });

  it('SEC-02 another order’s clocks answer like a missing order for an engineer who does not hold it', async () => {
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    const res = await call(h.app, tk.engineer2, 'GET', `/api/work-orders/${order.id}/clocks`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});
