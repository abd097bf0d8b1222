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
const UNITS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];
/**
 * Fitting ends are drawn mostly from one store of each kind and one van, so stock meets the next
 * movement often enough to reach the van → customer → van chain (install, consume, recover); drawn
 * evenly from every location, those were accepted a handful of times in 300 runs.
 */
const BUSY = new Set(['C', 'S1', 'V1', 'K', 'X']);

/** An end the kind allows (mostly), so most movements are legal shapes and stock levels get exercised. */
function endFor(allowed: readonly LocationRef['kind'][] | null): fc.Arbitrary<LocationRef | null> {
  const fits = LOCATIONS.filter((l) => allowed?.includes(l.kind));
  const busy = fits.filter((l) => BUSY.has(l.id));
  const fitting: fc.Arbitrary<LocationRef | null> =
    allowed === null
      ? fc.constant(null)
      : fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...busy) },
          { weight: 1, arbitrary: fc.constantFrom(...fits) },
        );
  const any: fc.Arbitrary<LocationRef | null> = fc.option(fc.constantFrom(...LOCATIONS));
  return fc.oneof({ weight: 6, arbitrary: fitting }, { weight: 1, arbitrary: any });
}
// Receipts are weighted up so there is stock for the other kinds to move, and van-to-store returns so
// that the van's stock (which needs a borrow or a recovery first) is exercised often enough.
const movement: fc.Arbitrary<Movement> = fc
  .constantFrom<MovementKind>('receive', 'receive', 'return', 'return', ...MOVEMENT_KINDS)
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
/** Accepted movements per kind over all runs: transfer, scrap and a loaner's install/recover must all occur. */
const acceptedKinds: Partial<Record<MovementKind, number>> = {};
describe('PART-01 ledger properties', () => {
  it('PART-01 random movement sequences keep every invariant (no negative, one place per unit, ledger = on-hand)', () => {
    fc.assert(
      fc.property(fc.array(movement, { minLength: 20, maxLength: 120, size: 'max' }), (moves) => {
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
          acceptedKinds[m.kind] = (acceptedKinds[m.kind] ?? 0) + 1;
          checkInvariants(state, ledger);
        }
        stats.push(accepted);
        return true;
      }),
      { numRuns: 300 },
    );
    // Guard against a generator that only produces refusals (the invariants would hold vacuously).
    expect(stats.reduce((a, b) => a + b, 0) / stats.length).toBeGreaterThan(5);
    // …and one that never gets as far as transfers, scraps or loaners going out and back.
    for (const kind of MOVEMENT_KINDS) expect(acceptedKinds[kind] ?? 0, kind).toBeGreaterThan(0);
  });

  it('PART-01 WO-13 a loaner unit lent and brought back is in exactly one place at every step', () => {
    fc.assert(
      fc.property(fc.constantFrom<'good' | 'faulty'>('good', 'faulty'), (tag) => {
        const [C, S, , V, , K, X] = LOCATIONS as [LocationRef, ...LocationRef[]] as LocationRef[];
        const u = { itemId: 'onu', tracking: 'serialised' as const, unitId: 'loaner-1', quantity: 1 };
        const steps: Movement[] = [
          { ...u, kind: 'receive', from: null, to: C! },
          { ...u, kind: 'transfer', from: C!, to: S! },
          { ...u, kind: 'borrow', from: S!, to: V! },
          { ...u, kind: 'install', from: V!, to: K! },
          { ...u, kind: 'recover', from: K!, to: V!, faultTag: tag },
          { ...u, kind: 'return', from: V!, to: S!, faultTag: tag },
          { ...u, kind: 'scrap', from: S!, to: X! },
        ];
        let s = EMPTY_STOCK;
        for (const m of steps) {
          s = applyMovement(s, m);
          const where = Object.entries(s.balances).filter(([k]) => k.includes('|onu|'));
          expect(where).toEqual([[balanceKey(m.to!.id, 'onu', s.units['loaner-1']!.condition), 1]]);
        }
        expect(s.units['loaner-1']).toEqual({ itemId: 'onu', locationId: 'X', condition: tag });
      }),
    );
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
