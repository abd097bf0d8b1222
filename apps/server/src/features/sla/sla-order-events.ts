import type { StoredWorkOrder } from '@daowei/db';
import type { ClockEvent, SlaClock, SlaOrderFacts, SlaPolicy, WorkOrderCommand } from '@daowei/domain';

/**
 * The bridge from work-order actions to clock events (SLA-09): which order facts the policy sees and
 * what each lifecycle action does to a running clock. Pure, so the mapping is testable on its own.
 */

/**
 * What a policy's `stopOn` names, in terms of order actions. `close` and `cancel` end every promise
 * of the order (handled separately); names no action implements yet (compensated, callback_done) wait
 * for their features.
 */
const STOP_ACTIONS: Record<string, readonly WorkOrderCommand['action'][]> = {
  completed: ['complete'],
  arrived: ['arrive'],
  handed_to_coordinator: ['triage', 'dispatch'],
  customer_contacted: ['confirm_appointment', 'reschedule', 'arrive'],
};

/**
 * The facts of an order as the SLA policy sees them. The order's contract (by id) is looked up in the
 * policy's contracts: its code and terms are what selectors match; an id the policy no longer has is
 * no contract. Channel (the desk adds it), coverage and tags are not on orders yet, so selectors on them
 * do not match (the fault cut-off applies to every fault).
 * An appointment given when the order is opened is the customer's own choice (SLA-04); windows
 * confirmed later by our staff are ours unless a reschedule says the customer asked.
 */
export function slaFactsOf(
  order: StoredWorkOrder,
  appointmentAgreedAt: Date | null,
  policy: Pick<SlaPolicy, 'contracts'>,
): SlaOrderFacts {
  const contract = order.contractId ? (policy.contracts.find((c) => c.id === order.contractId) ?? null) : null;
  return {
    orderId: order.id,
    tenantId: order.tenantId,
    vendorId: order.vendorId,
    areaId: order.areaId,
    type: order.type,
    priority: order.priority,
    channel: null,
    coverage: null,
    contract: contract ? { id: contract.id, code: contract.code, name: contract.name } : null,
    contractTerms: contract?.terms ?? [],
    tags: [],
    acceptedAt: order.acceptedAt,
    appointment: order.appointment ? { ...order.appointment, chosenBy: 'customer' } : null,
    moments: order.appointment && appointmentAgreedAt ? { appointment_agreed: appointmentAgreedAt } : {},
  };
}

/** The clock event an action means for one clock, or null when the action leaves it alone. */
export function clockEventFor(cmd: WorkOrderCommand, clock: SlaClock, at: Date): ClockEvent | null {
  switch (cmd.action) {
    case 'suspend':
      // applyClockEvent keeps running (with a visible "not allowed" step) for reasons outside pauseOn.
      return { type: 'pause', at, reason: cmd.reason };
    case 'resume':
      return { type: 'resume', at };
    case 'cancel':
      return { type: 'stop', at, reason: 'cancelled' };
    case 'close':
      return { type: 'stop', at, reason: 'completed' };
    case 'reschedule':
      if (STOP_ACTIONS[clock.definition.stopOn]?.includes('reschedule'))
        return { type: 'stop', at, reason: 'completed' };
      return { type: 'appointment_changed', at, appointment: { ...cmd.window, chosenBy: cmd.askedBy } };
    case 'confirm_appointment':
      if (STOP_ACTIONS[clock.definition.stopOn]?.includes('confirm_appointment')) {
        return { type: 'stop', at, reason: 'completed' };
      }
      // Confirming the window the customer already chose keeps it the customer's (it still moves SLA-04).
      if (sameWindow(clock.appointment, cmd.window)) return null;
      return { type: 'appointment_changed', at, appointment: { ...cmd.window, chosenBy: 'us' } };
    default:
      return STOP_ACTIONS[clock.definition.stopOn]?.includes(cmd.action)
        ? { type: 'stop', at, reason: 'completed' }
        : null;
  }
}

/** Whether an action makes an appointment agreed now (the anchor of SLA-07 arrive-early clocks). */
export const agreesAppointment = (cmd: WorkOrderCommand): boolean =>
  cmd.action === 'confirm_appointment' || cmd.action === 'reschedule';

function sameWindow(a: SlaClock['appointment'], w: { start: Date; end: Date }): boolean {
  return !!a && a.start.getTime() === w.start.getTime() && a.end.getTime() === w.end.getTime();
}
