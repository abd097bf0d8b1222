import type { NotifyPolicy } from './notify-policy.js';

/** Seconds to wait after the `attempt`-th failed try (1-based): base × factor^(attempt−1), capped. */
export function backoffSeconds(policy: NotifyPolicy, attempt: number): number {
  const raw = policy.backoffBaseSeconds * Math.pow(policy.backoffFactor, Math.max(0, attempt - 1));
  return Math.min(policy.backoffMaxSeconds, Math.round(raw));
}

export type AttemptOutcome = { ok: true } | { ok: false; retryable: boolean };

export type AfterAttempt = { status: 'sent' } | { status: 'pending'; nextAttemptAt: Date } | { status: 'dead' };

/**
 * INT-01: what a message becomes after its `attempts`-th try: sent; tried again after the back-off;
 * or dead when the tries are used up (`maxAttempts`, the row's own limit) or the failure is final.
 */
export function afterAttempt(
  policy: NotifyPolicy,
  input: { attempts: number; maxAttempts: number; outcome: AttemptOutcome; now: Date },
): AfterAttempt {
  if (input.outcome.ok) return { status: 'sent' };
  if (!input.outcome.retryable || input.attempts >= input.maxAttempts) return { status: 'dead' };
  return {
    status: 'pending',
    nextAttemptAt: new Date(input.now.getTime() + backoffSeconds(policy, input.attempts) * 1000),
  };
}
