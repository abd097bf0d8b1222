import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PACK } from '../policy/policy-pack.js';
import { findRepeatOf, type PreviousOrder } from './repeat-fault.js';

const DAY = 24 * 60 * 60 * 1000;
const ACCEPTED = new Date('2026-11-23T02:00:00Z');
const daysBefore = (d: number) => new Date(ACCEPTED.getTime() - d * DAY);

const NEW = { customerId: 'c-1', productNumber: 'BB0211002233', acceptedAt: ACCEPTED };
const fault = (id: string, closedDaysAgo: number | null, over: Partial<PreviousOrder> = {}): PreviousOrder => ({
  id,
  type: 'fault',
  customerId: 'c-1',
  productNumber: 'BB0211002233',
  closedAt: closedDaysAgo === null ? null : daysBefore(closedDaysAgo),
  completedAt: null,
  ...over,
});

describe('WO-12 repeat faults', () => {
  it('WO-12 a fault 10 days after the last closed one on the same line repeats it', () => {
    expect(findRepeatOf(NEW, [fault('f-old', 10)], DEFAULT_POLICY_PACK)).toBe('f-old');
  });

  it('WO-12 exactly 30 days later is still a repeat with the default pack; 30 days and a minute is not', () => {
    expect(findRepeatOf(NEW, [fault('f-old', 30)], DEFAULT_POLICY_PACK)).toBe('f-old');
    expect(findRepeatOf(NEW, [fault('f-old', 30 + 1 / 1440)], DEFAULT_POLICY_PACK)).toBeNull();
  });

  it("WO-12 the window is the policy pack's: with 7 days, a fault 10 days later is not a repeat", () => {
    expect(findRepeatOf(NEW, [fault('f-old', 10)], { repeatFaultWindowDays: 7 })).toBeNull();
  });

  it('WO-12 the most recently closed earlier fault is the one repeated', () => {
    const previous = [fault('f-20', 20), fault('f-3', 3), fault('f-12', 12)];
    expect(findRepeatOf(NEW, previous, DEFAULT_POLICY_PACK)).toBe('f-3');
  });

  it('WO-12 another customer, another line, or an order that is not a fault does not count', () => {
    const previous = [
      fault('other-customer', 2, { customerId: 'c-2' }),
      fault('other-line', 2, { productNumber: 'BB0211009999' }),
      fault('install', 2, { type: 'install' }),
      fault('complaint', 2, { type: 'complaint' }),
    ];
    expect(findRepeatOf(NEW, previous, DEFAULT_POLICY_PACK)).toBeNull();
  });

  it('WO-12 the same line typed with different case or spaces is the same line', () => {
    expect(findRepeatOf(NEW, [fault('f', 2, { productNumber: ' bb0211002233 ' })], DEFAULT_POLICY_PACK)).toBe('f');
  });

  it('WO-12 a fault still open is a duplicate, not a repeat; one fixed but awaiting callback counts from its completion', () => {
    expect(findRepeatOf(NEW, [fault('open', null)], DEFAULT_POLICY_PACK)).toBeNull();
    expect(findRepeatOf(NEW, [fault('fixed', null, { completedAt: daysBefore(1) })], DEFAULT_POLICY_PACK)).toBe(
      'fixed',
    );
  });

  it('WO-12 a fault closed after the new one was reported is not repeated by it', () => {
    expect(findRepeatOf(NEW, [fault('later', -1)], DEFAULT_POLICY_PACK)).toBeNull();
  });

  it('WO-12 the answer is always a same-line fault inside the window, and none closed more recently qualifies', () => {
    const prev = fc.record({
      id: fc.uuid(),
      type: fc.constantFrom('fault' as const, 'install' as const),
      customerId: fc.constantFrom('c-1', 'c-2'),
      productNumber: fc.constantFrom('BB0211002233', 'BB9'),
      closedAt: fc.option(fc.integer({ min: -5 * DAY, max: 60 * DAY }).map((ms) => new Date(ACCEPTED.getTime() - ms))),
      completedAt: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(prev, { maxLength: 12 }), fc.integer({ min: 1, max: 60 }), (previous, days) => {
        const policy = { repeatFaultWindowDays: days };
        const qualifies = (p: PreviousOrder) =>
          p.type === 'fault' &&
          p.customerId === 'c-1' &&
          p.productNumber === 'BB0211002233' &&
          !!p.closedAt &&
          p.closedAt <= ACCEPTED &&
          ACCEPTED.getTime() - p.closedAt.getTime() <= days * DAY;
        const id = findRepeatOf(NEW, previous, policy);
        const candidates = previous.filter(qualifies);
        if (candidates.length === 0) {
          expect(id).toBeNull();
          return;
        }
        const found = candidates.find((p) => p.id === id);
        expect(found).toBeDefined();
        for (const c of candidates) expect(c.closedAt!.getTime()).toBeLessThanOrEqual(found!.closedAt!.getTime());
      }),
    );
  });
});
