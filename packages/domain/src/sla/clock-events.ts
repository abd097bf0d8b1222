import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { DomainError } from '../shared/errors.js';
import type { ClockEvent, SlaClock, SlaOrderFacts } from './clock.types.js';
import { appointmentFollowed, measuredBetween, settle, startClock } from './clock-engine.js';
import type { SlaPolicy } from './sla-policy.js';

/**
 * SLA-09: a clock's life after its start — pause and resume while waiting on the customer, a third party
 * or parts (only for reasons its definition lists), a customer's new appointment, and the stop. Every
 * change appends a step, so pauses stay visible in the explanation. Events come in time order; a
 * repeated pause or resume is a no-op (the server may relay the same suspension twice).
 *
 * The calendar is an argument because resuming a working-time clock moves its deadline by working time
 * (a pause from Friday 16:00 to Monday 10:00 costs three working hours, not 66 wall hours).
 */
export function applyClockEvent(clock: SlaClock, event: ClockEvent, cal: BusinessCalendar): SlaClock {
  const atMs = event.at.getTime();
  if (Number.isNaN(atMs)) throw new DomainError('VALIDATION_FAILED', 'Invalid event time', { field: 'at' });
  if (atMs < clock.lastEventAt.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'Clock events are applied in time order', { field: 'at' });
  }
  if (cal.id !== clock.calendarId) {
    throw new DomainError('VALIDATION_FAILED', `Clock runs on calendar "${clock.calendarId}", not "${cal.id}"`, {
      field: 'calendar',
    });
  }
  if (clock.stoppedAt) return clock; // a stopped clock is final
  const paused = clock.runningSince === null;
  const base = { ...clock, lastEventAt: event.at };

  switch (event.type) {
    case 'pause': {
      if (paused) return clock;
      if (!clock.definition.pauseOn.includes(event.reason)) {
        return {
          ...base,
          steps: [...clock.steps, { code: 'pause_not_allowed', params: { reason: event.reason, atMs } }],
        };
      }
      return {
        ...base,
        consumedMs: consumedAt(clock, atMs, cal),
        runningSince: null,
        pausedIntervals: [...clock.pausedIntervals, { from: event.at, to: null, reason: event.reason }],
        steps: [...clock.steps, { code: 'paused', params: { reason: event.reason, atMs } }],
      };
    }
    case 'resume': {
      if (!paused) return clock;
      const open = clock.pausedIntervals[clock.pausedIntervals.length - 1]!;
      const lost = measuredBetween(clock.measure, cal, open.from.getTime(), atMs);
      const resumed = settle(
        {
          ...base,
          runningSince: event.at,
          pausedIntervals: [...clock.pausedIntervals.slice(0, -1), { ...open, to: event.at }],
        },
        atMs,
        cal,
      );
      const step = { code: 'resumed' as const, params: { atMs, pausedMs: lost, dueMs: resumed.dueAt.getTime() } };
      return { ...resumed, steps: [...resumed.steps, step] };
    }
    case 'appointment_changed': {
      const def = clock.definition;
      if (!def.followsCustomerAppointment && def.deadline.kind !== 'before_appointment') return clock;
      const appointment = appointmentFollowed(clock.definition, event.appointment);
      const step = {
        code: 'appointment_changed' as const,
        params: {
          atMs,
          windowStartMs: event.appointment?.start.getTime() ?? null,
          windowEndMs: event.appointment?.end.getTime() ?? null,
          chosenBy: event.appointment?.chosenBy ?? null,
          followed: appointment !== null,
        },
      };
      if (clock.definition.deadline.kind === 'before_appointment' && !appointment) {
        // The visit it was about is gone: the promise ends with it.
        return stop({ ...base, steps: [...clock.steps, step] }, atMs, 'cancelled', cal);
      }
      const withAppt = { ...base, appointment, steps: [...clock.steps, step] };
      // While paused the new appointment waits for the resume, which settles the deadline.
      if (paused) return withAppt;
      return settle({ ...withAppt, consumedMs: consumedAt(clock, atMs, cal), runningSince: event.at }, atMs, cal);
    }
    case 'stop':
      return stop(base, atMs, event.reason, cal);
  }
}

function consumedAt(clock: SlaClock, atMs: number, cal: BusinessCalendar): number {
  if (!clock.runningSince) return clock.consumedMs;
  return clock.consumedMs + Math.max(0, measuredBetween(clock.measure, cal, clock.runningSince.getTime(), atMs));
}

function stop(clock: SlaClock, atMs: number, reason: 'completed' | 'cancelled', cal: BusinessCalendar): SlaClock {
  const last = clock.pausedIntervals[clock.pausedIntervals.length - 1];
  const pausedIntervals =
    clock.runningSince === null && last && last.to === null
      ? [...clock.pausedIntervals.slice(0, -1), { ...last, to: new Date(atMs) }]
      : clock.pausedIntervals;
  const met = atMs <= clock.dueAt.getTime();
  return {
    ...clock,
    consumedMs: consumedAt(clock, atMs, cal),
    runningSince: null,
    pausedIntervals,
    stoppedAt: new Date(atMs),
    stopReason: reason,
    steps: [...clock.steps, { code: 'stopped', params: { atMs, reason, met } }],
  };
}

export interface Reevaluation {
  clock: SlaClock;
  /** Whether the deadline or the policy version changed: the server records an event when it did. */
  changed: boolean;
  previous: { policyVersion: number; dueAt: Date };
}

/**
 * SLA-02: the explicit "re-evaluate" command. Recomputes a clock under the given (usually newer) policy
 * from its original start, replaying its pauses and stop, and says what moved. Nothing else ever
 * changes an existing clock's deadline: startClocks with a new policy only affects new clocks.
 */
export function reevaluateClock(
  clock: SlaClock,
  facts: SlaOrderFacts,
  policy: SlaPolicy,
  cal: BusinessCalendar,
  now: Date,
): Reevaluation {
  const previous = { policyVersion: clock.policyVersion, dueAt: clock.dueAt };
  const def = policy.clocks.find((c) => c.kind === clock.kind);
  const fresh = def
    ? startClock(def, policy, { ...facts, appointment: clock.appointment }, cal, clock.startedAt, now)
    : null;
  if (!fresh) return { clock, changed: false, previous };
  let next = fresh;
  for (const p of clock.pausedIntervals) {
    next = applyClockEvent(next, { type: 'pause', at: p.from, reason: p.reason }, cal);
    if (p.to) next = applyClockEvent(next, { type: 'resume', at: p.to }, cal);
  }
  if (clock.stoppedAt && clock.stopReason) {
    next = applyClockEvent(next, { type: 'stop', at: clock.stoppedAt, reason: clock.stopReason }, cal);
  }
  const step = {
    code: 'reevaluated' as const,
    params: {
      atMs: now.getTime(),
      fromVersion: previous.policyVersion,
      toVersion: policy.version,
      fromDueMs: previous.dueAt.getTime(),
      toDueMs: next.dueAt.getTime(),
    },
  };
  const lastEventAt = new Date(Math.max(clock.lastEventAt.getTime(), next.lastEventAt.getTime()));
  next = { ...next, lastEventAt, steps: [...next.steps, step] };
  const changed = next.dueAt.getTime() !== previous.dueAt.getTime() || policy.version !== previous.policyVersion;
  return { clock: next, changed, previous };
}
