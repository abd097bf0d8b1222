import {
  getComplaintByOrderForUpdate,
  listCallbackTasksOfOrders,
  updateComplaint,
  type Db,
  type StoredCallbackTask,
  type StoredComplaint,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import { canCloseComplaint, DomainError, type ComplaintRecord } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';

/** Statuses in which the complaint order's own work is finished. */
const FINISHED = ['completed', 'callback', 'closed'];

/** The closing callback of a complaint: its latest satisfaction callback task (CB-01 rule complaint_completed). */
export function closingCallbackOf(tasks: readonly StoredCallbackTask[], orderId: string): StoredCallbackTask | null {
  const mine = tasks.filter((t) => t.orderId === orderId && t.kind === 'satisfaction');
  return mine[mine.length - 1] ?? null;
}

/** The domain's view of a complaint (CMP-01) from its order, sheet (null: not opened yet) and callback. */
export function complaintRecordOf(
  order: StoredWorkOrder,
  sheet: StoredComplaint | null,
  callback: StoredCallbackTask | null,
): ComplaintRecord {
  return {
    id: sheet?.id ?? order.id,
    orderId: order.id,
    tenantId: order.tenantId,
    stationId: order.stationId,
    areaId: order.areaId,
    acceptedAt: order.acceptedAt,
    about:
      sheet?.aboutKind === 'staff' && sheet.aboutPersonId
        ? { kind: 'staff', personId: sheet.aboutPersonId }
        : { kind: (sheet?.aboutKind ?? 'other') as 'service' | 'network' | 'billing' | 'other' },
    fixedWithCustomer: sheet?.fixedWithCustomer ?? false,
    responsibility: sheet?.responsibleParty
      ? {
          party: sheet.responsibleParty as NonNullable<ComplaintRecord['responsibility']>['party'],
          personId: sheet.responsiblePersonId,
        }
      : null,
    causeAnalysis: sheet?.causeAnalysis ?? null,
    improvementMeasure: sheet?.improvementMeasure ?? null,
    callback: callback ? { done: callback.state === 'done', satisfaction: callback.satisfaction } : null,
    orderCompleted: FINISHED.includes(order.status),
  };
}

/**
 * CMP-01, in the transaction of a lifecycle `close` of a complaint order (and of the sheet's own close):
 * the complaint closes only when its follow-up sheet has the three principles and the closing callback
 * is done; then the sheet is closed with the order. Otherwise 409 CMP_CLOSE_INCOMPLETE naming what is
 * missing — the same answer whichever screen the close came from. Other order types pass.
 */
export async function closeComplaintWithOrder(tx: Tx, auth: AuthContext, order: StoredWorkOrder, now: Date) {
  if (order.type !== 'complaint') return;
  const sheet = await getComplaintByOrderForUpdate(tx, auth.tenantId, order.id);
  if (sheet?.state === 'closed') return;
  const tasks = await listCallbackTasksOfOrders(tx as Db, auth.tenantId, [order.id]);
  const verdict = canCloseComplaint(complaintRecordOf(order, sheet, closingCallbackOf(tasks, order.id)));
  if (!sheet || !verdict.ok) {
    const missing = verdict.ok ? [] : verdict.missing;
    throw new DomainError('CMP_CLOSE_INCOMPLETE', 'The complaint cannot close yet', {
      orderId: order.id,
      opened: sheet !== null,
      missing: sheet ? missing : ['follow_up_sheet', ...missing],
    });
  }
  await updateComplaint(
    tx,
    auth.tenantId,
    sheet.id,
    { state: 'closed', closedAt: now, closedBy: auth.personId },
    { at: now.toISOString(), by: auth.personId, action: 'closed', fields: {} },
  );
}
