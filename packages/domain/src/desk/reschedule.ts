import { DomainError } from '../shared/errors.js';
import type { AppointmentPolicy } from '../sla/appointment-rules.js';
import { LIFECYCLE } from '../work-order/lifecycle.table.js';
import type { AppointmentWindow, WorkOrder } from '../work-order/work-order.types.js';

/**
 * DESK-06 / SLA-07: a customer moves their own visit through the self-service link. The same notice the
 * policy asks of us applies (≥ 2 h by default, ≥ 1 day for planned visits): the agreed visit may not be
 * moved inside it, and the new one must start outside it — closer changes go through the desk by phone.
 */
export function canCustomerReschedule(order: Pick<WorkOrder, 'status'>): boolean {
  return LIFECYCLE.reschedule.from.includes(order.status);
}

export function assertCustomerReschedule(
  order: Pick<WorkOrder, 'status' | 'appointment' | 'type'>,
  window: AppointmentWindow,
  now: Date,
  policy: AppointmentPolicy,
): void {
  if (!canCustomerReschedule(order)) {
    throw new DomainError('WO_INVALID_TRANSITION', 'This visit cannot be moved now', {
      action: 'reschedule',
      status: order.status,
    });
  }
  if (window.end.getTime() <= window.start.getTime()) {
    throw new DomainError('VALIDATION_FAILED', 'The time slot must end after it starts', { field: 'body.window' });
  }
  const planned = order.type === 'inspection' || order.type === 'care_visit';
  const noticeMs = (planned ? policy.plannedVisitNoticeMinutes : policy.rescheduleNoticeMinutes) * 60_000;
  const earliest = new Date(now.getTime() + noticeMs);
  const current = order.appointment;
  if (current && current.start.getTime() < earliest.getTime()) {
    throw new DomainError('DESK_RESCHEDULE_TOO_LATE', 'The visit is too close to move here; please call us', {
      field: 'body.window',
      noticeMinutes: noticeMs / 60_000,
      visitStart: current.start.toISOString(),
    });
  }
  if (window.start.getTime() < earliest.getTime()) {
    throw new DomainError('DESK_RESCHEDULE_TOO_LATE', 'The new time must leave us enough notice', {
      field: 'body.window',
      noticeMinutes: noticeMs / 60_000,
      earliestStart: earliest.toISOString(),
    });
  }
}
