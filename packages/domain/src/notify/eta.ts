import type { NotifyPolicy } from './notify-policy.js';

/**
 * ENG-02/INT-01: the arrival time told to the customer when the engineer leaves — now plus the travel
 * minutes, rounded up to the policy's step so we promise a little late rather than a little early.
 */
export function etaFrom(policy: NotifyPolicy, now: Date, travelMinutes: number): Date {
  const step = policy.etaRoundMinutes * 60_000;
  const raw = now.getTime() + Math.max(0, travelMinutes) * 60_000;
  return new Date(Math.ceil(raw / step) * step);
}
