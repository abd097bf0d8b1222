import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createOrderVia, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';

/**
 * SLA-09 / SLA-04 coordinators' view: which clocks are in warning or breached is computed at read time
 * from the stored instants and the server clock (here a FakeClock set past them), and an overdue clock
 * without a reason note is flagged until someone writes one.
 */
let h: Harness;
let tk: Tokens;
let faultOrderId: string;
let installOrderId: string;

beforeAll(async () => {
  h = await startHarness();
  tk = await tokensOf(h);
  await at('2026-11-23T02:00:00Z'); // Monday 10:00 Beijing
  faultOrderId = (await createOrderVia(h, tk.hotline, 'fault')).order.id; // due 24:00 Beijing (16:00Z)
  installOrderId = (await createOrderVia(h, tk.hotline, 'install')).order.id; // due 11-26 02:00Z, warns 11-25 11:36Z
  await at('2026-11-25T12:00:00Z');
});
afterAll(async () => h?.close());

/** Moves the server clock and logs everyone in again (idle sessions expire as the clock jumps, SEC-03). */
async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
}

async function atRisk(token: string, query: Record<string, string> = {}) {
  const res = await call(h.app, token, 'GET', `/api/sla/at-risk?${new URLSearchParams(query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Body[]; nextCursor: string | null };
}

const summary = (items: Body[]) =>
  items.map(
    (i) => `${i.order.id === faultOrderId ? 'fault' : i.order.id === installOrderId ? 'install' : 'other'}:${i.kind}`,
  );

describe('SLA at-risk view', () => {
  it('SLA-09 lists a breached and a warned clock, earliest due first, with the state computed now', async () => {
    const all = await atRisk(tk.coordinator);
    expect(summary(all.items)).toEqual(['fault:fault_repair', 'install:install_complete']);
    const [fault, install] = all.items;
    expect(fault).toMatchObject({ state: 'breached', flagged: true, order: { id: faultOrderId, type: 'fault' } });
    expect(fault.msLeft).toBeLessThan(0);
    expect(install).toMatchObject({ state: 'warning', flagged: false, dueAt: '2026-11-26T02:00:00.000Z' });

    expect(summary((await atRisk(tk.coordinator, { state: 'warning' })).items)).toEqual(['install:install_complete']);
    expect(summary((await atRisk(tk.coordinator, { state: 'breached' })).items)).toEqual(['fault:fault_repair']);
    expect((await atRisk(tk.coordinator, { type: 'install' })).items).toHaveLength(1);
  });

  it('SLA-09 filters by clock kind and by the order’s area', async () => {
    expect(summary((await atRisk(tk.coordinator, { kind: 'fault_repair' })).items)).toEqual(['fault:fault_repair']);
    expect(summary((await atRisk(tk.coordinator, { areaId: h.t.area.id })).items)).toEqual([
      'fault:fault_repair',
      'install:install_complete',
    ]);
    expect((await atRisk(tk.coordinator, { areaId: '00000000-0000-4000-8000-000000000000' })).items).toEqual([]);
    const bad = await call(h.app, tk.coordinator, 'GET', '/api/sla/at-risk?kind=Fault-Repair');
    expect(bad.status).toBe(400);
  });

  it('SLA-09 pages with a cursor', async () => {
    const first = await atRisk(tk.coordinator, { limit: '1' });
    expect(summary(first.items)).toEqual(['fault:fault_repair']);
    expect(first.nextCursor).toBeTruthy();
    const second = await atRisk(tk.coordinator, { limit: '1', cursor: first.nextCursor! });
    expect(summary(second.items)).toEqual(['install:install_complete']);
    expect(second.nextCursor).toBeNull();
    const forged = await call(h.app, tk.coordinator, 'GET', '/api/sla/at-risk?cursor=bm9wZQ');
    expect(forged.status).toBe(400);
  });

  it('SLA-04 an overdue reason clears the flag', async () => {
    const fault = (await atRisk(tk.coordinator, { state: 'breached' })).items[0];
    const url = `/api/work-orders/${faultOrderId}/clocks/${fault.id}/overdue-reason`;
    const blank = await call(h.app, tk.coordinator, 'PUT', url, { reason: '  ' });
    expect(blank.status).toBe(400);
    const res = await call(h.app, tk.coordinator, 'PUT', url, { reason: '用户家中无人，已约次日' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'breached', flagged: false, overdueReason: '用户家中无人，已约次日' });
    const again = (await atRisk(tk.coordinator, { state: 'breached' })).items[0];
    expect(again).toMatchObject({ id: fault.id, flagged: false });
  });

  it('SLA-04 a clock id that is not the order’s is not found', async () => {
    const install = (await atRisk(tk.coordinator, { state: 'warning' })).items[0];
    const res = await call(
      h.app,
      tk.coordinator,
      'PUT',
      `/api/work-orders/${faultOrderId}/clocks/${install.id}/overdue-reason`,
      {
        reason: 'x',
      },
    );
    expect(res.status).toBe(404);
  });

  it('SEC-01 engineers do not use the at-risk view', async () => {
    const res = await call(h.app, tk.engineer, 'GET', '/api/sla/at-risk');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});
