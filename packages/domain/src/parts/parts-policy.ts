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
}

export const DEFAULT_PARTS_POLICY: PartsPolicy = {
  version: 1,
  maxOpenLinesOfOtherOrders: 0,
  overridePositions: ['station_manager'],
  minOverrideReasonLength: 4,
  clerkPositions: ['parts_clerk', 'station_manager', 'admin'],
};
