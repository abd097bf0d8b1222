import { getCareVisitByOrder, type Db, type StoredWorkOrder } from '@daowei/db';
import { assertClosingChecksDone, type PlannedWorkPolicy } from '@daowei/domain';

/**
 * WO-16: a care visit is signed (ENG-06 confirmation) only after its closing checks — the customer's
 * valuables check first of all. Called by the visit service inside the confirming transaction.
 */
export async function assertCareReadyToSign(tx: Db, planned: PlannedWorkPolicy, order: StoredWorkOrder) {
  if (order.type !== 'care_visit') return;
  const visit = await getCareVisitByOrder(tx, order.tenantId, order.id);
  if (!visit) return; // a care_visit order opened by hand, outside an agreement
  assertClosingChecksDone(planned.care, Object.keys(visit.ticks));
}
