import { DomainError } from '../shared/errors.js';
import { isSupervisor, isWorker, type Position } from '../org/positions.js';
import type { PolicyPack } from '../policy/policy-pack.js';
import { checkCompletion, statusAfterCompletion, type Completion } from './completion.js';
import { LIFECYCLE, type WorkOrderAction } from './lifecycle.table.js';
import { decideArrival, type ArrivalInput } from '../visit/arrival.js';
import { decideNoAccess, type NoAccessProtocol } from '../visit/no-access.js';
import {
  isOpenStatus,
  type AppointmentWindow,
  type SuspendReason,
  type WorkOrder,
  type WorkOrderStatus,
} from './work-order.types.js';

export type WorkOrderCommand =
  | { action: 'triage'; remark?: string }
  | { action: 'dispatch'; toPersonId?: string; toUnitId?: string; remark: string }
  | { action: 'take' }
  | { action: 'return'; reasonCode: string; remark: string }
  | { action: 'confirm_appointment'; window: AppointmentWindow }
  | { action: 'reschedule'; reason: string; window: AppointmentWindow; askedBy: 'customer' | 'us' }
  | { action: 'depart'; position?: { lat: number; lng: number } | undefined }
  | ({ action: 'arrive' } & ArrivalInput)
  | { action: 'suspend'; reason: SuspendReason; remark: string }
  | { action: 'resume'; remark?: string }
  | { action: 'complete'; completion: Completion }
  | { action: 'start_callback' }
  | { action: 'close'; remark?: string }
  | { action: 'reopen'; reason: string }
  | { action: 'cancel'; reason: string }
  | ({ action: 'no_access' } & NoAccessProtocol);

/** The person acting, in the position they currently work in, with the org units they belong to. */
export interface Actor {
  personId: string;
  position: Position;
  /** The person's own unit and its ancestors: an order offered to any of them is offered to the person. */
  unitIds: readonly string[];
}

/** What a command does to an order: the new facts and the event to append (same transaction). */
export interface Decision {
  action: WorkOrderAction;
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  changes: Partial<WorkOrder>;
  /** Event payload: what a reader of the history needs to know about this step. */
  payload: Record<string, unknown>;
  /** WO-08: a complaint completed as unresolved creates a linked fault order. */
  spawnLinkedFault: boolean;
}

export function isOfferedTo(order: WorkOrder, actor: Actor): boolean {
  if (order.offeredToPersonId) return order.offeredToPersonId === actor.personId;
  return order.offeredToUnitId !== null && actor.unitIds.includes(order.offeredToUnitId);
}

export function isHolder(order: WorkOrder, actor: Actor): boolean {
  return order.holderId === actor.personId;
}

/** Which actions this actor may take on this order now (drives the buttons the UI shows). */
export function availableActions(order: WorkOrder, actor: Actor): WorkOrderAction[] {
  return (Object.keys(LIFECYCLE) as WorkOrderAction[]).filter((a) => permits(order, actor, a) === null);
}

function permits(order: WorkOrder, actor: Actor, action: WorkOrderAction): DomainError | null {
  const rule = LIFECYCLE[action];
  if (!rule.from.includes(order.status)) {
    // "Already taken" only while someone really works on it; a cancelled or finished order is simply
    // not takeable, and saying "taken" would send the user looking for a colleague.
    const taken = action === 'take' && order.holderId !== null && isOpenStatus(order.status);
    const code = taken ? 'WO_ALREADY_TAKEN' : 'WO_INVALID_TRANSITION';
    return new DomainError(code, `Cannot ${action} an order that is ${order.status}`, {
      action,
      status: order.status,
    });
  }
  if (!rule.positions.includes(actor.position)) {
    return new DomainError('FORBIDDEN', `Position ${actor.position} may not ${action} orders`, { action });
  }
  if (rule.relation === 'holder' && !isHolder(order, actor)) {
    return new DomainError('WO_NOT_HOLDER', `Only the engineer holding the order may ${action} it`, { action });
  }
  if (rule.relation === 'offered' && !isHolder(order, actor) && !isOfferedTo(order, actor)) {
    return new DomainError('WO_NOT_HOLDER', `The order is not offered to you`, { action });
  }
  // SEC-01: moves open to "any" actor (reschedule, suspend, resume) are open to the desk and to
  // dispatchers for every order; a field engineer without a supervising position makes them only on
  // the orders they hold, never on a colleague's.
  if (rule.relation === 'any' && isWorker(actor.position) && !isSupervisor(actor.position) && !isHolder(order, actor)) {
    return new DomainError('WO_NOT_HOLDER', `Only the engineer holding the order may ${action} it`, { action });
  }
  return null;
}

/**
 * WO-03: the one function that decides every transition. Pure: it reads the order, the command, the
 * actor and the policy, and returns what changes; the service persists the decision and its event in
 * one transaction.
 */
