import type { ClockStatus, SlaClock } from './clock.types.js';

/**
 * SLA-09: where a clock stands at `now`. Needs no calendar: the warning and due instants were computed
 * when the clock last changed, so the at-risk view is a comparison of instants (and the server can
 * index them). A clock paused after its deadline stays breached: waiting does not undo lateness.
 */
export function clockStatus(clock: SlaClock, now: Date): ClockStatus {
  const nowMs = now.getTime();
  const dueMs = clock.dueAt.getTime();
  const common = { dueAt: clock.dueAt, warnAt: clock.warnAt, measure: clock.measure, provisional: clock.provisional };
  if (clock.stoppedAt) {
    const stoppedMs = clock.stoppedAt.getTime();
    if (clock.stopReason === 'cancelled') return { ...common, state: 'cancelled', msLeft: dueMs - stoppedMs };
    return { ...common, state: stoppedMs <= dueMs ? 'met' : 'breached', msLeft: dueMs - stoppedMs };
  }
  if (clock.runningSince === null) {
    const pausedAt = clock.pausedIntervals[clock.pausedIntervals.length - 1]?.from.getTime() ?? nowMs;
    const left = clock.allowedMs - clock.consumedMs;
    return { ...common, state: pausedAt > dueMs ? 'breached' : 'paused', msLeft: left };
  }
  const msLeft = dueMs - nowMs;
  if (nowMs > dueMs) return { ...common, state: 'breached', msLeft };
  if (nowMs >= clock.warnAt.getTime()) return { ...common, state: 'warning', msLeft };
  return { ...common, state: 'running', msLeft };
}
