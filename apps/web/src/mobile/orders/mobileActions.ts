import type { WorkOrderAction } from '@daowei/domain';

/** What the phone offers, in this order; the rest (triage, close, cancel…) is desk work on the console. */
export const MOBILE_ACTIONS: readonly WorkOrderAction[] = [
  'take',
  'confirm_appointment',
  'depart',
  'arrive',
  'complete',
  'no_access',
  'dispatch',
  'reschedule',
  'suspend',
  'resume',
  'return',
];

/** Sent at once, without a form. */
export const MOBILE_DIRECT_ACTIONS: readonly WorkOrderAction[] = ['take', 'depart', 'resume'];
