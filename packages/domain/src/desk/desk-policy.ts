import { z } from 'zod';
import { POSITIONS } from '../org/positions.js';
import { intakeRuleSchema, DEFAULT_INTAKE_RULES } from './intake.js';
import { batchFaultPolicySchema, DEFAULT_BATCH_FAULT_POLICY } from './batch-faults.js';

/**
 * DESK-04/06 numbers as data (architecture: policies are data, versioned, zod-validated). Kept beside
 * the desk rules rather than in the foundation pack so the desk can evolve its section on its own.
 */
export const deskPolicySchema = z.object({
  version: z.number().int().positive(),
  /** DESK-06: a customer's self-service link works this many days after it was issued. */
  selfServiceLinkValidDays: z.number().int().positive(),
  /** DESK-06: a customer may urge (催办) one order at most once per this many minutes. */
  urgeMinIntervalMinutes: z.number().int().positive(),
  /** DESK-06: satisfaction is given on a scale from 1 to this. */
  satisfactionScaleMax: z.number().int().min(2).max(10),
  /** DESK-06: the longest comment a customer may leave with a rating, in characters. */
  ratingCommentMaxLength: z.number().int().positive(),
  /** DESK-06: requests per minute one client address may make to the public self-service routes. */
  publicRequestsPerMinute: z.number().int().positive(),
  /** DESK-01: how many of the customer's latest orders the intake lookup shows. */
  intakeHistoryOrders: z.number().int().min(1).max(100),
  /** DESK-06 escalation: from this many urges on one order the station manager is told too. */
  urgeEscalateToManagerAt: z.number().int().min(1),
  /** DESK-01: the service mode an intake's facts lead to; first matching rule wins. */
  intakeRules: z.array(intakeRuleSchema).min(1),
  /**
   * DESK-04: positions that may send a text with a flagged phrase after explicitly confirming it
   * (a false hit, e.g. a quoted complaint); everyone else must rephrase.
   */
  flaggedTextConfirmPositions: z.array(z.enum(POSITIONS)),
  /** DESK-03: who works the carry-in counter (receipt, stages, pickup). */
  carryInPositions: z.array(z.enum(POSITIONS)).min(1),
  /** DESK-04: who edits the tenant's scripts and forbidden phrases. */
  scriptAdminPositions: z.array(z.enum(POSITIONS)).min(1),
  /** WO-11: when fault reports cluster into a proposed parent incident (count, window, keys). */
  batchFaults: batchFaultPolicySchema,
});
export type DeskPolicy = z.infer<typeof deskPolicySchema>;

export const DEFAULT_DESK_POLICY: DeskPolicy = deskPolicySchema.parse({
  version: 1,
  selfServiceLinkValidDays: 30,
  urgeMinIntervalMinutes: 60,
  satisfactionScaleMax: 5,
  ratingCommentMaxLength: 500,
  publicRequestsPerMinute: 60,
  intakeHistoryOrders: 10,
  urgeEscalateToManagerAt: 2,
  intakeRules: DEFAULT_INTAKE_RULES,
  flaggedTextConfirmPositions: ['station_manager', 'admin'],
  carryInPositions: ['reception_engineer', 'repair_engineer', 'hotline_agent', 'station_manager', 'admin'],
  scriptAdminPositions: ['station_manager', 'admin'],
  batchFaults: DEFAULT_BATCH_FAULT_POLICY,
});
