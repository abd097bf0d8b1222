import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createOrderVia,
  newPhone,
  orderBody,
  startHarness,
  tokensOf,
  type Body,
  type Harness,
  type Tokens,
} from './harness.js';
import { saveSlaPolicy } from './sla-policy-save.js';

/**
 * SLA-02 "a policy picks which clocks an order gets (… contract)": the tenant's admin adds the service
 * contract 政企专线 4 小时修复 (code GOV-4H) to its SLA policy with a clock for faults under it; an order
 * names the contract (the desk picks it, or it comes from the customer's record) and gets that clock
 * besides the cut-off one, explained by the contract. Calendar: the shipped one (weekdays 08:30–17:30
 * and the evening shift 18:00–22:00 Beijing, DEFAULT_CALENDAR_SPEC). Accepted Monday 2026-11-23 16:00
 * Beijing (08:00Z): 1.5 working hours to 17:30, 2.5 more from 18:00 → due Monday 20:30 Beijing (12:30Z).
 * The 18:00 cut-off clock: due 24:00 Monday (16:00Z).
 */
let h: Harness;
let tk: Tokens;
const GOV = { id: 'gov-line', code: 'GOV-4H', name: '政企专线 4 小时修复' };

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T08:00:00Z');
  tk = await tokensOf(h);
  await saveSlaPolicy(
    h,
    tk.admin,
    (policy) => {
      const fault = policy.clocks.find((c: Body) => c.kind === 'fault_repair');
      return {
        ...policy,
        contracts: [GOV],
        clocks: [
          ...policy.clocks,
          {
            ...fault,
            kind: 'gov_line_repair',
            label: { 'zh-CN': '政企专线4小时修复', en: 'Business line repaired in 4 working hours' },
            when: { orderTypes: ['fault'], contracts: ['GOV-4H'] },
            deadline: { kind: 'working_time', minutes: 240 },
          },
        ],
      };
    },
    '新增政企专线合同',
  );
});
afterAll(async () => h?.close());

const clocksOf = async (orderId: string): Promise<Body[]> => {
  const res = await call(h.app, tk.coordinator, 'GET', `/api/work-orders/${orderId}/clocks`);
  expect(res.status).toBe(200);
  return res.body.items;
};

describe('SLA-02 clocks by service contract', () => {
  it('SLA-02 a fault naming the contract gets the 4-working-hour clock, explained by the contract', async () => {
    const { order } = await createOrderVia(h, tk.hotline, 'fault', { contractId: GOV.id });
    const clocks = await clocksOf(order.id);
    const gov = clocks.find((c) => c.kind === 'gov_line_repair');
    expect(gov).toMatchObject({ policy: { version: 2 }, dueAt: '2026-11-23T12:30:00.000Z' });
    expect(gov.explain.text['zh-CN'].join(' ')).toContain('按服务合同 GOV-4H（政企专线 4 小时修复）选用此规则');
    expect(clocks.find((c) => c.kind === 'fault_repair')).toMatchObject({ dueAt: '2026-11-23T16:00:00.000Z' });
  });

  it('SLA-02 a fault without a contract gets only the 18:00 cut-off clock', async () => {
    const { order } = await createOrderVia(h, tk.hotline, 'fault');
    const kinds = (await clocksOf(order.id)).map((c) => c.kind);
    expect(kinds).toContain('fault_repair');
    expect(kinds).not.toContain('gov_line_repair');
  });

  it('SLA-02 an unknown contract is refused naming the field', async () => {
    const res = await call(
      h.app,
      tk.hotline,
      'POST',
      '/api/work-orders',
      orderBody(h, 'fault', { contractId: 'nope' }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'contractId' } });
  });

  it('SLA-02 DESK-01 the customer’s recorded contract is offered at intake and named by their next order unless the desk says none', async () => {
    const phone = newPhone();
    const first = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '张经理', phone, address: '望京 SOHO T1' },
    });
    const customerId = first.order.customerId as string;
    expect(
      (await call(h.app, tk.engineer, 'PUT', `/api/customers/${customerId}/contract`, { contractId: GOV.id })).status,
    ).toBe(403);
    const bad = await call(h.app, tk.admin, 'PUT', `/api/customers/${customerId}/contract`, { contractId: 'nope' });
    expect([bad.status, bad.body.details?.field]).toEqual([400, 'contractId']);
    const set = await call(h.app, tk.admin, 'PUT', `/api/customers/${customerId}/contract`, { contractId: GOV.id });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ customerId, contract: GOV });

    const lookup = await call(h.app, tk.hotline, 'GET', `/api/customers/lookup?phone=${phone}`);
    expect(lookup.body.customer.contract).toEqual(GOV);

    const derived = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '张经理', phone, address: '望京 SOHO T1' },
    });
    expect((await clocksOf(derived.order.id)).map((c) => c.kind)).toContain('gov_line_repair');
    const none = await createOrderVia(h, tk.hotline, 'fault', {
      customer: { name: '张经理', phone, address: '望京 SOHO T1' },
      contractId: null,
    });
    expect((await clocksOf(none.order.id)).map((c) => c.kind)).not.toContain('gov_line_repair');
  });
});
