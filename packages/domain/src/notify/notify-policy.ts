import { z } from 'zod';
import { POSITIONS } from '../org/positions.js';

/**
 * INT-01 numbers as data: how often a customer message is tried, how long to wait between tries, and
 * who works the outbox and the templates. Kept beside the notification rules (like the desk's policy).
 */
export const notifyPolicySchema = z.object({
  version: z.number().int().positive(),
  /** A message is tried at most this many times; then it is dead and waits for a person. */
  maxAttempts: z.number().int().min(1).max(50),
  /** Wait before the 2nd try; each later wait is `backoffFactor` times the one before, up to the cap. */
  backoffBaseSeconds: z.number().int().min(1),
  backoffFactor: z.number().min(1),
  backoffMaxSeconds: z.number().int().min(1),
  /** A try still "sending" after this long is taken as interrupted (crashed process) and tried again. */
  sendingLeaseSeconds: z.number().int().min(10),
  /** ENG-02/INT-01: the ETA told to the customer is rounded up to this many minutes. */
  etaRoundMinutes: z.number().int().min(1).max(60),
  /** A position the engineer's phone reported is used for the ETA while it is at most this old. */
  positionMaxAgeMinutes: z.number().int().min(1),
  /** The language customer messages are written in when nothing else is known. */
  defaultLocale: z.enum(['zh-CN', 'en']),
  /** Channels each customer event goes out on (a channel needs the matching address on the order). */
  channels: z.array(z.enum(['sms', 'email', 'wechat', 'webhook'])).min(1),
  /** Who reads the outbox (send log) and the templates. */
  outboxViewPositions: z.array(z.enum(POSITIONS)).min(1),
  /** Who may press "retry now" on a failed or held message. */
  outboxRetryPositions: z.array(z.enum(POSITIONS)).min(1),
  /** Who edits the tenant's message templates (operator staff only: the words are the tenant's). */
  templateAdminPositions: z.array(z.enum(POSITIONS)).min(1),
});
export type NotifyPolicy = z.infer<typeof notifyPolicySchema>;

export const DEFAULT_NOTIFY_POLICY: NotifyPolicy = notifyPolicySchema.parse({
  version: 1,
  maxAttempts: 6,
  backoffBaseSeconds: 30,
  backoffFactor: 2,
  backoffMaxSeconds: 3600,
  sendingLeaseSeconds: 300,
  etaRoundMinutes: 5,
  positionMaxAgeMinutes: 240,
  defaultLocale: 'zh-CN',
  channels: ['sms'],
  outboxViewPositions: ['admin', 'station_manager', 'hotline_agent'],
  outboxRetryPositions: ['admin', 'station_manager', 'hotline_agent'],
  templateAdminPositions: ['admin'],
});
