import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyMovement, onHand } from './ledger.js';
import { EMPTY_STOCK, type LocationRef, type Movement, type StockState } from './parts.types.js';

const central: LocationRef = { id: 'central', kind: 'central' };
const station: LocationRef = { id: 'station', kind: 'station' };
const van: LocationRef = { id: 'van', kind: 'van' };
const customer: LocationRef = { id: 'cust', kind: 'customer' };
const scrapped: LocationRef = { id: 'scrap', kind: 'scrapped' };

const bulk = (kind: Movement['kind'], from: LocationRef | null, to: LocationRef | null, quantity: number) =>
  ({ kind, itemId: 'cable', tracking: 'bulk', quantity, from, to }) as Movement;
const unit = (kind: Movement['kind'], unitId: string, from: LocationRef | null, to: LocationRef | null, over = {}) =>
  ({ kind, itemId: 'onu', tracking: 'serialised', unitId, quantity: 1, from, to, ...over }) as Movement;

const run = (moves: Movement[], start: StockState = EMPTY_STOCK) => moves.reduce(applyMovement, start);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return 'OK';
};

describe('PART-01 stock ledger', () => {
  it('PART-01 receive, transfer, borrow, consume and return keep on-hand per location', () => {
    const s = run([
      bulk('receive', null, central, 10),
      bulk('transfer', central, station, 6),
      bulk('borrow', station, van, 4),
      bulk('consume', van, null, 1),
      { ...bulk('return', van, station, 2), faultTag: 'faulty' },
    ]);
    expect(onHand(s, 'central', 'cable')).toBe(4);
    expect(onHand(s, 'station', 'cable')).toBe(2);
    expect(onHand(s, 'station', 'cable', 'faulty')).toBe(2);
    expect(onHand(s, 'van', 'cable')).toBe(1);
  });

  it('PART-01 stock never goes negative: taking more than is there is PART_OUT_OF_STOCK', () => {
    const s = run([bulk('receive', null, station, 2)]);
    expect(codeOf(() => applyMovement(s, bulk('borrow', station, van, 3)))).toBe('PART_OUT_OF_STOCK');
    expect(codeOf(() => applyMovement(s, bulk('borrow', central, van, 1)))).toBe('PART_OUT_OF_STOCK');
  });

  it('PART-01 a serialised unit is in exactly one place; moving it from elsewhere is PART_UNIT_ELSEWHERE', () => {
    const s = run([unit('receive', 'SN1', null, station), unit('borrow', 'SN1', station, van)]);
    expect(s.units.SN1).toEqual({ itemId: 'onu', locationId: 'van', condition: 'good' });
    expect(codeOf(() => applyMovement(s, unit('borrow', 'SN1', station, van)))).toBe('PART_UNIT_ELSEWHERE');
    expect(codeOf(() => applyMovement(s, unit('receive', 'SN1', null, central)))).toBe('PART_UNIT_ELSEWHERE');
  });

  it('PART-01 a replacement: the new unit is installed, the old one recovered faulty and returned; a faulty unit is not lent', () => {
    const s = run([
      unit('receive', 'OLD', null, station),
      unit('borrow', 'OLD', station, van),
      unit('install', 'OLD', van, customer),
      unit('receive', 'NEW', null, station),
      unit('borrow', 'NEW', station, van),
      unit('install', 'NEW', van, customer),
      unit('recover', 'OLD', customer, van, { faultTag: 'faulty' }),
      unit('return', 'OLD', van, station, { faultTag: 'faulty' }),
    ]);
    expect(s.units.OLD).toEqual({ itemId: 'onu', locationId: 'station', condition: 'faulty' });
    expect(s.units.NEW!.locationId).toBe('cust');
    expect(onHand(s, 'station', 'onu', 'faulty')).toBe(1);
    expect(codeOf(() => applyMovement(s, unit('borrow', 'OLD', station, van)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    expect(codeOf(() => applyMovement(s, unit('scrap', 'OLD', station, scrapped)))).toBe('OK');
  });

  it('PART-01 movements only connect the locations their kind allows', () => {
    const s = run([bulk('receive', null, station, 5), unit('receive', 'SN', null, station)]);
    expect(codeOf(() => applyMovement(s, bulk('borrow', station, customer, 1)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    expect(codeOf(() => applyMovement(s, bulk('consume', station, null, 1)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    expect(codeOf(() => applyMovement(s, bulk('transfer', station, station, 1)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    expect(codeOf(() => applyMovement(s, bulk('receive', null, van, 1)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    const borrowed = applyMovement(s, unit('borrow', 'SN', station, van));
    expect(codeOf(() => applyMovement(borrowed, unit('consume', 'SN', van, null)))).toBe('PART_MOVEMENT_NOT_ALLOWED');
    expect(codeOf(() => applyMovement(s, bulk('borrow', station, van, 0)))).toBe('VALIDATION_FAILED');
  });
});
