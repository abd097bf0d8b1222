import type { KpiClockOutcome } from './kpi-facts.js';

/**
 * KPI-01 facts read from stored records whose meaning needs a rule: the outcome of an SLA clock at an
 * instant (SLA compliance) and whether the parts a job needed were at hand (parts hit rate, PART-05).
 * Pure, so the server's direct computation and the day pre-aggregates' SQL can be checked against them.
 */

/** An SLA clock as stored: life-cycle state and the instants that decide it. */
export interface KpiClockRecord {
  kind: string;
  dueAt: Date;
  state: string;
  stoppedAt: Date | null;
  /** Start of the open pause (state `paused`). */
  pausedAt: Date | null;
  /** `cancelled` when the order was cancelled: that promise was withdrawn, not kept or broken. */
  stopReason: string | null;
}

/**
 * SLA-02/09 outcome at `asOf`, as the at-risk view judges it (clockStatus): a stopped clock met its
 * promise when it stopped by its due instant; a clock paused after its due instant stays breached; a
 * running one is breached once `asOf` is past due; otherwise it is still running (not decided yet).
 * A clock stopped by a cancellation is excused (left out).
 */
export function kpiClockOutcome(c: KpiClockRecord, asOf: Date): KpiClockOutcome {
  const base = { kind: c.kind, dueAt: c.dueAt };
  if (c.state === 'stopped') {
    if (c.stopReason === 'cancelled') return { ...base, outcome: 'excused' };
    return { ...base, outcome: c.stoppedAt && c.stoppedAt.getTime() <= c.dueAt.getTime() ? 'met' : 'breached' };
  }
  if (c.state === 'paused') {
    return { ...base, outcome: c.pausedAt && c.pausedAt.getTime() > c.dueAt.getTime() ? 'breached' : 'running' };
  }
  return { ...base, outcome: asOf.getTime() > c.dueAt.getTime() ? 'breached' : 'running' };
}

/** One borrow-card line of an order (PART-02): the card's issue instant and how much of it was used. */
export interface KpiPartLine {
  cardId: string;
  issuedAt: Date;
  consumed: number;
}

/**
 * PART-05 parts hit (备件命中): did the engineer have the parts the job needed when he first went out?
 * The stored record of "needed" is what was used (consumed) on the job, and of "taken" the borrow
 * cards issued for the order. The job hit when every used part came on the order's first card (the
 * cards issued at its earliest issue instant); a part used from a later card means a second trip to
 * the store. A job that took parts and used none hit too (nothing was missing). A job without any
 * borrow line took no parts and is left out (null).
 */
export function partsHitOf(lines: readonly KpiPartLine[]): boolean | null {
  if (lines.length === 0) return null;
  const first = Math.min(...lines.map((l) => l.issuedAt.getTime()));
  return lines.every((l) => !(l.consumed > 0 && l.issuedAt.getTime() > first));
}
