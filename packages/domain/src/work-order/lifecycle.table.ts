import type { Position } from '../org/positions.js';
import type { WorkOrderStatus } from './work-order.types.js';

/**
 * WO-03 lifecycle as data: for each action, the states it may start from, the state it leads to,
 * who may perform it and whether the actor must be the order's holder (or the person it is offered to).
 * `to: 'by_outcome'` means the completion outcome decides (WO-07: a complaint completed as
 * "reschedule" stays open, "misdispatched" returns to triage). Guards that need the order's facts live
 * in lifecycle.ts; this table is the single place that lists which moves exist.
 */
export const WORK_ORDER_ACTIONS = [
  'triage',
  'dispatch',
  'take',
  'return',
  'confirm_appointment',
  'reschedule',
  'depart',
  'arrive',
  'suspend',
  'resume',
  'complete',
  'start_callback',
  'close',
  'reopen',
  'cancel',
  'no_access',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/** Who must the actor be, relative to the order. */
export type ActorRelation = 'any' | 'holder' | 'offered';

export interface TransitionRule {
  from: readonly WorkOrderStatus[];
  to: WorkOrderStatus | 'by_outcome';
  positions: readonly Position[];
  relation: ActorRelation;
}

const DESK: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];
const DISPATCHERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];
const WORKERS: readonly Position[] = ['onsite_engineer', 'reception_engineer', 'repair_engineer', 'team_lead'];
const WORKING: readonly WorkOrderStatus[] = ['taken', 'appointment_confirmed', 'en_route', 'on_site'];
const LIVE: readonly WorkOrderStatus[] = ['created', 'triaged', 'assigned', 'returned', ...WORKING, 'suspended'];

export const LIFECYCLE: Readonly<Record<WorkOrderAction, TransitionRule>> = {
  triage: { from: ['created', 'returned'], to: 'triaged', positions: DESK, relation: 'any' },
  dispatch: {
    from: ['created', 'triaged', 'assigned', 'returned', ...WORKING],
    to: 'assigned',
    positions: DISPATCHERS,
    relation: 'any',
  },
  take: { from: ['assigned'], to: 'taken', positions: WORKERS, relation: 'offered' },
  return: { from: ['assigned', ...WORKING], to: 'returned', positions: WORKERS, relation: 'offered' },
  confirm_appointment: {
    from: ['taken', 'appointment_confirmed'],
    to: 'appointment_confirmed',
    positions: WORKERS,
    relation: 'holder',
  },
  reschedule: {
    from: ['taken', 'appointment_confirmed', 'en_route'],
    to: 'appointment_confirmed',
    positions: [...WORKERS, ...DESK],
    relation: 'any',
  },
  depart: { from: ['taken', 'appointment_confirmed'], to: 'en_route', positions: WORKERS, relation: 'holder' },
  arrive: { from: ['en_route'], to: 'on_site', positions: WORKERS, relation: 'holder' },
  suspend: { from: WORKING, to: 'suspended', positions: [...WORKERS, ...DISPATCHERS], relation: 'any' },
  resume: { from: ['suspended'], to: 'taken', positions: [...WORKERS, ...DISPATCHERS], relation: 'any' },
  complete: { from: WORKING, to: 'by_outcome', positions: WORKERS, relation: 'holder' },
  start_callback: {
    from: ['completed'],
    to: 'callback',
    positions: ['callback_agent', 'station_manager', 'admin'],
    relation: 'any',
  },
  close: {
    from: ['completed', 'callback'],
    to: 'closed',
    positions: ['callback_agent', 'coordinator', 'station_manager', 'admin'],
    relation: 'any',
  },
  reopen: {
    from: ['completed', 'callback', 'closed'],
    to: 'triaged',
    positions: ['callback_agent', 'coordinator', 'station_manager', 'admin'],
    relation: 'any',
  },
  cancel: { from: LIVE, to: 'cancelled', positions: DESK, relation: 'any' },
  // APT-03: nobody home — the visit ends without access and the order waits for a new appointment.
  no_access: { from: ['en_route', 'on_site'], to: 'taken', positions: WORKERS, relation: 'holder' },
};
