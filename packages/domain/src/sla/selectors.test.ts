import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { startClocks } from './clock-engine.js';
import { explainClock } from './explain.js';
import { clockOf, facts, officeCalendar, sh } from './sla.fixtures.js';
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

/**
 * SLA-02 by contract: a tenant's business-line contract "政企专线 4 小时修复" (code GOV-4H) is data in the
 * policy; a fault of an order naming it gets a 4-hour working-time repair clock instead of the cut-off.
 * Office calendar 08:30–17:30 Mon–Fri: accepted Monday 2026-11-23 16:00 Beijing → 1.5 h left that day,
 * 2.5 h on Tuesday from 08:30 → due Tuesday 11:00 (03:00Z); the plain fault is due 24:00 Monday.
 */
describe('SLA-02 selection by service contract', () => {
  const govLine: ClockDefinition = {
    ...DEFAULT_SLA_POLICY.clocks.find((c) => c.kind === 'fault_repair')!,
    kind: 'gov_line_repair',
    label: { 'zh-CN': '政企专线4小时修复', en: 'Business line repaired in 4 working hours' },
    when: { orderTypes: ['fault'], contracts: ['GOV-4H'] },
    deadline: { kind: 'working_time', minutes: 240 },
  };
  const withContract = parseSlaPolicy({
    ...DEFAULT_SLA_POLICY,
    contracts: [{ id: 'c-gov', code: 'GOV-4H', name: '政企专线 4 小时修复' }],
    clocks: [
      // The cut-off no longer applies to orders under the contract: its own clock replaces it.
      ...DEFAULT_SLA_POLICY.clocks.map((c) =>
        c.kind === 'fault_repair' ? { ...c, when: { ...c.when, not: { contracts: ['GOV-4H'] } } } : c,
      ),
      govLine,
    ],
  });
  const gov = { id: 'c-gov', code: 'GOV-4H', name: '政企专线 4 小时修复' };
  const at = sh('2026-11-23', '16:00');

  it('SLA-02 an order naming the contract gets its clock, due after 4 working hours, and the explanation names the contract', () => {
    const f = facts({ contract: gov, acceptedAt: at });
    const clock = clockOf('gov_line_repair', f, officeCalendar, withContract);
    expect(clock.dueAt.toISOString()).toBe('2026-11-24T03:00:00.000Z');
    expect(startClocks(f, withContract, officeCalendar, at).map((c) => c.kind)).not.toContain('fault_repair');
    const text = explainClock(clock).text['zh-CN'].join(' ');
    expect(text).toContain('按服务合同 GOV-4H（政企专线 4 小时修复）选用此规则');
  });

  it('SLA-02 an order without the contract keeps the 18:00 cut-off (due 24:00 the same day) and no contract step', () => {
    const f = facts({ acceptedAt: at });
    expect(startClocks(f, withContract, officeCalendar, at).map((c) => c.kind)).not.toContain('gov_line_repair');
    const clock = clockOf('fault_repair', f, officeCalendar, withContract);
    expect(clock.dueAt.toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(clock.steps.some((s) => s.code === 'contract')).toBe(false);
  });

  it('SLA-02 a rule naming a contract the policy does not have is refused, naming the field', () => {
    expect(() => parseSlaPolicy({ ...DEFAULT_SLA_POLICY, clocks: [...DEFAULT_SLA_POLICY.clocks, govLine] })).toThrow(
      /clocks\.16\.when\.contracts unknown contract GOV-4H/,
    );
    const dup = { id: 'c-gov', code: 'VIP', name: 'VIP' };
    expect(() => parseSlaPolicy({ ...withContract, contracts: [gov, dup] })).toThrow(/contract ids are unique/);
  });
});
