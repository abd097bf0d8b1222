import { useRef, useState } from 'react';
import { SubmissionKeys, toApiError } from '../../api';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { submit, type Submitted } from '../offline/outbox';
import { useMobileFeedback } from '../useMobileFeedback';

/** The order a planned-work page records on (the outbox files each submission under it). */
export interface KeyedOrder {
  id: string;
  number: string;
}

/**
 * One submission at a time from a planned-work page (WO-16 care visit, WO-17 inspection), through the
 * phone's outbox (ENG-07): online it is sent at once and answers the server's result; offline (or while
 * older submissions wait) it is queued in IndexedDB with its Idempotency-Key and the page shows it as
 * waiting. The key survives a retry of the same body, so a submission is applied once however often it
 * is sent. `busy` keeps the buttons waiting for the answer; a refusal while online is shown and is null.
 */
export function useKeyedRun(order: KeyedOrder | null) {
  const feedback = useMobileFeedback();
  const { t } = useLabels();
  const personId = useMe().person.id;
  const keys = useRef(new SubmissionKeys());
  const [busy, setBusy] = useState(false);

  /** `path` is under /api, e.g. `/work-orders/:id/care-visit/ticks`; `what` names it in the outbox list. */
  async function run<T>(what: string, path: string, body: unknown, done: string): Promise<Submitted<T> | null> {
    if (!order) return null;
    setBusy(true);
    try {
      const key = keys.current.keyFor({ what, path, body });
      const r = await submit<T>(personId, { orderId: order.id, orderNumber: order.number, what, path, body, key });
      keys.current.succeeded();
      feedback.success(r.queued ? t('eng.queued') : done);
      return r;
    } catch (e) {
      feedback.error(toApiError(e));
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

/** The server's answer of a submission sent at once; undefined when it was queued (or refused). */
export const answerOf = <T>(r: Submitted<T> | null): T | undefined => (r && !r.queued ? r.data : undefined);
