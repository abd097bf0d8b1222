import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPerson } from '@daowei/db/testing';
import { DEFAULT_CALLBACK_RULES, DEFAULT_POLICY_PACK, type CallbackRules, type Person } from '@daowei/domain';
import { createSpotCheckService } from '../src/features/callbacks/spot-check.service.js';
import { createCallbackService } from '../src/features/callbacks/callback.service.js';
import {
  actOk,
  call,
  completeBody,
  createOrderVia,
  dispatchToPerson,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { addCallbackAgent } from './callback-setup.js';

/**
 * CB-03 sales spot-checks: orders near day 7 after completion are sampled (share from the rules) into
 * spot-check tasks for sales; "the vendor's report differs from the truth" records a VND-01 case linked
 * to the order. The sample is drawn here with share 1 so the expected tasks are known by hand; the
 * default share (20 %) is the domain's test.
 */
const T0 = '2026-11-23T03:00:00Z'; // A and B completed
const T1 = '2026-11-24T03:00:00Z'; // C completed
const ALL_RULES: CallbackRules = {
  ...DEFAULT_CALLBACK_RULES,
  spotCheck: { ...DEFAULT_CALLBACK_RULES.spotCheck, sample: { afterDays: 7, windowDays: 1, share: 1 } },
};
let h: Harness;
let tk: Tokens;
let sales: string;
let agent: string;
let salesPerson: Person;
let agentPerson: Person;

/** Moves the clock and signs everyone in again (sessions follow the clock). */
async function at(iso: string) {
  h.clock.set(iso);
  tk = await tokensOf(h);
  sales = await h.tokenFor(salesPerson);
  agent = await h.tokenFor(agentPerson);
}
const o: Record<string, string> = {};

async function completedInstall(at: string) {
  h.clock.set(at);
  tk = await tokensOf(h);
  const created = await createOrderVia(h, tk.hotline, 'install');
  const id: string = created.order.id;
  await dispatchToPerson(h, tk.coordinator, id, h.t.engineer.id);
  await actOk(h, tk.engineer, id, 'take');
  await actOk(h, tk.engineer, id, 'complete', completeBody());
  return id;
}

const sweeper = () =>
  createSpotCheckService({
    db: h.database.db,
    clock: h.clock,
    callbacks: createCallbackService({ db: h.database.db, clock: h.clock, policy: DEFAULT_POLICY_PACK }),
    rules: ALL_RULES,
  });

async function spotQueue(token: string, state = 'open'): Promise<Body[]> {
  const res = await call(h.app, token, 'GET', `/api/callbacks?state=${state}&kind=spot_check&limit=200`);
  expect(res.status).toBe(200);
  return res.body.items;
}

beforeAll(async () => {
  h = await startHarness();
  const person = (name: string, positions: ('sales' | 'callback_agent')[]) =>
    createTestPerson(h.database.db, h.t.tenant.id, {
      name,
      unitId: h.t.operatorUnit.id,
      positions,
      suffix: h.t.suffix,
    });
  salesPerson = await person('sales', ['sales']);
  agentPerson = await addCallbackAgent(h);
  o.A = await completedInstall(T0);
  o.B = await completedInstall(T0);
  o.C = await completedInstall(T1);
  // Day 6½ after A and B: the window [now − 7 d, now − 6 d) holds A and B, not C.
  await at('2026-11-29T15:00:00Z');
});
afterAll(async () => h?.close());

describe('CB-03 sampled spot-checks for sales', () => {
  it('CB-03 the sweep samples orders on their 7th day after completion, once per order', async () => {
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 2 });
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
    const queue = await spotQueue(sales);
    expect(queue.map((t) => t.orderId).sort()).toEqual([o.A, o.B].sort());
    expect(queue[0]).toMatchObject({
      kind: 'spot_check',
      ruleKey: 'spot_check_sample',
      ruleId: 'CB-03',
      blocksClose: false,
    });
    // The contact's number is shown in full: sales call the customer (SEC-01 phone-visible position).
    expect(queue[0].order.contactPhone).toMatch(/^1\d{10}$/);
  });

  it('CB-03 the vendor’s staff never see the spot-checks of their work; callback agents do not answer them', async () => {
    expect(await spotQueue(tk.coordinator)).toEqual([]);
    const all = await call(h.app, tk.coordinator, 'GET', '/api/callbacks?state=open&limit=200');
    expect(all.body.items.some((t: Body) => t.kind === 'spot_check')).toBe(false);
    const task = (await spotQueue(sales)).find((t) => t.orderId === o.A)!;
    const byAgent = await call(h.app, agent, 'POST', `/api/callbacks/${task.id}/spot-check`, {
      matchesVendorReport: true,
    });
    expect(byAgent.status).toBe(403);
    const attemptByAgent = await call(h.app, agent, 'POST', `/api/callbacks/${task.id}/attempts`, { result: 'busy' });
    expect(attemptByAgent.status).toBe(403);
    const attempt = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/attempts`, { result: 'no_answer' });
    expect(attempt.status).toBe(200);
    expect(attempt.body.unansweredAttempts).toBe(1);
    // A satisfaction answer does not fit a spot-check.
    const wrong = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/outcome`, { satisfaction: 'satisfied' });
    expect(wrong.status).toBe(403);
  });

  it('CB-03 the report matches: done, no case', async () => {
    const task = (await spotQueue(sales)).find((t) => t.orderId === o.A)!;
    const res = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/spot-check`, { matchesVendorReport: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'done',
      consequence: 'spot_check_ok',
      spotCheckMatches: true,
      assessmentCaseId: null,
    });
  });

  it('CB-03 VND-01 "the vendor’s report differs from the truth" records an assessment case linked to the order', async () => {
    const task = (await spotQueue(sales)).find((t) => t.orderId === o.B)!;
    const noTruth = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/spot-check`, {
      matchesVendorReport: false,
    });
    expect(noTruth.status).toBe(400);
    expect(noTruth.body.details.field).toBe('truth');
    const res = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/spot-check`, {
      matchesVendorReport: false,
      vendorReport: 'Installed and tested on the day',
      truth: 'Nobody came; the customer connected the modem herself',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'done', consequence: 'assessment', spotCheckMatches: false });
    expect(res.body.assessmentCaseId).toMatch(/^[0-9a-f-]{36}$/);
    const cases = await call(h.app, tk.admin, 'GET', `/api/assessment/cases?month=2026-11&vendorId=${h.t.vendor.id}`);
    const c = cases.body.items.find((x: Body) => x.id === res.body.assessmentCaseId);
    expect(c).toMatchObject({
      event: 'vendor_report_differs',
      orderId: o.B,
      ruleId: 'CB-03',
      personId: h.t.engineer.id,
    });
    expect(c.evidence[0]).toBe(`callback_task:${task.id}`);
    expect(c.evidence[1]).toContain('Nobody came');
    // The rules' default for this event: 200 yuan to the vendor, nothing to the person.
    expect(c.lines).toEqual([expect.objectContaining({ party: 'vendor', amountFen: 20_000 })]);
    // Sent again (a retry without the key): the task is finished, nothing doubles.
    const again = await call(h.app, sales, 'POST', `/api/callbacks/${task.id}/spot-check`, {
      matchesVendorReport: false,
      truth: 'x',
    });
    expect(again.status).toBe(409);
  });

  it('CB-03 a day later the window has moved: C is sampled, A and B (done) are not sampled again', async () => {
    await at('2026-11-30T15:00:00Z');
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 1 });
    expect((await spotQueue(sales)).map((t) => t.orderId)).toEqual([o.C]);
  });

  it('CB-03 SLA-03 an install still open near day 7 since acceptance is flagged for a spot-check, once', async () => {
    h.clock.set('2026-12-02T03:00:00Z');
    tk = await tokensOf(h);
    const created = await createOrderVia(h, tk.hotline, 'install');
    const late: string = created.order.id;
    await dispatchToPerson(h, tk.coordinator, late, h.t.engineer.id);
    await actOk(h, tk.engineer, late, 'take');
    // Day 4: not near the limit yet (the rules flag the last 2 days before day 7).
    await at('2026-12-06T03:00:00Z');
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
    // Day 6: flagged; the next day's sweep (still inside the last 2 days) does not flag it again.
    await at('2026-12-08T02:00:00Z');
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 1 });
    const task = (await spotQueue(sales)).find((t) => t.orderId === late)!;
    expect(task).toMatchObject({ kind: 'spot_check', ruleKey: 'spot_check', ruleId: 'CB-03', blocksClose: false });
    expect(task.reason.en).toContain('7-day limit');
    await at('2026-12-09T02:00:00Z');
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
    // Past day 7 it is a late install (SLA-03), no longer "nearing" it: nothing new either.
    await at('2026-12-09T04:00:00Z');
    expect(await sweeper().sweepTenant(h.t.tenant.id)).toEqual({ created: 0 });
  });

  it('CB-03 the sweep route is for the operator’s sales; vendor staff are refused', async () => {
    const res = await call(h.app, sales, 'POST', '/api/callbacks/spot-checks/sweep');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: expect.any(Number) });
    expect((await call(h.app, tk.coordinator, 'POST', '/api/callbacks/spot-checks/sweep')).status).toBe(403);
  });
});
