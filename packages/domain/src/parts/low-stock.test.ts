import { describe, expect, it } from 'vitest';
import { isMissedWarning, lowStockStep } from './low-stock.js';
import { DEFAULT_PARTS_POLICY as policy } from './parts-policy.js';

const at = (h: number) => new Date(Date.UTC(2026, 11, 7, 0) + h * 3_600_000);

describe('PART-04 low-stock warnings', () => {
  it('PART-04 a warning is raised when stock falls to the threshold, once, and resolves when stock recovers', () => {
    // Stock 5 → 3 → 2 → 1 → 4 with threshold 3: raise at 3, nothing more while open, resolve at 4.
    let open = false;
    const steps = [5, 3, 2, 1, 4].map((onHand) => {
      const step = lowStockStep(onHand, 3, open);
      if (step === 'raise') open = true;
      if (step === 'resolve') open = false;
      return step;
    });
    expect(steps).toEqual(['none', 'raise', 'none', 'none', 'resolve']);
  });

  it('PART-04 no threshold, no warning; removing the threshold resolves an open one', () => {
    expect(lowStockStep(0, null, false)).toBe('none');
    expect(lowStockStep(0, null, true)).toBe('resolve');
  });

  it('PART-04 a warning acknowledged after the policy window, or never, is missed; one acknowledged in time is not', () => {
    const raisedAt = at(0);
    const limit = policy.lowStockAckHours;
    expect(isMissedWarning({ raisedAt, acknowledgedAt: at(limit - 1), resolvedAt: null }, at(100), policy)).toBe(false);
    expect(isMissedWarning({ raisedAt, acknowledgedAt: at(limit + 1), resolvedAt: null }, at(100), policy)).toBe(true);
    expect(isMissedWarning({ raisedAt, acknowledgedAt: null, resolvedAt: null }, at(limit - 1), policy)).toBe(false);
    expect(isMissedWarning({ raisedAt, acknowledgedAt: null, resolvedAt: null }, at(limit + 1), policy)).toBe(true);
  });

  it('PART-04 stock that recovered before anyone had to act is not a missed warning', () => {
    const w = { raisedAt: at(0), acknowledgedAt: null, resolvedAt: at(2) };
    expect(isMissedWarning(w, at(500), policy)).toBe(false);
    expect(isMissedWarning({ ...w, resolvedAt: at(policy.lowStockAckHours + 2) }, at(500), policy)).toBe(true);
  });

  it('PART-04 the window is policy data: a tenant with 2 h misses what the default tolerates', () => {
    const w = { raisedAt: at(0), acknowledgedAt: at(3), resolvedAt: null };
    expect(isMissedWarning(w, at(10), policy)).toBe(false);
    expect(isMissedWarning(w, at(10), { ...policy, lowStockAckHours: 2 })).toBe(true);
  });
});
