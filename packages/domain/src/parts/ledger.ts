import { DomainError } from '../shared/errors.js';
import { assertMovementShape, MOVEMENT_ROUTES } from './movement-rules.js';
import { balanceKey, type Condition, type Movement, type StockState, type UnitPlace } from './parts.types.js';

/**
 * PART-01 the stock ledger: every movement is one row, and the stock at any moment is the fold of
 * applyMovement over the rows. The invariants hold by construction: a movement that would take a
 * balance below zero, or move a unit from a place it is not in, is refused instead of applied.
 */

/** The +/- quantities a movement books, per (location, item, condition) — what the ledger sums. */
export interface LedgerEffect {
  key: string;
  delta: number;
}

/** The conditions a movement leaves its source in and arrives at its destination in. */
export function movementConditions(m: Movement, unit: UnitPlace | undefined): { source: Condition; dest: Condition } {
  const source = m.tracking === 'serialised' && unit ? unit.condition : (m.condition ?? 'good');
  const tagged = m.kind === 'return' || m.kind === 'recover';
  return { source, dest: tagged ? (m.faultTag ?? 'good') : source };
}

export function ledgerEffects(m: Movement, source: Condition, dest: Condition): LedgerEffect[] {
  const effects: LedgerEffect[] = [];
  if (m.from) effects.push({ key: balanceKey(m.from.id, m.itemId, source), delta: -m.quantity });
  if (m.to) effects.push({ key: balanceKey(m.to.id, m.itemId, dest), delta: m.quantity });
  return effects;
}

/**
 * Applies one movement to the stock, or throws: PART_MOVEMENT_NOT_ALLOWED (wrong ends or item),
 * PART_UNIT_ELSEWHERE (the unit is not at the source, or a received serial already exists),
 * PART_OUT_OF_STOCK (the source holds less than the quantity in that condition).
 */
export function applyMovement(state: StockState, m: Movement): StockState {
  assertMovementShape(m);
  const unit = m.unitId ? state.units[m.unitId] : undefined;
  if (m.tracking === 'serialised') checkUnit(m, unit);
  const { source, dest } = movementConditions(m, unit);
  if (MOVEMENT_ROUTES[m.kind].goodOnly && source !== 'good') {
    throw new DomainError('PART_MOVEMENT_NOT_ALLOWED', `A ${m.kind} takes good stock only`, {
      kind: m.kind,
      unitId: m.unitId ?? null,
    });
  }
  const balances = { ...state.balances };
  for (const e of ledgerEffects(m, source, dest)) {
    const next = (balances[e.key] ?? 0) + e.delta;
    if (next < 0) {
      throw new DomainError('PART_OUT_OF_STOCK', 'Not enough in stock at that location', {
        itemId: m.itemId,
        locationId: m.from?.id ?? null,
        condition: source,
        onHand: balances[e.key] ?? 0,
        wanted: m.quantity,
      });
    }
    if (next === 0) delete balances[e.key];
    else balances[e.key] = next;
  }
  if (!m.unitId) return { balances, units: state.units };
  const units = { ...state.units };
  // A unit leaves the system only by a bulk-only route, so `to` is always set for a unit here.
  units[m.unitId] = { itemId: m.itemId, locationId: m.to!.id, condition: dest };
  return { balances, units };
}

function checkUnit(m: Movement, unit: UnitPlace | undefined): void {
  if (m.kind === 'receive') {
    if (unit) {
      throw new DomainError('PART_UNIT_ELSEWHERE', 'That unit is already in stock', {
        unitId: m.unitId,
        locationId: unit.locationId,
      });
    }
    return;
  }
  if (!unit || unit.locationId !== m.from?.id || unit.itemId !== m.itemId) {
    throw new DomainError('PART_UNIT_ELSEWHERE', 'That unit is not at the location the movement starts from', {
      unitId: m.unitId,
      expected: m.from?.id ?? null,
      actual: unit?.locationId ?? null,
    });
  }
}

/** On-hand of an item at a location in a condition (0 when absent). */
export function onHand(state: StockState, locationId: string, itemId: string, condition: Condition = 'good'): number {
  return state.balances[balanceKey(locationId, itemId, condition)] ?? 0;
}
