import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  dispatchToPerson,
  MINUTE,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/** SLA-05 service-office promises on orders the desk opens: persisted clocks through HTTP. */
let h: Harness;
let tk: Tokens;
beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

async function intake(over: Record<string, unknown> = {}, type: 'fault' | 'carry_in' = 'fault') {
  const { type: _t, ...order } = orderBody(h, type);
  const res = await call(h.app, tk.hotline, 'POST', '/api/desk/intakes', {
    callerPhone: newPhone(),
    requestKind: 'fault',
    symptom: type === 'carry_in' ? 'hardware' : 'no_service',
    devicePortable: type === 'carry_in',
    description: '家里宽带从早上开始断了',
    mode: type === 'carry_in' ? 'carry_in' : 'on_site',
    order,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.order.id as string;
}

const clocksOf = async (id: string) =>
  Object.fromEntries(
    ((await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${id}/clocks`)).body.items as Body[]).map((c) => [
      c.kind as string,
      c,
    ]),
  );
const minutesAfterNow = (iso: string) => (new Date(iso).getTime() - h.clock.now().getTime()) / MINUTE;
const logCall = (id: string, outcome: string) =>
  call(h.app, tk.coordinator, 'POST', `/api/work-orders/${id}/appointment-calls`, { outcome });

describe('SLA-05 desk promises on intake', () => {
  it('SLA-05 an on-site order taken on the hotline gets the 30-min hand-off and the 2-h first-contact clocks', async () => {
    const id = await intake();
    const clocks = await clocksOf(id);
    expect(clocks.hotline_handoff).toMatchObject({ ruleId: 'SLA-05', state: 'running', stoppedAt: null });
    expect(minutesAfterNow(clocks.hotline_handoff!.dueAt)).toBe(30);
    expect(clocks.first_contact).toMatchObject({ ruleId: 'SLA-05', state: 'running' });
    expect(minutesAfterNow(clocks.first_contact!.dueAt)).toBe(120);
    // The order's own promise (SLA-04 fault repair) runs beside them.
    expect(clocks.fault_repair).toBeDefined();
  });

  it('SLA-05 the coordinator taking it up stops the hand-off; only a call that reached the customer stops first contact', async () => {
    const id = await intake();
    h.clock.advance(12 * MINUTE);
    await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
    let clocks = await clocksOf(id);
    expect(clocks.hotline_handoff!.stoppedAt).toBe(h.clock.now().toISOString());
    expect(clocks.hotline_handoff!.state).not.toBe('breached');
    expect(clocks.first_contact!.stoppedAt).toBeNull();

    h.clock.advance(20 * MINUTE);
    expect((await logCall(id, 'no_answer')).status).toBe(200);
    expect((await clocksOf(id)).first_contact!.stoppedAt).toBeNull();

    h.clock.advance(10 * MINUTE);
    const reached = await logCall(id, 'reached');
    expect(reached.status, JSON.stringify(reached.body)).toBe(200);
    clocks = await clocksOf(id);
    expect(clocks.first_contact!.stoppedAt).toBe(h.clock.now().toISOString());
    expect(clocks.first_contact!.state).not.toBe('breached');
  });

  it('SLA-05 nobody takes the order up: the hand-off clock is breached after 30 min, first contact after 2 h', async () => {
    const id = await intake();
    h.clock.advance(31 * MINUTE);
    let clocks = await clocksOf(id);
    expect(clocks.hotline_handoff!.state).toBe('breached');
    expect(clocks.first_contact!.state).not.toBe('breached');
    h.clock.advance(90 * MINUTE);
    clocks = await clocksOf(id);
    expect(clocks.first_contact!.state).toBe('breached');
  });

  it('SLA-05 a walk-in is the office’s own: first contact runs, no hotline hand-off; a carry-in device gets neither', async () => {
    const walkIn = await intake({ channel: 'walk_in' });
    const clocks = await clocksOf(walkIn);
    expect(clocks.first_contact).toBeDefined();
    expect(clocks.hotline_handoff).toBeUndefined();

    const carried = await intake({}, 'carry_in');
    const carryClocks = await clocksOf(carried);
    expect(carryClocks.hotline_handoff).toBeUndefined();
    expect(carryClocks.first_contact).toBeUndefined();
    expect(carryClocks.carry_in_repair).toBeDefined();
  });
});
