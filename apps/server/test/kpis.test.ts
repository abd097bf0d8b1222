import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '@daowei/domain';
import {
  actOk,
  call,
  dispatchToPerson,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
  diagnoseOk,
} from './harness.js';
import { addCallbackAgent, completeOk, dissatisfied, openTaskOf, takenOrder } from './callback-setup.js';

/**
 * KPI-01 through the API on a small fixture of one tenant, every expected figure computed by hand.
 * Period: the week of Monday 2026-11-23 in Beijing, [2026-11-22T16:00Z, 2026-11-29T16:00Z); asked on
 * Saturday 2026-11-28 10:00Z.
 *
 * Installs (3-day limit, same local time):
 *   A accepted 11-23 02:00Z, completed 11-24 02:00Z → within       ✓
 *   B accepted 11-23 03:00Z, completed 11-27 03:00Z → 4 days       ✗
 *   C accepted 11-23 04:00Z, open, deadline 11-26 04:00Z passed    ✗
 *   → install_within_days_rate = 1 / 3
 * Faults (accepted 11-23 05:00Z):
 *   F1 arrive → complete                                 first-time fix ✓
 *   F2 arrive → complete → dissatisfied callback reopens → arrive → complete   ✗
 *   F3 completed without an arrival (no visit recorded)  left out
 *   → first_time_fix_rate = 1 / 2
 * Callbacks owed by orders completed in the period: A, B, F1, F2 (its second one), F3;
 *   done: A (satisfied), F1 (very satisfied) → callback_completion_rate = 2 / 5; satisfaction 2 / 2.
 */
let h: Harness;
let tk: Tokens;
let agent: Person;
let cb: string;
const o: Record<string, string> = {};
const FROM = '2026-11-22T16:00:00Z';
const TO = '2026-11-29T16:00:00Z';

async function at(iso: string): Promise<void> {
  h.clock.set(iso);
  tk = await tokensOf(h);
  cb = await h.tokenFor(agent);
}

async function visitAndComplete(id: string) {
  await actOk(h, tk.engineer, id, 'depart');
  await actOk(h, tk.engineer, id, 'arrive');
  await diagnoseOk(h, tk.engineer, id); // ENG-05
  await completeOk(h, tk.engineer, id);
}

async function answer(orderId: string, body: Body) {
  const task = await openTaskOf(h, cb, orderId);
  const res = await call(h.app, cb, 'POST', `/api/callbacks/${task.id}/outcome`, body);
  if (res.status !== 200) throw new Error(`outcome: ${res.status} ${JSON.stringify(res.body)}`);
}

beforeAll(async () => {
  h = await startHarness();
  agent = await addCallbackAgent(h);
  await at('2026-11-23T02:00:00Z');
  o.A = await takenOrder(h, tk, 'install');
  await at('2026-11-23T03:00:00Z');
  o.B = await takenOrder(h, tk, 'install');
  await at('2026-11-23T04:00:00Z');
  o.C = await takenOrder(h, tk, 'install');
  await at('2026-11-23T05:00:00Z');
  for (const k of ['F1', 'F2', 'F3']) o[k] = await takenOrder(h, tk, 'fault');
  await at('2026-11-23T06:00:00Z');
  await visitAndComplete(o.F1!);
  await visitAndComplete(o.F2!);
  await completeOk(h, tk.engineer, o.F3!);
  await at('2026-11-24T02:00:00Z');
  await completeOk(h, tk.engineer, o.A!);
  await at('2026-11-24T03:00:00Z');
  await answer(o.A!, { satisfaction: 'satisfied' });
  await answer(o.F1!, { satisfaction: 'very_satisfied' });
  await answer(o.F2!, dissatisfied(h.t.coordinator.id));
  await at('2026-11-24T04:00:00Z');
  await dispatchToPerson(h, tk.coordinator, o.F2!, h.t.engineer.id);
  await actOk(h, tk.engineer, o.F2!, 'take');
  await visitAndComplete(o.F2!);
  await at('2026-11-27T03:00:00Z');
  await completeOk(h, tk.engineer, o.B!);
  await at('2026-11-28T10:00:00Z');
});
afterAll(async () => h?.close());

