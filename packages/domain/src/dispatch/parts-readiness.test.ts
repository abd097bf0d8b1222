import { describe, expect, it } from 'vitest';
import { partsReadiness } from './parts-readiness.js';

describe('DSP-01 DSP-03 parts readiness for a station day', () => {
  it('DSP-01 an order without needed parts is "none"; one whose parts were issued is "issued"', () => {
    const r = partsReadiness(
      ['a', 'b'],
      [{ orderId: 'b', itemId: 'onu', quantity: 1 }],
      [{ orderId: 'b', itemId: 'onu', quantity: 1 }],
      new Map(),
    );
    expect(r.get('a')).toEqual({ status: 'none', lines: [] });
    expect(r.get('b')?.status).toBe('issued');
  });

  it('DSP-03 the store is shared out in the given order: the first order gets the last unit, the second is short', () => {
    const needs = [
      { orderId: 'first', itemId: 'onu', quantity: 1 },
      { orderId: 'second', itemId: 'onu', quantity: 1 },
    ];
    const r = partsReadiness(['first', 'second'], needs, [], new Map([['onu', 1]]));
    expect(r.get('first')).toEqual({
      status: 'available',
      lines: [{ itemId: 'onu', needed: 1, issued: 0, fromStore: 1, short: 0 }],
    });
    expect(r.get('second')).toEqual({
      status: 'short',
      lines: [{ itemId: 'onu', needed: 1, issued: 0, fromStore: 0, short: 1 }],
    });
  });

  it('DSP-03 what was issued for the order counts before the store, and a returned part does not', () => {
    const r = partsReadiness(
      ['x'],
      [{ orderId: 'x', itemId: 'cable', quantity: 30 }],
      [{ orderId: 'x', itemId: 'cable', quantity: 20 }],
      new Map([['cable', 5]]),
    );
    expect(r.get('x')).toEqual({
      status: 'short',
      lines: [{ itemId: 'cable', needed: 30, issued: 20, fromStore: 5, short: 5 }],
    });
  });
});
