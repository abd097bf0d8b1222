import type { Position } from '../org/positions.js';

/**
 * PART-02/03 numbers and who-may-what as data (architecture: policies are data). Versioned so a
 * borrow card can say which rules it was issued under.
 */
export interface PartsPolicy {
  version: number;
  /**
   * PART-02 前件不还后件不借: how many unsettled borrow lines for *other* orders an engineer may hold
   * and still borrow. 0 = none: everything borrowed earlier must be back (or used) first. More parts
   * for the same order are not "a next borrow" and are always allowed.
   */
  maxOpenLinesOfOtherOrders: number;
  /** Positions that may override PART-02 (borrow anyway) and PART-03 (complete anyway), with a reason. */
  overridePositions: readonly Position[];
  /** A reason shorter than this (after trimming) is not a reason. */
  minOverrideReasonLength: number;
  /** Positions that keep stores: receive, transfer, issue, take back. */
  clerkPositions: readonly Position[];
  /**
   * PART-04: a low-stock warning must be acknowledged (passed on to whoever restocks) within this many
   * hours of being raised; one acknowledged later, or never before stock recovers, is a missed warning
   * recorded against the store's vendor. The sources give no figure: 24 h is our default, per tenant.
   */
  lowStockAckHours: number;
  /** WO-13: the longest a take-back repair may promise the device back, in days (a tenant setting). */
  takeBackMaxDays: number;
}

export const DEFAULT_PARTS_POLICY: PartsPolicy = {
  version: 1,
  maxOpenLinesOfOtherOrders: 0,
  overridePositions: ['station_manager'],
  minOverrideReasonLength: 4,
  clerkPositions: ['parts_clerk', 'station_manager', 'admin'],
  lowStockAckHours: 24,
  takeBackMaxDays: 30,
};
