import type { WorkOrderAction } from '@daowei/domain';
import { useState } from 'react';
import { toApiError, type ApiError, type WorkOrderDetail } from '../api';
import { useLabels } from '../i18n/useLabels';
import { useOrderAction } from './useOrderAction';

/** How a surface (console or phone) tells the user what happened. */
export interface ActionFeedback {
  success(text: string): void;
  error(e: ApiError): void;
}

/**
 * The submit flow both the console's action bar and the phone's action buttons use: run the action,
 * close its form, report the outcome, and on a conflict (409 — someone moved the order first) close
 * the form and ask the page to reload the order.
 */
export function useOrderActionFlow(
  detail: WorkOrderDetail,
  feedback: ActionFeedback,
  onDone: (detail: WorkOrderDetail) => void,
  onStale: () => void,
) {
  const { t, action: label } = useLabels();
  const { run, pending } = useOrderAction(detail.order.id);
  const [open, setOpen] = useState<WorkOrderAction | null>(null);

  const send = async (action: WorkOrderAction, body: object = {}) => {
    try {
      const next = await run(action, body);
      setOpen(null);
      feedback.success(t('orderDetail.done', { action: label(action) }));
      onDone(next);
    } catch (e) {
      const err = toApiError(e);
      feedback.error(err);
      if (err.isConflict) {
        setOpen(null);
        onStale();
      }
    }
  };

  return { send, pending, open, setOpen };
}