async function kpis(query: Record<string, string>) {
  const res = await call(h.app, tk.coordinator, 'GET', `/api/kpis?${new URLSearchParams(query)}`);
  if (res.status !== 200) throw new Error(`kpis: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const kpi = (body: Body, key: string): Body => body.kpis.find((k: Body) => k.key === key);
const sorted = (ids: string[]) => [...ids].sort();

describe('KPI-01 on stored orders', () => {
  it('KPI-01 install-within-3-days rate = 1/3, drilling down to A, B and C', async () => {
    const body = await kpis({ from: FROM, to: TO });
    expect(body.asOf).toBe('2026-11-28T10:00:00.000Z');
    const v = kpi(body, 'install_within_days_rate');
    expect(v).toMatchObject({ numerator: 1, denominator: 3, unit: 'ratio', ruleIds: ['KPI-01'] });
    expect(v.value).toBeCloseTo(1 / 3, 12);
    // Whole local days: read from the day pre-aggregates; the orders come from the drill-down.
    expect(v.source).toBe('daily');
    const drill = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/kpis/orders?${new URLSearchParams({ from: FROM, to: TO, key: 'install_within_days_rate' })}`,
    );
    expect(sorted(drill.body.items.map((i: Body) => i.id))).toEqual(sorted([o.A!, o.B!, o.C!]));
  });

  it('KPI-01 fault figures (day pre-aggregates): average (1 + 23 + 1) h / 3, 24 h resolution 3/3, repeats 0/3', async () => {
    // F1 and F3 completed 1 h after acceptance; F2 reopened by its callback and completed again on
    // 11-24 04:00Z, 23 h after acceptance (its last completion counts).
    const body = await kpis({ from: FROM, to: TO });
    const avg = kpi(body, 'average_fault_duration_hours');
    expect(avg).toMatchObject({ source: 'daily', numerator: 25, denominator: 3, unit: 'hours' });
    expect(avg.value).toBeCloseTo(25 / 3, 9);
    expect(kpi(body, 'fault_resolved_within_hours_rate')).toMatchObject({ value: 1, numerator: 3, denominator: 3 });
    expect(kpi(body, 'repeat_fault_rate')).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
    // Reschedules by us: F1 and F2 were visited (on-site), none rescheduled → 0 over 2.
    expect(kpi(body, 'reschedules_by_us')).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
  });

  it('KPI-01 first-time-fix rate = 1/2: a fault reopened by its callback is not fixed the first time', async () => {
    const v = kpi(await kpis({ from: FROM, to: TO }), 'first_time_fix_rate');
    expect(v).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, source: 'daily' });
  });

  it('KPI-01 callback completion rate = 2/5 and satisfaction 2/2', async () => {
    const body = await kpis({ from: FROM, to: TO });
    const v = kpi(body, 'callback_completion_rate');
    expect(v).toMatchObject({ value: 0.4, numerator: 2, denominator: 5, source: 'daily' });
    const drill = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/kpis/orders?${new URLSearchParams({ from: FROM, to: TO, key: 'callback_completion_rate' })}`,
    );
    expect(sorted(drill.body.items.map((i: Body) => i.id))).toEqual(sorted([o.A!, o.B!, o.F1!, o.F2!, o.F3!]));
    expect(kpi(body, 'satisfaction_rate')).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
  });

  it('KPI-01 every indicator has its data source now: none is reported as not yet measured', async () => {
    const body = await kpis({ from: FROM, to: TO });
    expect(body.notYetMeasured).toEqual([]);
    expect(body.kpis.every((k: Body) => k.source === 'daily')).toBe(true);
    // No complaint in the week: 万投比 is 0 over the tenant's customers (its denominator).
    expect(kpi(body, 'complaints_per_users')).toMatchObject({ numerator: 0 });
    // No part was borrowed for these orders: the parts hit rate has nothing to judge.
    expect(kpi(body, 'parts_hit_rate')).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('KPI-01 by day and by engineer the parts add up to the whole', async () => {
    const byDay = await kpis({ from: FROM, to: TO, groupBy: 'day' });
    expect(byDay.groups).toHaveLength(7);
    const installs = byDay.groups.map((g: Body) => kpi(g, 'install_within_days_rate'));
    expect(installs.reduce((s: number, v: Body) => s + v.denominator, 0)).toBe(3);
    expect(byDay.groups[0].key).toBe('2026-11-23');
    const byEngineer = await kpis({ from: FROM, to: TO, groupBy: 'engineer', engineerId: h.t.engineer.id });
    const mine = kpi(await kpis({ from: FROM, to: TO, engineerId: h.t.engineer.id }), 'callback_completion_rate');
    expect(byEngineer.groups.map((g: Body) => g.key)).toEqual([h.t.engineer.id]);
    expect(kpi(byEngineer.groups[0], 'callback_completion_rate')).toMatchObject({
      numerator: mine.numerator,
      denominator: mine.denominator,
    });
  });

  it('KPI-01 the dashboard reads its trend and ranking in one answer, equal to separate reads', async () => {
    // Whole local days (day pre-aggregates) and a period cut mid-day (computed directly).
    for (const [from, to] of [
      [FROM, TO],
      ['2026-11-23T03:00:00Z', TO],
    ] as const) {
      const one = await kpis({ from, to, groupBy: 'day', breakdowns: 'engineer,station' });
      const byDay = await kpis({ from, to, groupBy: 'day' });
      const byEngineer = await kpis({ from, to, groupBy: 'engineer' });
      const byStation = await kpis({ from, to, groupBy: 'station' });
      const whole = await kpis({ from, to });
      const figures = (list: Body[]) => list.map((k: Body) => [k.key, k.numerator, k.denominator]);
      const groups = (g: Body[]) => g.map((x: Body) => [x.key, figures(x.kpis)]);
      expect(figures(one.kpis)).toEqual(figures(whole.kpis));
      expect(groups(one.groups)).toEqual(groups(byDay.groups));
      expect(groups(one.breakdowns.engineer)).toEqual(groups(byEngineer.groups));
      expect(groups(one.breakdowns.station)).toEqual(groups(byStation.groups));
      // The installs are in the engineer ranking (all three of the fixture's on whole days), not an empty answer.
      const installs = one.breakdowns.engineer.map((g: Body) => kpi(g, 'install_within_days_rate').denominator);
      const total = installs.reduce((a: number, b: number) => a + b, 0);
      expect(total).toBe(kpi(whole, 'install_within_days_rate').denominator);
      expect(total).toBe(from === FROM ? 3 : 2);
    }
    const bad = await call(h.app, tk.coordinator, 'GET', `/api/kpis?from=${FROM}&to=${TO}&breakdowns=day,weather`);
    expect(bad.status).toBe(400);
  });

  it('KPI-01 drill-down lists the orders behind a figure, as the order list shows them', async () => {
    const res = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/kpis/orders?${new URLSearchParams({ from: FROM, to: TO, key: 'first_time_fix_rate' })}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'first_time_fix_rate', value: 0.5, numerator: 1, denominator: 2, total: 2 });
    expect(sorted(res.body.items.map((i: Body) => i.id))).toEqual(sorted([o.F1!, o.F2!]));
    expect(res.body.items[0]).toHaveProperty('number');
  });

  it('KPI-01 drill-down into one day of the trend reaches the installs accepted that day', async () => {
    const q = { from: FROM, to: TO, key: 'install_within_days_rate', groupBy: 'day', groupKey: '2026-11-23' };
    const res = await call(h.app, tk.coordinator, 'GET', `/api/kpis/orders?${new URLSearchParams(q)}`);
    expect(res.status).toBe(200);
    expect(sorted(res.body.items.map((i: Body) => i.id))).toEqual(sorted([o.A!, o.B!, o.C!]));
    const other = await call(
      h.app,
      tk.coordinator,
      'GET',
      `/api/kpis/orders?${new URLSearchParams({ ...q, groupKey: '2026-11-25' })}`,
    );
    expect(other.body.items).toEqual([]);
  });

  it('KPI-01 an empty or reversed period is refused; engineers cannot read KPIs', async () => {
    const bad = await call(h.app, tk.coordinator, 'GET', `/api/kpis?from=${TO}&to=${FROM}`);
    expect(bad.status).toBe(400);
    const eng = await call(h.app, tk.engineer, 'GET', `/api/kpis?from=${FROM}&to=${TO}`);
    expect(eng.status).toBe(403);
  });
});
