import type { WorkOrderAction } from '@daowei/domain';
import { useCallback, useState } from 'react';
import { SubmissionKeys, type WorkOrderDetail, workOrdersApi } from '../api';

/**
 * POST /api/work-orders/:id/actions/:action with one Idempotency-Key per submission: a double tap or
 * a retry of the same body reuses the key. Resolves to the order's new detail; rejects with ApiError.
 */
export function useOrderAction(orderId: string) {
  const [keys] = useState(() => new SubmissionKeys());
  const [pending, setPending] = useState<WorkOrderAction | null>(null);

  const run = useCallback(
    async (action: WorkOrderAction, body: object = {}): Promise<WorkOrderDetail> => {
      setPending(action);
      try {
        const detail = await workOrdersApi.act(orderId, action, body, keys.keyFor({ action, body }));
        keys.succeeded();
        return detail;
      } finally {
        setPending(null);
      }
    },
    [keys, orderId],
  );

  return { run, pending };
}
