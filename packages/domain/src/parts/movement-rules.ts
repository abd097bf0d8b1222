import { DomainError } from '../shared/errors.js';
import { STORE_KINDS, type LocationKind, type LocationRef, type Movement, type MovementKind } from './parts.types.js';

/**
 * PART-01: which locations each kind of movement may connect. `null` is outside the system (the
 * supplier a receipt comes from, the job a consumed part disappears into). A movement between any
 * other pair is a mistake of the caller, not a stock shortage, and is refused before stock is read.
 */
interface Route {
  from: readonly LocationKind[] | null;
  to: readonly LocationKind[] | null;
  /** Serialised units cannot vanish: they are installed at the customer instead of consumed. */
  bulkOnly?: boolean;
  /** Only good stock may go out to a job (a faulty part is never lent or installed). */
  goodOnly?: boolean;
}

const HELD: readonly LocationKind[] = [...STORE_KINDS, 'van'];

export const MOVEMENT_ROUTES: Readonly<Record<MovementKind, Route>> = {
  receive: { from: null, to: STORE_KINDS },
  transfer: { from: STORE_KINDS, to: STORE_KINDS },
  borrow: { from: STORE_KINDS, to: ['van'], goodOnly: true },
  return: { from: ['van'], to: STORE_KINDS },
  consume: { from: ['van'], to: null, bulkOnly: true, goodOnly: true },
  install: { from: ['van'], to: ['customer'], goodOnly: true },
  recover: { from: ['customer'], to: ['van'] },
  scrap: { from: HELD, to: ['scrapped'] },
};

function endFits(allowed: readonly LocationKind[] | null, end: LocationRef | null): boolean {
  if (allowed === null) return end === null;
  return end !== null && allowed.includes(end.kind);
}

const refuse = (m: Movement, why: string) =>
  new DomainError('PART_MOVEMENT_NOT_ALLOWED', `A ${m.kind} ${why}`, { kind: m.kind, itemId: m.itemId });

/** Checks the shape of a movement (ends, quantity, unit); stock levels are checked by applyMovement. */
export function assertMovementShape(m: Movement): void {
  const route = MOVEMENT_ROUTES[m.kind];
  if (!endFits(route.from, m.from)) throw refuse(m, `cannot start at ${m.from ? m.from.kind : 'outside'}`);
  if (!endFits(route.to, m.to)) throw refuse(m, `cannot end at ${m.to ? m.to.kind : 'outside'}`);
  if (m.from && m.to && m.from.id === m.to.id) throw refuse(m, 'must go somewhere else');
  if (!Number.isSafeInteger(m.quantity) || m.quantity < 1) {
    throw new DomainError('VALIDATION_FAILED', 'Quantity must be a whole number of at least 1', { field: 'quantity' });
  }
  if (m.tracking === 'serialised') {
    if (route.bulkOnly) throw refuse(m, 'of a serialised unit is not possible: install it at the customer');
    if (!m.unitId) throw new DomainError('VALIDATION_FAILED', 'Name the unit (serial number)', { field: 'unitId' });
    if (m.quantity !== 1) throw refuse(m, 'of a serialised item moves exactly one unit');
  } else if (m.unitId) {
    throw refuse(m, 'of a bulk item names no unit');
  }
  if (route.goodOnly && (m.condition ?? 'good') !== 'good') throw refuse(m, 'takes good stock only');
}
