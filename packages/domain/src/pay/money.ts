import { DomainError } from '../shared/errors.js';

/** PAY-03: an amount in minor units (fen). Only safe integers; never floats, never rounding. */
export type Fen = number;

export function assertFen(amount: number, field = 'amountFen', allowZero = true): Fen {
  if (!Number.isSafeInteger(amount) || amount < (allowZero ? 0 : 1)) {
    throw new DomainError('VALIDATION_FAILED', 'Amounts are whole fen', { field });
  }
  return amount;
}

/** Sum of fen amounts; refuses to leave the safe-integer range instead of losing precision. */
export function sumFen(amounts: readonly Fen[]): Fen {
  let total = 0;
  for (const a of amounts) {
    total += assertFen(a);
    if (!Number.isSafeInteger(total)) throw new DomainError('VALIDATION_FAILED', 'Amount too large', {});
  }
  return total;
}

export function multiplyFen(unit: Fen, quantity: number): Fen {
  assertFen(unit, 'unitPriceFen');
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new DomainError('VALIDATION_FAILED', 'Quantity must be a whole number of at least 1', { field: 'quantity' });
  }
  const total = unit * quantity;
  if (!Number.isSafeInteger(total)) throw new DomainError('VALIDATION_FAILED', 'Amount too large', {});
  return total;
}
