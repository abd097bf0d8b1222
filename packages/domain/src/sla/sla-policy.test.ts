import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { DEFAULT_SLA_POLICY } from './default-sla-policy.js';
import { explainClock } from './explain.js';
import { parseSlaPolicy, slaPolicyJsonSchema } from './sla-policy.js';
import { clockOf, facts, sh } from './sla.fixtures.js';

describe('SLA-02 policy pack SLA section', () => {
  it('SLA-02 the default pack carries the SLA section with the SLA-03..08 numbers as data', () => {
    expect(DEFAULT_POLICY_PACK.sla).toBe(DEFAULT_SLA_POLICY);
    const byKind = Object.fromEntries(DEFAULT_SLA_POLICY.clocks.map((c) => [c.kind, c.deadline]));
    expect(byKind).toMatchObject({
      install_complete: { kind: 'calendar_days', days: 3 },
      install_spot_check: { kind: 'calendar_days', days: 7 },
      fault_repair: { kind: 'cutoff', cutoff: '18:00', sameDayBy: '24:00', nextDayBy: '09:00' },
      hotline_handoff: { kind: 'elapsed', minutes: 30 },
      first_contact: { kind: 'elapsed', minutes: 120 },
      on_site_inside: { kind: 'working_days', days: 2 },
      on_site_near: { kind: 'working_days', days: 3 },
      carry_in_repair: { kind: 'working_days', days: 3 },
      hard_question: { kind: 'working_days', days: 1 },
      urgent_arrival: { kind: 'elapsed', minutes: 30 },
      arrive_early: { kind: 'before_appointment', minutes: 5 },
      damage_compensation: { kind: 'elapsed', minutes: 2880 },
    });
    expect(DEFAULT_SLA_POLICY.warnShare).toBe(0.8);
    expect(DEFAULT_SLA_POLICY.targets.faultAverageDurationMinutes).toBe(480);
    expect(DEFAULT_SLA_POLICY.appointment).toEqual({
      arriveEarlyMinutes: 5,
      arriveEarlyTargetMaxMinutes: 10,
      rescheduleNoticeMinutes: 120,
      plannedVisitNoticeMinutes: 1440,
    });
  });

  it('SLA-02 invalid policy data is refused with the field named', () => {
    const bad = {
      ...DEFAULT_SLA_POLICY,
      clocks: [{ ...DEFAULT_SLA_POLICY.clocks[0]!, deadline: { kind: 'elapsed', minutes: -5 } }],
    };
    expect(() => parseSlaPolicy(bad)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { field: 'clocks.0.deadline.minutes' } }),
    );
    const dup = { ...DEFAULT_SLA_POLICY, clocks: [DEFAULT_SLA_POLICY.clocks[0]!, DEFAULT_SLA_POLICY.clocks[0]!] };
    expect(() => parseSlaPolicy(dup)).toThrow(/unique/);
    expect(() => parseSlaPolicy({ ...DEFAULT_SLA_POLICY, warnShare: 1.5 })).toThrow(/warnShare/);
  });

  it('SLA-02 the section has a JSON Schema for editors and the API docs', () => {
    const schema = slaPolicyJsonSchema();
    expect(schema).toMatchObject({ type: 'object' });
    expect(Object.keys((schema as { properties: object }).properties)).toEqual(
      expect.arrayContaining(['id', 'version', 'warnShare', 'clocks', 'appointment', 'targets']),
    );
  });

  it('SLA-02 an explanation shows the rule, the calendar, the inputs and each step, in zh-CN and en', () => {
    const clock = clockOf('fault_repair', facts({ acceptedAt: sh('2026-11-23', '18:00') }));
    const e = explainClock(clock);
    expect(e).toMatchObject({
      ruleId: 'SLA-04',
      policy: { id: 'sla-default', version: 1 },
      calendar: { id: 'office', timeZone: 'Asia/Shanghai' },
      inputs: { anchor: 'accepted', startedAt: '2026-11-23T10:00:00.000Z', measure: 'elapsed', warnShare: 0.8 },
      dueAt: '2026-11-24T01:00:00.000Z',
      provisional: false,
    });
    expect(e.steps.map((s) => s.code)).toEqual(['policy', 'calendar', 'anchor', 'cutoff', 'warning']);
    expect(e.steps[3]!.params).toMatchObject({
      before: false,
      dueAt: '2026-11-24T01:00:00.000Z',
      dueLocal: '2026-11-24 09:00',
    });
    expect(e.text['zh-CN']).toEqual([
      '规则 SLA-04（fault_repair），策略 sla-default 第 1 版',
      '日历 office，时区 Asia/Shanghai，节假日数据 cn-mainland',
      '起算：受理于 2026-11-23 18:00',
      '不早于截止时间 18:00（恰好 18:00 也算）：下一个工作日 09:00 前完成 → 2026-11-24 09:00',
      '预警于 2026-11-24 06:00', // 80 % of the 15 h allowed,
    ]);
    expect(e.text.en[3]).toBe('At or after the 18:00 cut-off: due by 09:00 the next working day → 2026-11-24 09:00');
  });
});
