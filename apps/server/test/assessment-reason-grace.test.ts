import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClocksOfOrder } from '@daowei/db';
import { createAssessmentService } from '../src/features/assessment/assessment.service.js';
import { createSlaService } from '../src/features/sla/sla.service.js';
import {
  call,
  createOrderVia,
  policy,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';

/**
 * SLA-04 with VND-01: a late fault counts against the vendor only when nobody noted why. The scheduled
 * sweep gives the coordinator a grace (24 h by default, breach-source data) before it charges a late
 * fault, so a reason noted the morning after still counts; an install over 3 days has no such excuse and
 * is charged by the next sweep; the operator's own sweep (the month's close) does not wait.
 */
let h: Harness;
let tk: Tokens;
const o = { install: '', excused: '', unexplained: '', alsoLate: '' };
const MONTH = '2026-11';

async function at(iso: string) {
  h.clock.set(iso);
  tk = await tokensOf(h);
}
const sweeper = () => createAssessmentService({ db: h.database.db, clock: h.clock });
async function charged(): Promise<Map<string, Body>> {
  const res = await call(h.app, tk.admin, 'GET', `/api/assessment/cases?month=${MONTH}`);
  expect(res.status).toBe(200);
  return new Map(res.body.items.map((c: Body) => [c.orderId, c]));
}

beforeAll(async () => {
  h = await startHarness();
  await at('2026-11-23T02:00:00Z');
  o.install = (await createOrderVia(h, tk.hotline, 'install')).order.id;
  o.excused = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
  o.unexplained = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
  o.alsoLate = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
  // 11-27 11:00 Beijing: every clock is past due; the breaches are recorded now.
  await at('2026-11-27T03:00:00Z');
  const sla = createSlaService({ db: h.database.db, clock: h.clock, policy });
  for (const id of Object.values(o)) {
    for (const c of await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, id)) {
      await sla.fireBreach({ tenantId: h.t.tenant.id, clockId: c.id });
    }
  }
});
afterAll(async () => h?.close());

describe('SLA-04 VND-01 a late fault may be explained before it is charged', () => {
  it('SLA-04 VND-01 the scheduled sweep charges the late install at once and leaves the late faults for their grace', async () => {
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 1 });
    const cases = await charged();
    expect([...cases.keys()]).toEqual([o.install]);
    expect(cases.get(o.install)!.event).toBe('install_overdue');
  });

  it('SLA-04 VND-01 a reason noted the next morning excuses the fault; the unexplained one is charged 200/100 after 24 h', async () => {
    await at('2026-11-28T01:00:00Z'); // 09:00 Beijing, 22 h after the breach: still inside the grace
    const [clock] = await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, o.excused);
    const noted = await call(
      h.app,
      tk.coordinator,
      'PUT',
      `/api/work-orders/${o.excused}/clocks/${clock!.id}/overdue-reason`,
      { reason: '小区停电，用户家中无法测试' },
    );
    expect(noted.status).toBe(200);
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });

    await at('2026-11-28T03:00:01Z'); // 24 h and a second after the breach
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 2 });
    const cases = await charged();
    expect(cases.has(o.excused)).toBe(false);
    const late = cases.get(o.unexplained)!;
    expect(late.event).toBe('fault_overdue_without_reason');
    expect(late.lines.map((l: Body) => [l.party, l.amountFen])).toEqual([
      ['vendor', 20_000],
      ['person', 10_000],
    ]);
    // The excused breach is settled for good: a later reason or sweep does not turn it into a charge.
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
  });

  it('SLA-04 VND-01 the operator’s sweep charges an unexplained late fault without waiting for the grace', async () => {
    await at('2026-11-28T04:00:00Z');
    const late = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
    await at('2026-11-30T12:00:00Z'); // Monday 20:00 Beijing: past due whatever the weekend rule
    const sla = createSlaService({ db: h.database.db, clock: h.clock, policy });
    for (const c of await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, late)) {
      await sla.fireBreach({ tenantId: h.t.tenant.id, clockId: c.id });
    }
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
    const swept = await call(h.app, tk.admin, 'POST', '/api/assessment/sweep');
    expect(swept.body).toEqual({ created: 1 });
    expect((await charged()).get(late)!.event).toBe('fault_overdue_without_reason');
  });
});
