import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { facts } from './sla.fixtures.js';
import { clocksFor, matchesSelector } from './selectors.js';
import { parseSlaPolicy, type ClockDefinition } from './sla-policy.js';

/**
 * SLA-02 "a policy picks which clocks an order gets (by tenant, vendor, area, order type, priority,
 * contract)": selectors as data, each listed field must match, absent fields match everything.
 */
const base = DEFAULT_SLA_POLICY.clocks.find((c) => c.kind === 'urgent_arrival')!;
const vip: ClockDefinition = {
  ...base,
  kind: 'vip_arrival',
  ruleId: 'SLA-06',
  when: {
    tenantIds: ['t-1'],
    vendorIds: ['v-1'],
    areaIds: ['a-1'],
    orderTypes: ['fault'],
    priorities: ['urgent', 'high'],
    contractTerms: ['vip_line'],
    not: { tags: ['test_line'] },
  },
};
const policy = parseSlaPolicy({ ...DEFAULT_SLA_POLICY, clocks: [...DEFAULT_SLA_POLICY.clocks, vip] });
const order = facts({ priority: 'urgent', contractTerms: ['vip_line', 'night_service'] });
const gets = (over: Parameters<typeof facts>[0]) =>
  clocksFor(policy, { ...order, ...over }).some((c) => c.kind === 'vip_arrival');

describe('SLA-02 policy selection', () => {
  it('SLA-02 an order matching tenant, vendor, area, type, priority and contract gets the clock', () => {
    expect(matchesSelector(vip.when, order)).toBe(true);
    expect(gets({})).toBe(true);
    expect(gets({ priority: 'high' })).toBe(true);
  });

  it('SLA-02 each field narrows: another tenant, vendor, area, type, priority or a missing term gets none', () => {
    expect(gets({ tenantId: 't-2' })).toBe(false);
    expect(gets({ vendorId: 'v-2' })).toBe(false);
    expect(gets({ areaId: 'a-2' })).toBe(false);
    expect(gets({ areaId: null })).toBe(false);
    expect(gets({ type: 'install' })).toBe(false);
    expect(gets({ priority: 'normal' })).toBe(false);
    expect(gets({ contractTerms: ['night_service'] })).toBe(false);
    // `not` excludes: a test line of the same customer gets no VIP promise.
    expect(gets({ tags: ['test_line'] })).toBe(false);
  });

  it('SLA-06 the shipped urgent-repair promise needs the contract term and urgent priority', () => {
    const kinds = (f: Parameters<typeof facts>[0]) => clocksFor(DEFAULT_SLA_POLICY, facts(f)).map((c) => c.kind);
    expect(kinds({ priority: 'urgent', contractTerms: ['urgent_repair'] })).toContain('urgent_arrival');
    expect(kinds({ priority: 'urgent' })).not.toContain('urgent_arrival');
    expect(kinds({ contractTerms: ['urgent_repair'] })).not.toContain('urgent_arrival');
  });
});
