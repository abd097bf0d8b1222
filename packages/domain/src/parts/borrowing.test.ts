import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { canCompleteOrder, checkBorrow, settleBorrowLine, type BorrowLine } from './borrowing.js';
import { DEFAULT_PARTS_POLICY as policy } from './parts-policy.js';

const line = (over: Partial<BorrowLine> = {}): BorrowLine => ({
  id: 'l1',
  orderId: 'o1',
  itemId: 'onu',
  unitId: null,
  quantity: 1,
  returned: 0,
  consumed: 0,
  ...over,
});

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

describe('PART-02 前件不还后件不借', () => {
  it('PART-02 a borrow for another order is refused while an earlier line is out', () => {
    expect(codeOf(() => checkBorrow([line()], 'o2', policy))).toBe('PART_PREVIOUS_NOT_RETURNED');
  });
  it('PART-02 allowed once the earlier part is returned or consumed, and for the same order', () => {
    expect(checkBorrow([line({ returned: 1 })], 'o2', policy)).toEqual({ overridden: false });
    expect(checkBorrow([line({ consumed: 1 })], 'o2', policy)).toEqual({ overridden: false });
    expect(checkBorrow([line()], 'o1', policy)).toEqual({ overridden: false });
  });
  it('PART-02 a station manager overrides with a reason; others may not; a blank reason is no reason', () => {
    expect(
      checkBorrow([line()], 'o2', policy, { reason: ' 抢修专线，站长批准 ', position: 'station_manager' }),
    ).toEqual({ overridden: true, reason: '抢修专线，站长批准' });
    expect(codeOf(() => checkBorrow([line()], 'o2', policy, { reason: 'urgent job', position: 'parts_clerk' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => checkBorrow([line()], 'o2', policy, { reason: '  ', position: 'station_manager' }))).toBe(
      'VALIDATION_FAILED',
    );
  });
  it('PART-02 the limit is data: a policy allowing one open line lets the second borrow through', () => {
    expect(checkBorrow([line()], 'o2', { ...policy, maxOpenLinesOfOtherOrders: 1 })).toEqual({ overridden: false });
  });
});

describe('PART-03 settle before completing', () => {
  it('PART-03 an order with an open line cannot complete; returned or consumed lines can', () => {
    expect(codeOf(() => canCompleteOrder([line(), line({ id: 'l2', returned: 1 })], false))).toBe('PART_NOT_SETTLED');
    expect(canCompleteOrder([line({ returned: 1 }), line({ id: 'l2', consumed: 1 })], false).open).toBe(0);
    expect(canCompleteOrder([], false).open).toBe(0);
  });
  it('PART-03 a manager waiver lets it complete', () => {
    expect(canCompleteOrder([line()], true)).toMatchObject({ overridden: true, open: 1 });
  });
  it('PART-03 a line cannot be settled beyond what is out', () => {
    const l = settleBorrowLine(line({ quantity: 3 }), 'consumed', 2);
    expect(settleBorrowLine(l, 'returned', 1)).toMatchObject({ consumed: 2, returned: 1 });
    expect(codeOf(() => settleBorrowLine(l, 'returned', 2))).toBe('PART_OVER_RETURN');
  });
});
