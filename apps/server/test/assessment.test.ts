import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSlaClocksOfOrder } from '@daowei/db';
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
 * VND-01 storage through the API. An install (SLA-03) and a fault (SLA-04) breach their clocks; the
 * sweep turns each breach into one case (200 元 for the vendor; the fault also 100 元 for the engineer)
 * linked to the order and the clock event; the vendor disputes the install case, the operator reviews
 * and reverses it, and the ledger keeps the charge and the reversal (hand-computed totals below).
 * A what-if with install_overdue at 300 元 compares totals over the standing cases.
 */
let h: Harness;
let tk: Tokens;
const o: Record<string, string> = {};
const MONTH = '2026-11';

async function at(iso: string) {
  h.clock.set(iso);
  tk = await tokensOf(h);
}
async function ok(token: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Body> {
  const res = await call(h.app, token, method, url, body);
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const ledger = () => ok(tk.admin, 'GET', `/api/assessment/ledger?month=${MONTH}&vendorId=${h.t.vendor.id}`);

beforeAll(async () => {
  h = await startHarness();
  await at('2026-11-23T02:00:00Z');
  const created = await createOrderVia(h, tk.hotline, 'install');
  o.install = created.order.id;
  o.installNumber = created.order.number;
  o.fault = (await createOrderVia(h, tk.hotline, 'fault')).order.id;
  // Both deadlines are past on 11-27 (install: 3 days; fault: 24:00 Beijing the same day).
  await at('2026-11-27T03:00:00Z');
  const sla = createSlaService({ db: h.database.db, clock: h.clock, policy });
  for (const id of [o.install!, o.fault!]) {
    for (const c of await listSlaClocksOfOrder(h.database.db, h.t.tenant.id, id)) {
      await sla.fireBreach({ tenantId: h.t.tenant.id, clockId: c.id });
    }
  }
});
afterAll(async () => h?.close());

describe('VND-01 assessment cases, ledger, disputes and what-if', () => {
  it('VND-01 the sweep turns each SLA breach into one case with its order and evidence, once', async () => {
    const first = await ok(tk.admin, 'POST', '/api/assessment/sweep');
    expect(first.created).toBe(2);
    const again = await ok(tk.admin, 'POST', '/api/assessment/sweep');
    expect(again.created).toBe(0);
    const cases = await ok(tk.admin, 'GET', `/api/assessment/cases?month=${MONTH}`);
    const byOrder = new Map(cases.items.map((c: Body) => [c.orderId, c]));
    const install = byOrder.get(o.install!) as Body;
    const fault = byOrder.get(o.fault!) as Body;
    expect(install.event).toBe('install_overdue');
    expect(install.orderNumber).toBe(o.installNumber); // people read order numbers, not ids
    expect(install.lines).toEqual([{ party: 'vendor', vendorId: h.t.vendor.id, amountFen: 20_000, scorePoints: 0 }]);
    expect(install.evidence[0]).toMatch(/^sla_clock_event:/);
    expect(fault.event).toBe('fault_overdue_without_reason');
    expect(fault.lines.map((l: Body) => [l.party, l.amountFen])).toEqual([
      ['vendor', 20_000],
      ['person', 10_000],
    ]);
  });

  it('VND-01 monthly ledger: 200 + 200 for the vendor, 100 for the person', async () => {
    const l = await ledger();
    expect(l.totals).toMatchObject({ vendorFen: 40_000, personTotalFen: 10_000, disputedFen: 0 });
    expect(l.entries).toHaveLength(3);
    expect(l.entries.filter((e: Body) => e.orderId === o.install).map((e: Body) => e.orderNumber)).toEqual([
      o.installNumber,
    ]);
  });

  it('VND-01 dispute → review → reversed keeps the history and credits the month', async () => {
    const cases = await ok(tk.admin, 'GET', `/api/assessment/cases?month=${MONTH}`);
    const install = cases.items.find((c: Body) => c.orderId === o.install) as Body;
    // The operator cannot dispute; the vendor cannot review.
    const wrong = await call(h.app, tk.admin, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'disputed',
      note: 'x',
    });
    expect(wrong.status).toBe(403);
    await ok(tk.coordinator, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'disputed',
      note: '用户要求延期,有通话录音',
    });
    expect((await ledger()).totals.disputedFen).toBe(20_000);
    const vendorReview = await call(h.app, tk.coordinator, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'review_started',
      note: 'x',
    });
    expect(vendorReview.status).toBe(403);
    await ok(tk.admin, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'review_started',
      note: '调取录音',
    });
    await at('2026-11-28T03:00:00Z');
    const done = await ok(tk.admin, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'reversed',
      note: '录音证实用户要求延期',
    });
    expect(done.state).toBe('reversed');
    expect(done.history.map((s: Body) => s.kind)).toEqual(['disputed', 'review_started', 'reversed']);
    // A reversed case cannot be reversed again.
    const twice = await call(h.app, tk.admin, 'POST', `/api/assessment/cases/${install.id}/steps`, {
      kind: 'upheld',
      note: 'x',
    });
    expect(twice.status).toBe(409);
    const l = await ledger();
    // Charge 200 + 200 − reversal 200 = 200 for the vendor; the person's 100 stays.
    expect(l.totals).toMatchObject({ vendorFen: 20_000, personTotalFen: 10_000, disputedFen: 0 });
    expect(l.entries.map((e: Body) => e.kind)).toEqual(['charge', 'charge', 'charge', 'reversal']);
  });

  it('VND-01 what-if: the standing fault case under a draft with 300/150 for faults', async () => {
    const draft = {
      id: 'draft',
      version: 2,
      rules: [
        {
          event: 'fault_overdue_without_reason',
          ruleId: 'VND-01',
          label: { 'zh-CN': '故障超时', en: 'Fault overdue' },
          vendorFen: 30_000,
          personFen: 15_000,
          scorePoints: 0,
        },
      ],
    };
    const r = await ok(tk.admin, 'POST', '/api/assessment/what-if', { month: MONTH, draft });
    // Only the fault case stands (the install case was reversed): current 200/100, draft 300/150.
    expect(r.current).toMatchObject({ vendorFen: 20_000, personFen: 10_000, cases: 1 });
    expect(r.draft).toMatchObject({ vendorFen: 30_000, personFen: 15_000, cases: 1 });
    expect(r.delta).toMatchObject({ vendorFen: 10_000, personFen: 5_000 });
  });

  it('VND-01 engineers see no assessment; vendor staff only their own vendor', async () => {
    const eng = await call(h.app, tk.engineer, 'GET', `/api/assessment/cases?month=${MONTH}`);
    expect(eng.status).toBe(403);
    const own = await ok(tk.coordinator, 'GET', `/api/assessment/cases?month=${MONTH}`);
    expect(own.items.every((c: Body) => c.vendorId === h.t.vendor.id)).toBe(true);
  });
});
