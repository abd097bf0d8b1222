import { describe, expect, it } from 'vitest';
import { offlineConflict } from './offline-conflict.js';

const me = 'p-me';

describe('ENG-07 offline conflict rule', () => {
  it('ENG-07 an order still held by the engineer and open has no conflict', () => {
    expect(offlineConflict({ status: 'en_route', holderId: me }, me, 'arrive')).toBeNull();
  });
  it('ENG-07 an order now held by someone else, or back in the pool, is "reassigned"', () => {
    expect(offlineConflict({ status: 'taken', holderId: 'p-other' }, me, 'depart')).toBe('reassigned');
    expect(offlineConflict({ status: 'assigned', holderId: null }, me, 'checklist')).toBe('reassigned');
  });
  it('ENG-07 cancelled and finished orders are named as such, whoever holds them', () => {
    expect(offlineConflict({ status: 'cancelled', holderId: me }, me, 'arrive')).toBe('cancelled');
    expect(offlineConflict({ status: 'closed', holderId: me }, me, 'confirmation')).toBe('finished');
  });
  it('ENG-07 a queued take is left to WO-04 (already taken) when the order is still live', () => {
    expect(offlineConflict({ status: 'taken', holderId: 'p-other' }, me, 'take')).toBeNull();
  });
});
