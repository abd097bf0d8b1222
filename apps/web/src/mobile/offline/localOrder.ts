import { LIFECYCLE, type WorkOrderAction, type WorkOrderStatus } from '@daowei/domain';
import type { WorkOrderDetail } from '../../api';
import { MOBILE_ACTIONS } from '../orders/mobileActions';
import type { OutboxItem } from './outbox';

const isAction = (what: string): what is WorkOrderAction => what in LIFECYCLE;

/**
 * ENG-07: the order as the phone expects it once its queued submissions are applied, so the engineer
 * can carry on offline (depart → arrive → … → complete). The lifecycle table of the domain gives the
 * next status and what may follow; the server decides for real when the queue syncs.
 */
export function withQueued(detail: WorkOrderDetail, items: readonly OutboxItem[], position: string): WorkOrderDetail {
  const mine = items.filter((i) => i.orderId === detail.order.id && i.state === 'pending' && isAction(i.what));
  if (mine.length === 0) return detail;
  let status: WorkOrderStatus = detail.order.status;
  for (const i of mine) {
    const rule = LIFECYCLE[i.what as WorkOrderAction];
    status = rule.to === 'by_outcome' ? 'completed' : rule.to;
  }
  const actions = MOBILE_ACTIONS.filter((a) => {
    const rule = LIFECYCLE[a];
    return rule.from.includes(status) && rule.positions.some((p) => p === position) && rule.relation !== 'offered';
  });
  return { ...detail, order: { ...detail.order, status }, actions };
}
