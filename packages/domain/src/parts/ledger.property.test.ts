import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { applyMovement, ledgerEffects, movementConditions } from './ledger.js';
import { MOVEMENT_ROUTES } from './movement-rules.js';
import {
  balanceKey,
  CONDITIONS,
  type Condition,
  EMPTY_STOCK,
  MOVEMENT_KINDS,
  type LocationRef,
  type Movement,
  type MovementKind,
  type StockState,
} from './parts.types.js';

/**
 * PART-01 property: whatever sequence of movements is attempted (most of them nonsense), the stock
 * that results from the accepted ones keeps every invariant:
 * - no balance is negative;
 * - every unit is in exactly one place, and the count of units at a place equals its balance;
 * - the ledger (the accepted movements' effects summed) equals on-hand.
 */
const LOCATIONS: LocationRef[] = [
  { id: 'C', kind: 'central' },
  { id: 'S1', kind: 'station' },
  { id: 'S2', kind: 'station' },
  { id: 'V1', kind: 'van' },
  { id: 'V2', kind: 'van' },
  { id: 'K', kind: 'customer' },
  { id: 'X', kind: 'scrapped' },
];
const UNITS = ['u1', 'u2', 'u3', 'u4'];

/** An end the kind allows (mostly), so most movements are legal shapes and stock levels get exercised. */
function endFor(allowed: readonly LocationRef['kind'][] | null): fc.Arbitrary<LocationRef | null> {
  const fitting: fc.Arbitrary<LocationRef | null> =
    allowed === null ? fc.constant(null) : fc.constantFrom(...LOCATIONS.filter((l) => allowed.includes(l.kind)));
  const any: fc.Arbitrary<LocationRef | null> = fc.option(fc.constantFrom(...LOCATIONS));
  return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: any });
}
// Receipts are weighted up so there is stock for the other kinds to move.
const movement: fc.Arbitrary<Movement> = fc
  .constantFrom<MovementKind>('receive', 'receive', ...MOVEMENT_KINDS)
  .chain((kind) => {
    const route = MOVEMENT_ROUTES[kind];
    const ends = { kind: fc.constant(kind), from: endFor(route.from), to: endFor(route.to) };
    return fc.oneof(
      fc.record({
        ...ends,
        itemId: fc.constant('cable'),
        tracking: fc.constant('bulk' as const),
        quantity: fc.integer({ min: 1, max: 6 }),
        condition: fc.constantFrom<Condition>('good', 'good', 'good', 'faulty'),
        faultTag: fc.constantFrom(...CONDITIONS),
      }),
      fc.record({
        ...ends,
        itemId: fc.constant('onu'),
        tracking: fc.constant('serialised' as const),
        unitId: fc.constantFrom(...UNITS),
        quantity: fc.constant(1),
        faultTag: fc.constantFrom(...CONDITIONS),
      }),
    );
  });

function checkInvariants(state: StockState, ledger: Record<string, number>) {
  for (const [key, qty] of Object.entries(state.balances)) {
    expect(qty, key).toBeGreaterThan(0);
  }
  const unitCounts: Record<string, number> = {};
  for (const place of Object.values(state.units)) {
    const key = balanceKey(place.locationId, place.itemId, place.condition);
    unitCounts[key] = (unitCounts[key] ?? 0) + 1;
  }
  for (const [key, qty] of Object.entries(state.balances)) {
    if (key.includes('|onu|')) expect(unitCounts[key], key).toBe(qty);
  }
  for (const [key, count] of Object.entries(unitCounts)) expect(state.balances[key], key).toBe(count);
  const nonZeroLedger = Object.fromEntries(Object.entries(ledger).filter(([, v]) => v !== 0));
  expect(nonZeroLedger).toEqual(state.balances);
}

const stats: number[] = [];
describe('PART-01 ledger properties', () => {
  it('PART-01 random movement sequences keep every invariant (no negative, one place per unit, ledger = on-hand)', () => {
    fc.assert(
      fc.property(fc.array(movement, { minLength: 20, maxLength: 120 }), (moves) => {
        let state = EMPTY_STOCK;
        const ledger: Record<string, number> = {};
        let accepted = 0;
        for (const m of moves) {
          let next: StockState;
          try {
            next = applyMovement(state, m);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            continue; // refused: the state must stay as it was (it is immutable, so it does)
          }
          const { source, dest } = movementConditions(m, m.unitId ? state.units[m.unitId] : undefined);
          for (const eff of ledgerEffects(m, source, dest)) ledger[eff.key] = (ledger[eff.key] ?? 0) + eff.delta;
          state = next;
          accepted++;
          checkInvariants(state, ledger);
        }
        stats.push(accepted);
        return true;
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that only produces refusals (the invariants would hold vacuously).
    expect(stats.reduce((a, b) => a + b, 0) / stats.length).toBeGreaterThan(5);
  });

  it('PART-01 a scenario that is always legal is always accepted (receive → borrow → return)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 50 }), (received, wanted) => {
        const S = LOCATIONS[1]!;
        const V = LOCATIONS[3]!;
        const base = { itemId: 'cable', tracking: 'bulk' as const };
        let s = applyMovement(EMPTY_STOCK, { ...base, kind: 'receive', quantity: received, from: null, to: S });
        const take = Math.min(received, Math.max(1, wanted));
        s = applyMovement(s, { ...base, kind: 'borrow', quantity: take, from: S, to: V });
        s = applyMovement(s, { ...base, kind: 'return', quantity: take, from: V, to: S, faultTag: 'good' });
        expect(s.balances).toEqual({ [balanceKey('S1', 'cable', 'good')]: received });
      }),
    );
  });
});