export function decide(order: WorkOrder, cmd: WorkOrderCommand, actor: Actor, policy: PolicyPack, now: Date): Decision {
  const d = decideMove(order, cmd, actor, policy);
  // ENG-03/SLA-07/APT-04: the check-in's lateness needs the arrival instant, so it is decided here.
  if (cmd.action === 'arrive') {
    const arrival = decideArrival(policy.sla.appointment, policy.visit, order.appointment, cmd, now);
    d.payload = { ...d.payload, ...arrival };
  }
  // APT-03: the doorstep protocol is checked against the policy with the phone's step times.
  if (cmd.action === 'no_access') d.payload = { ...d.payload, ...decideNoAccess(policy.visit, cmd, now) };
  // ENG-02/INT-01: where the engineer left from (the customer's ETA; the next departure's starting point).
  if (cmd.action === 'depart' && cmd.position) d.payload = { ...d.payload, position: cmd.position };
  if (d.to === 'completed') d.changes.completedAt = now;
  if (d.to === 'closed') d.changes.closedAt = now;
  return d;
}

function decideMove(order: WorkOrder, cmd: WorkOrderCommand, actor: Actor, policy: PolicyPack): Decision {
  const refusal = permits(order, actor, cmd.action);
  if (refusal) throw refusal;
  const rule = LIFECYCLE[cmd.action];
  const base = { action: cmd.action, from: order.status, spawnLinkedFault: false };
  const to = (s: WorkOrderStatus) => (rule.to === 'by_outcome' ? s : rule.to);

  switch (cmd.action) {
    case 'dispatch': {
      if (!cmd.toPersonId === !cmd.toUnitId) {
        throw new DomainError('VALIDATION_FAILED', 'Dispatch to exactly one person or one unit', {
          field: 'toPersonId',
        });
      }
      return {
        ...base,
        to: to('assigned'),
        changes: {
          offeredToPersonId: cmd.toPersonId ?? null,
          offeredToUnitId: cmd.toUnitId ?? null,
          holderId: null,
        },
        payload: { toPersonId: cmd.toPersonId ?? null, toUnitId: cmd.toUnitId ?? null, remark: cmd.remark },
      };
    }
    case 'take':
      return { ...base, to: to('taken'), changes: { holderId: actor.personId }, payload: {} };
    case 'return': {
      if (!policy.returnReasons.some((r) => r.code === cmd.reasonCode)) {
        throw new DomainError('WO_REASON_UNKNOWN', `Unknown return reason "${cmd.reasonCode}"`, {
          field: 'reasonCode',
          allowed: policy.returnReasons.map((r) => r.code),
        });
      }
      return {
        ...base,
        to: to('returned'),
        changes: { holderId: null, offeredToPersonId: null, offeredToUnitId: null },
        payload: { reasonCode: cmd.reasonCode, remark: cmd.remark },
      };
    }
    case 'confirm_appointment':
    case 'reschedule': {
      if (cmd.window.end <= cmd.window.start) {
        throw new DomainError('VALIDATION_FAILED', 'The time slot must end after it starts', { field: 'window' });
      }
      const payload: Record<string, unknown> = { window: cmd.window, previous: order.appointment };
      if (cmd.action === 'reschedule') Object.assign(payload, { reason: cmd.reason, askedBy: cmd.askedBy });
      return { ...base, to: to('appointment_confirmed'), changes: { appointment: cmd.window }, payload };
    }
    case 'suspend':
      return {
        ...base,
        to: to('suspended'),
        changes: { suspendReason: cmd.reason },
        payload: { reason: cmd.reason, remark: cmd.remark },
      };
    case 'resume':
      return { ...base, to: to('taken'), changes: { suspendReason: null }, payload: { remark: cmd.remark ?? null } };
    case 'complete':
      return decideCompletion(order, cmd.completion, policy, base);
    case 'reopen':
      return {
        ...base,
        to: to('triaged'),
        changes: { holderId: null, offeredToPersonId: null, offeredToUnitId: null, completedAt: null, closedAt: null },
        payload: { reason: cmd.reason },
      };
    case 'cancel':
      return { ...base, to: to('cancelled'), changes: {}, payload: { reason: cmd.reason } };
    case 'no_access':
      // The missed window is kept on the event; the order waits for a new one (APT-03 rebook).
      return { ...base, to: to('taken'), changes: { appointment: null }, payload: { window: order.appointment } };
    case 'triage':
    case 'close':
      return { ...base, to: to(rule.to as WorkOrderStatus), changes: {}, payload: { remark: cmd.remark ?? null } };
    case 'depart':
    case 'arrive':
    case 'start_callback':
      return { ...base, to: to(rule.to as WorkOrderStatus), changes: {}, payload: {} };
  }
}

function decideCompletion(
  order: WorkOrder,
  completion: Completion,
  policy: PolicyPack,
  base: { action: WorkOrderAction; from: WorkOrderStatus; spawnLinkedFault: boolean },
): Decision {
  checkCompletion(
    order.type,
    completion,
    policy.complaintCauses.map((c) => c.code),
  );
  const next = statusAfterCompletion(completion.outcome);
  const changes: Partial<WorkOrder> = {};
  if (completion.outcome.kind === 'reschedule') changes.appointment = completion.outcome.window;
  if (completion.outcome.kind === 'misdispatched') {
    Object.assign(changes, { holderId: null, offeredToPersonId: null, offeredToUnitId: null });
  }
  return {
    ...base,
    to: next,
    changes,
    payload: { completion },
    spawnLinkedFault: completion.outcome.kind === 'unresolved_to_fault',
  };
}
