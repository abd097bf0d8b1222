import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_RULES, parseCallbackRules, type CallbackRules } from './callback-rules.js';
import { sampledSpotCheckTasks, sampledSpotCheckKey, type CompletedOrderFacts } from './callback-tasks.js';

const NOW = new Date('2026-11-28T01:00:00Z');
const H = 3_600_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const withShare = (share: number): CallbackRules => ({
  ...DEFAULT_CALLBACK_RULES,
  spotCheck: { ...DEFAULT_CALLBACK_RULES.spotCheck, sample: { afterDays: 7, windowDays: 1, share } },
});
const order = (id: string, completedAt: Date | null, over: Partial<CompletedOrderFacts> = {}): CompletedOrderFacts => ({
  id,
  type: 'install',
  status: 'closed',
  completedAt,
  ...over,
});

describe('CB-03 sampled spot-checks near day 7 after completion', () => {
  it('CB-03 the window is [7 days, 6 days) before now: 7 d and 6 d 1 h in; 6 d and 7 d + 1 ms out', () => {
    const tasks = sampledSpotCheckTasks(
      [
        order('a', ago(7 * 24 * H)), // exactly 7 days: in
        order('b', ago(6 * 24 * H + H)), // 6 days 1 hour: in
        order('c', ago(6 * 24 * H)), // exactly 6 days: out (too recent)
        order('d', ago(7 * 24 * H + 1)), // just over 7 days: out
        order('e', null, { status: 'taken' }), // not completed
        order('f', ago(6.5 * 24 * H), { status: 'cancelled' }), // cancelled
      ],
      withShare(1),
      NOW,
    );
    expect(tasks.map((t) => t.orderId)).toEqual(['a', 'b']);
    expect(tasks[0]).toMatchObject({
      key: sampledSpotCheckKey('a'),
      kind: 'spot_check',
      ruleId: 'CB-03',
      blocksClose: false,
      // Due one day after it is raised (the rules' dueWithinMinutes).
      dueAt: new Date(NOW.getTime() + 24 * H),
    });
  });

  it('CB-03 a share samples about that many orders, the same ones on every run, more with a larger share', () => {
    const orders = Array.from({ length: 2000 }, (_, i) => order(`o-${i}`, ago(6.5 * 24 * H)));
    const fifth = sampledSpotCheckTasks(orders, withShare(0.2), NOW).map((t) => t.orderId);
    expect(fifth.length).toBeGreaterThan(340); // 400 expected; a fair hash stays within ±15 %
    expect(fifth.length).toBeLessThan(460);
    expect(sampledSpotCheckTasks(orders, withShare(0.2), NOW).map((t) => t.orderId)).toEqual(fifth);
    const half = new Set(sampledSpotCheckTasks(orders, withShare(0.5), NOW).map((t) => t.orderId));
    expect(fifth.every((id) => half.has(id))).toBe(true);
  });

  it('CB-03 order types narrow the sample; the defaults are 20 % on day 7', () => {
    const rules: CallbackRules = {
      ...DEFAULT_CALLBACK_RULES,
      spotCheck: {
        ...DEFAULT_CALLBACK_RULES.spotCheck,
        sample: { afterDays: 7, windowDays: 1, share: 1, orderTypes: ['fault'] },
      },
    };
    const tasks = sampledSpotCheckTasks(
      [order('i', ago(6.5 * 24 * H)), order('f', ago(6.5 * 24 * H), { type: 'fault' })],
      rules,
      NOW,
    );
    expect(tasks.map((t) => t.orderId)).toEqual(['f']);
    expect(DEFAULT_CALLBACK_RULES.spotCheck.sample).toEqual({ afterDays: 7, windowDays: 1, share: 0.2 });
    // Rules written before the sample existed still parse, with the default sample.
    const { sample: _s, ...older } = DEFAULT_CALLBACK_RULES.spotCheck;
    expect(parseCallbackRules({ ...DEFAULT_CALLBACK_RULES, spotCheck: older }).spotCheck.sample.share).toBe(0.2);
    expect(() =>
      parseCallbackRules({
        ...DEFAULT_CALLBACK_RULES,
        spotCheck: { ...older, sample: { afterDays: 2, windowDays: 3, share: 0.1 } },
      }),
    ).toThrow();
  });
});
