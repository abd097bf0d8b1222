import type { WorkOrderAction } from '@daowei/domain';
import { useState } from 'react';
import { SubmissionKeys, toApiError, type WorkOrderDetail } from '../../api';
import type { ActionFeedback } from '../../hooks/useOrderActionFlow';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { submit } from './outbox';

/**
 * The phone's version of the console's action flow (useOrderActionFlow), through the outbox (ENG-07):
 * online the action is sent at once and answers the new detail; offline it is queued with its key and
 * the page shows the order as it will be once synced. A refusal while online is shown as usual.
 */
export function useQueuedOrderActionFlow(
  detail: WorkOrderDetail,
  feedback: ActionFeedback,
  onDone: (detail: WorkOrderDetail) => void,
  onStale: () => void,
) {
  const { t, action: label } = useLabels();
  const personId = useMe().person.id;
  const [keys] = useState(() => new SubmissionKeys());
  const [pending, setPending] = useState<WorkOrderAction | null>(null);
  const [open, setOpen] = useState<WorkOrderAction | null>(null);
  const o = detail.order;

  const send = async (action: WorkOrderAction, body: object = {}) => {
    setPending(action);
    try {
      const key = keys.keyFor({ orderId: o.id, action, body });
      const path = `/work-orders/${encodeURIComponent(o.id)}/actions/${action}`;
      const r = await submit<WorkOrderDetail>(personId, {
        orderId: o.id,
        orderNumber: o.number,
        what: action,
        path,
        body,
        key,
      });
      keys.succeeded();
      setOpen(null);
      if (r.queued) {
        feedback.success(t('eng.queued'));
      } else {
        feedback.success(t('orderDetail.done', { action: label(action) }));
        onDone(r.data);
      }
    } catch (e) {
      const err = toApiError(e);
      feedback.error(err);
      if (err.isConflict) {
        setOpen(null);
        onStale();
      }
    } finally {
      setPending(null);
    }
  };

  return { send, pending, open, setOpen };
}
