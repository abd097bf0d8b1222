import { CAUSE_CATEGORIES, OPEN_STATUSES, type WorkOrderStatus } from '@daowei/domain';
import { toApiError, workOrdersApi, type WorkOrderView } from '../../api';
import { partsApi } from '../../api/parts';
import { careApi, inspectionApi } from '../../api/plannedWork';
import { visitReads, visitsApi } from '../../api/visits';
import { cacheSet } from './idbStore';
import { causeScriptsKey, detailKey, orderReadKey, visitKey } from './offlineKeys';

type Read = readonly [key: string, load: () => Promise<unknown>];

/** At most this many open orders of the list are filled (a day's visits; the list pages by 20). */
const MAX_ORDERS = 20;

/**
 * What the phone's pages of one order read, under the keys they read it with: the detail, the visit
 * records (checklist, consents, photos, diagnosis), the take-backs and borrowed parts, and the care
 * visit or inspection record for planned work.
 */
export function orderReads(personId: string, order: Pick<WorkOrderView, 'id' | 'type'>): Read[] {
  const id = order.id;
  const reads: Read[] = [
    [detailKey(personId, id), () => workOrdersApi.get(id)],
    [visitKey(personId, id, 'checklist'), () => visitReads.checklist(id)],
    [visitKey(personId, id, 'consents'), () => visitReads.consents(id)],
    [visitKey(personId, id, 'attachments'), () => visitReads.attachments(id)],
    [visitKey(personId, id, 'diagnosis'), () => visitReads.diagnosis(id)],
    [orderReadKey('take-backs', personId, id), () => partsApi.takeBacks(id)],
    [orderReadKey('order-borrows', personId, id), () => partsApi.orderBorrows(id)],
  ];
  if (order.type === 'care_visit') {
    reads.push([orderReadKey('care', personId, id), () => careApi.visit(id)]);
    reads.push([orderReadKey('care-confirmation', personId, id), () => visitsApi.confirmation(id)]);
  }
  if (order.type === 'inspection')
    reads.push([orderReadKey('inspection', personId, id), () => inspectionApi.detail(id)]);
  return reads;
}

/** The cause-explanation scripts of every cause category (the diagnosis panel shows one of them). */
export const scriptReads = (personId: string): Read[] =>
  CAUSE_CATEGORIES.map((cause) => [causeScriptsKey(personId, cause), () => visitReads.causeScripts(cause)]);

/**
 * ENG-07: background fill of everything the day's open orders need offline, so an order the engineer
 * never opened online still opens in a basement with its steps, consents and scripts. Stops at the
 * first network failure (offline again: nothing to gain); a refused read (a record this person may
 * not see) is skipped. Returns how many reads were cached.
 */
export async function prefetchDay(personId: string, orders: readonly WorkOrderView[]): Promise<number> {
  const open = orders
    .filter((o) => (OPEN_STATUSES as readonly WorkOrderStatus[]).includes(o.status))
    .slice(0, MAX_ORDERS);
  const reads = [...(open.length ? scriptReads(personId) : []), ...open.flatMap((o) => orderReads(personId, o))];
  let cached = 0;
  for (const [key, load] of reads) {
    if (!navigator.onLine) break;
    try {
      await cacheSet(key, { value: await load(), at: new Date().toISOString() });
      cached += 1;
    } catch (e) {
      if (toApiError(e).status === 0) break;
    }
  }
  return cached;
}
