import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startHarness, tokensOf, type Body, type Harness, type Tokens } from './harness.js';
import { saveSlaPolicy } from './sla-policy-save.js';

/**
 * KPI-01 with SLA-04: the average fault duration is read against the 8 h target of the tenant's current
 * SLA policy version — the dashboard marks the figure against it, and an edited target shows at once.
 */
let h: Harness;
let tk: Tokens;
const month = '/api/kpis?from=2026-11-01T00:00:00%2B08:00&to=2026-12-01T00:00:00%2B08:00';
const faultTarget = (body: Body) =>
  (body.targets as Body[]).find((t: Body) => t.key === 'average_fault_duration_hours');

beforeAll(async () => {
  h = await startHarness();
  h.clock.set('2026-11-23T02:00:00Z');
  tk = await tokensOf(h);
});
afterAll(async () => h?.close());

describe('KPI-01 SLA-04 the figures carry the tenant’s targets', () => {
  it('KPI-01 SLA-04 the average fault duration is read against 8 h by default', async () => {
    const res = await call(h.app, tk.admin, 'GET', month);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(faultTarget(res.body)).toEqual({ key: 'average_fault_duration_hours', ruleId: 'SLA-04', atMost: 8 });
  });

  it('KPI-01 SLA-04 a tenant that sets a 6 h average target sees 6 h beside the figure', async () => {
    await saveSlaPolicy(
      h,
      tk.admin,
      (policy) => ({ ...policy, targets: { ...policy.targets, faultAverageDurationMinutes: 360 } }),
      '故障平均处理时长目标收紧为6小时',
    );
    const res = await call(h.app, tk.admin, 'GET', month);
    expect(faultTarget(res.body)?.atMost).toBe(6);
  });
});
