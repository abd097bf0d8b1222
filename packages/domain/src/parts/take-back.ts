import { DomainError } from '../shared/errors.js';
import type { PartsPolicy } from './parts-policy.js';

/**
 * WO-13 take-back repair 拉修/带回: a device that cannot be fixed on site is taken away against a
 * receipt the customer signs, with its configuration and data state noted, and a promised return date;
 * a loaner unit 周转机 may be left with the customer meanwhile. When the device comes back the customer
 * signs again, and a loaner that was lent must come home in the same step.
 * Dates are calendar days 'YYYY-MM-DD' in the tenant's zone; `today` is passed in (no clock reads).
 */
export interface TakeBackInput {
  device: string;
  serial: string | null;
  configNotes: string;
  dataNotes: string;
  promisedReturnDate: string;
  signature: string | null;
  loanerUnitId: string | null;
}

export interface TakeBackState {
  status: 'out' | 'returned';
  loanerUnitId: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', message, { field });

/** Checks a take-back receipt; returns it with notes trimmed. */
export function openTakeBack(input: TakeBackInput, today: string, policy: PartsPolicy): TakeBackInput {
  if (!input.device.trim()) throw invalid('device', 'Say which device is taken back');
  // Config and data must be noted explicitly: "none" is an answer, an empty field is not.
  if (!input.configNotes.trim()) throw invalid('configNotes', "Note the device's configuration");
  if (!input.dataNotes.trim()) throw invalid('dataNotes', "Note the customer's data on the device");
  if (!input.signature) throw invalid('signature', 'The customer signs the take-back receipt');
  if (!DAY.test(input.promisedReturnDate) || Number.isNaN(dayNumber(input.promisedReturnDate))) {
    throw invalid('promisedReturnDate', 'Give the promised return date');
  }
  const days = dayNumber(input.promisedReturnDate) - dayNumber(today);
  if (days < 0 || days > policy.takeBackMaxDays) {
    throw invalid('promisedReturnDate', `The return date must be within ${policy.takeBackMaxDays} days from today`);
  }
  return {
    ...input,
    device: input.device.trim(),
    configNotes: input.configNotes.trim(),
    dataNotes: input.dataNotes.trim(),
  };
}

/**
 * The device goes back to the customer: they sign, and the loaner (if any) comes back with it.
 * WO_TAKE_BACK_CLOSED when already returned; WO_LOANER_NOT_BACK when a loaner is out and not brought back.
 */
export function closeTakeBack(tb: TakeBackState, input: { signature: string | null; loanerBack: boolean }): void {
  if (tb.status !== 'out') throw new DomainError('WO_TAKE_BACK_CLOSED', 'The device was already returned');
  if (!input.signature) throw invalid('signature', 'The customer signs for the returned device');
  if (tb.loanerUnitId && !input.loanerBack) {
    throw new DomainError('WO_LOANER_NOT_BACK', 'The loaner unit must come back with the repaired device', {
      loanerUnitId: tb.loanerUnitId,
    });
  }
}

/** Overdue when still out after the promised day. */
export const isTakeBackOverdue = (tb: { status: TakeBackState['status']; promisedReturnDate: string }, today: string) =>
  tb.status === 'out' && dayNumber(today) > dayNumber(tb.promisedReturnDate);
