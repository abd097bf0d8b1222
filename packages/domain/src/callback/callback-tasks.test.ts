import { describe, expect, it } from 'vitest';
import { isDomainError } from '../shared/errors.js';
import { callbackRulesSchema, DEFAULT_CALLBACK_RULES, parseCallbackRules } from './callback-rules.js';
import { callbackTasksFor, spotCheckTasks } from './callback-tasks.js';

const NOW = new Date('2026-03-10T10:00:00+08:00');
const H = 3_600_000;
const DAY = 24 * H;
const tasks = (
  type: Parameters<typeof callbackTasksFor>[0]['type'],
  onSite = true,
  event: 'completed' | 'uncertain_fix' = 'completed',
) => callbackTasksFor({ id: 'wo-1', type, onSite }, event, DEFAULT_CALLBACK_RULES, NOW);

describe('CB-01 callback tasks by rule', () => {
  it('CB-01 the default rules are valid data', () => {
    expect(callbackRulesSchema.parse(DEFAULT_CALLBACK_RULES)).toEqual(DEFAULT_CALLBACK_RULES);
  });

  it('CB-01 every completed install gets one callback due within 7 days, not a second generic one', () => {
    const t = tasks('install');
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({
      ruleKey: 'install_completed',
      ruleId: 'CB-01',
      kind: 'satisfaction',
      blocksClose: false,
    });
    expect(t[0]!.dueAt.getTime() - NOW.getTime()).toBe(7 * DAY);
    expect(t[0]!.rules).toEqual({ id: 'default-callback', version: 1 });
  });

  it('CB-01 every fault and every complaint is called back before it may close', () => {
    expect(tasks('fault', false)[0]).toMatchObject({ ruleKey: 'fault_before_close', blocksClose: true });
    expect(tasks('complaint', false)[0]).toMatchObject({ ruleKey: 'complaint_completed', blocksClose: true });
  });

  it('CB-01 other completed on-site work gets a callback; phone-only work does not', () => {
    expect(tasks('care_visit', true)[0]).toMatchObject({ ruleKey: 'on_site_completed' });
    expect(tasks('consultation', false)).toEqual([]);
  });

  it('CB-01 an uncertain fix is called back 2–3 h later', () => {
    const [t] = tasks('fault', true, 'uncertain_fix');
    expect(t!.notBefore.getTime() - NOW.getTime()).toBe(2 * H);
    expect(t!.dueAt.getTime() - NOW.getTime()).toBe(3 * H);
    expect(t!.key).toBe('wo-1:uncertain_fix');
  });

  it('CB-01 a sampled rule picks the same orders on every replay, about its share', () => {
    const rules = parseCallbackRules({
      ...DEFAULT_CALLBACK_RULES,
      rules: DEFAULT_CALLBACK_RULES.rules.map((r) => (r.key === 'on_site_completed' ? { ...r, share: 0.3 } : r)),
    });
    const picked = (id: string) =>
      callbackTasksFor({ id, type: 'paid_service', onSite: true }, 'completed', rules, NOW).length;
    const ids = Array.from({ length: 1000 }, (_, i) => `wo-${i}`);
    const first = ids.map(picked);
    expect(ids.map(picked)).toEqual(first);
    const share = first.reduce((a, b) => a + b, 0) / ids.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.35);
  });

  it('CB-01 rule data with a due time before its start is refused with the field named', () => {
    const bad = { ...DEFAULT_CALLBACK_RULES, rules: [{ ...DEFAULT_CALLBACK_RULES.rules[4]!, dueWithinMinutes: 60 }] };
    try {
      parseCallbackRules(bad);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('CB-03 spot-check callbacks by sales', () => {
  const install = (id: string, ageDays: number, over: object = {}) => ({
    id,
    type: 'install' as const,
    status: 'taken' as const,
    acceptedAt: new Date(NOW.getTime() - ageDays * DAY),
    appointment: null,
    ...over,
  });

  it('CB-03 open installs near the 7-day limit are spot-checked; young, overdue and finished ones are not', () => {
    const t = spotCheckTasks(
      [
        install('near', 5.5),
        install('young', 3),
        install('overdue', 8),
        install('done', 6, { status: 'completed' }),
        { ...install('fault', 6), type: 'fault' as const },
      ],
      DEFAULT_CALLBACK_RULES,
      NOW,
    );
    expect(t.map((x) => x.orderId)).toEqual(['near']);
    expect(t[0]).toMatchObject({ kind: 'spot_check', ruleId: 'CB-03', key: 'near:spot_check' });
  });

  it('CB-03 an install whose appointment passed with nobody arriving is spot-checked', () => {
    const appointment = { start: new Date(NOW.getTime() - 5 * H), end: new Date(NOW.getTime() - 3 * H) };
    const t = spotCheckTasks(
      [install('missed', 1, { appointment }), install('kept', 1, { appointment, arrivedAt: appointment.start })],
      DEFAULT_CALLBACK_RULES,
      NOW,
    );
    expect(t.map((x) => x.orderId)).toEqual(['missed']);
    expect(t[0]!.reason.en).toMatch(/missed/);
  });
});
