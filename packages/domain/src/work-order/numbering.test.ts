import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf } from './work-order.fixtures.js';
import { ORDER_NUMBER_PREFIXES, formatOrderNumber, orderNumberDay, parseOrderNumber } from './numbering.js';
import { WORK_ORDER_TYPES } from './work-order.types.js';

describe('WO-02 order numbers', () => {
  it('WO-02 an order number is type prefix, local acceptance date and a six-digit sequence', () => {
    expect(formatOrderNumber('fault', new Date('2026-11-23T02:00:00Z'), 123)).toBe('GZ-20261123-000123');
    expect(formatOrderNumber('install', new Date('2026-11-23T02:00:00Z'), 1)).toBe('KJ-20261123-000001');
  });

  it('WO-02 every order type has its own two-letter prefix', () => {
    const prefixes = WORK_ORDER_TYPES.map((t) => ORDER_NUMBER_PREFIXES[t]);
    expect(new Set(prefixes).size).toBe(WORK_ORDER_TYPES.length);
    expect(prefixes).toEqual(['KJ', 'GZ', 'TS', 'JC', 'DF', 'SX', 'ZX', 'YC']);
  });

  it('WO-02 an order accepted at 07:30 Beijing time carries that day, though it is still the day before in UTC', () => {
    const at = new Date('2026-11-22T23:30:00Z');
    expect(formatOrderNumber('complaint', at, 9)).toBe('TS-20261123-000009');
    expect(formatOrderNumber('complaint', at, 9, 'UTC')).toBe('TS-20261122-000009');
    expect(orderNumberDay(at)).toBe('20261123');
  });

  it('WO-02 a sequence past 999999 widens the number instead of repeating one', () => {
    expect(formatOrderNumber('carry_in', new Date('2026-11-23T02:00:00Z'), 1_000_000)).toBe('SX-20261123-1000000');
  });

  it('WO-02 a sequence must be a positive whole number', () => {
    for (const seq of [0, -1, 1.5, Number.NaN]) {
      expect(codeOf(() => formatOrderNumber('fault', new Date(), seq))).toBe('VALIDATION_FAILED');
    }
  });

  it('WO-02 an unknown time zone is refused rather than silently using another', () => {
    expect(codeOf(() => formatOrderNumber('fault', new Date(), 1, 'Mars/Olympus'))).toBe('VALIDATION_FAILED');
  });

  it('WO-02 a number reads back to its type, day and sequence; other text is not a number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WORK_ORDER_TYPES),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 99_999_999 }),
        (type, at, seq) => {
          const n = formatOrderNumber(type, at, seq);
          expect(parseOrderNumber(n)).toEqual({ type, day: orderNumberDay(at), seq });
          expect(parseOrderNumber(` ${n.toLowerCase()} `)).toEqual({ type, day: orderNumberDay(at), seq });
        },
      ),
    );
    for (const text of ['', 'GZ-2026-000001', 'QQ-20261123-000001', 'GZ-20261123-000000', '13812345678']) {
      expect(parseOrderNumber(text), text).toBeNull();
    }
  });
});
