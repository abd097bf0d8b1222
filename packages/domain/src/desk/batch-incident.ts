import { DomainError } from '../shared/errors.js';
import type { Completion } from '../work-order/completion.js';
import type { WorkOrderStatus } from '../work-order/work-order.types.js';

/**
 * WO-11 批量故障 after the proposal: the desk confirms (or dismisses) a proposed parent incident, links
 * and unlinks children, sets the incident's progress — which reaches every linked child at once — and
 * closes it, which resolves the children that were waiting on the outage. Pure rules; the server
 * stores incidents and writes each child's event.
 */
export const INCIDENT_STATES = ['proposed', 'confirmed', 'dismissed', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** What the desk tells customers about the outage, in the order it usually happens. */
export const INCIDENT_PROGRESS = ['investigating', 'cause_found', 'restoring', 'restored'] as const;
export type IncidentProgress = (typeof INCIDENT_PROGRESS)[number];

/** A child as the desk sees it: suggested by the clustering, linked by the desk, or released from it. */
export const INCIDENT_CHILD_STATES = ['proposed', 'linked', 'released'] as const;
export type IncidentChildState = (typeof INCIDENT_CHILD_STATES)[number];

export type IncidentAction = 'confirm' | 'dismiss' | 'link' | 'unlink' | 'progress' | 'close';

const ALLOWED: Readonly<Record<IncidentAction, readonly IncidentState[]>> = {
  confirm: ['proposed'],
  dismiss: ['proposed'],
  link: ['proposed', 'confirmed'],
  unlink: ['proposed', 'confirmed'],
  progress: ['confirmed'],
  close: ['confirmed'],
};

/** Refuses a move the incident's state does not allow, naming the state and the move. */
export function assertIncidentAction(state: IncidentState, action: IncidentAction): void {
  if (!ALLOWED[action].includes(state)) {
    throw new DomainError('CONFLICT', `An incident that is ${state} cannot ${action}`, {
      reason: 'incident_state',
      state,
      action,
    });
  }
}

/** The line each child's customer reads for a progress step; the desk's note follows it. */
export const INCIDENT_PROGRESS_TEXT: Readonly<Record<IncidentProgress, { 'zh-CN': string; en: string }>> = {
  investigating: {
    'zh-CN': '您所在区域的网络出现集中故障，我们已经在排查，无需重复报修。',
    en: 'There is a network outage in your area. We are already investigating; no need to report it again.',
  },
  cause_found: {
    'zh-CN': '区域故障的原因已经找到，正在安排抢修。',
    en: 'We have found the cause of the outage in your area and are arranging the repair.',
  },
  restoring: {
    'zh-CN': '区域故障正在抢修中，恢复后会第一时间通知您。',
    en: 'The outage in your area is being repaired. We will tell you as soon as service is back.',
  },
  restored: {
    'zh-CN': '区域故障已经修复，服务已恢复。如仍无法使用，请回复或再次报修。',
    en: 'The outage in your area is fixed and service is back. If yours still does not work, tell us.',
  },
};

/** The customer-facing text of a progress step: our sentence, then the desk's own note if any. */
export function incidentProgressText(progress: IncidentProgress, note: string | null, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const base = INCIDENT_PROGRESS_TEXT[progress][lang];
  return note?.trim() ? `${base} ${note.trim()}` : base;
}

/**
 * Closing the incident, per child: an order still waiting on the outage (not yet with an engineer at the
 * door) is completed as fixed by the incident and goes to its callback like any fault (CB-01); an
 * engineer on the way or on site finishes their own visit (what they find may differ); finished or
 * cancelled orders are left as they are.
 */
export type ChildOnClose = 'complete' | 'left_with_engineer' | 'untouched';

const WAITING: readonly WorkOrderStatus[] = [
  'created',
  'triaged',
  'assigned',
  'taken',
  'appointment_confirmed',
  'suspended',
  'returned',
];

export function childOnIncidentClose(status: WorkOrderStatus): ChildOnClose {
  if (WAITING.includes(status)) return 'complete';
  if (status === 'en_route' || status === 'on_site') return 'left_with_engineer';
  return 'untouched';
}

/** The completion a child gets when the incident closes (WO-07: a fault completes as `done`). */
export function incidentCompletion(incidentNumber: string, note: string): Completion {
  return {
    customerContacted: false,
    handlingMinutes: 0,
    remark: `${incidentNumber}: ${note}`.slice(0, 2000),
    outcome: { kind: 'done' },
  };
}

/** Which orders may be linked as children: open faults (a closed one has nothing left to resolve). */
export function assertLinkableChild(order: { type: string; status: WorkOrderStatus }): void {
  if (order.type !== 'fault') {
    throw new DomainError('CONFLICT', 'Only fault orders are children of a batch incident', {
      reason: 'incident_child_type',
      type: order.type,
    });
  }
  if (childOnIncidentClose(order.status) === 'untouched') {
    throw new DomainError('CONFLICT', 'A finished or cancelled order cannot be linked', {
      reason: 'incident_child_finished',
      status: order.status,
    });
  }
}

/** Incident numbers read like order numbers: the day it was proposed and a short unique tail. */
export function incidentNumber(proposedAt: Date, id: string, timeZone = 'Asia/Shanghai'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(proposedAt)
    .replaceAll('-', '');
  return `INC-${day}-${id.replaceAll('-', '').slice(0, 6).toUpperCase()}`;
}
