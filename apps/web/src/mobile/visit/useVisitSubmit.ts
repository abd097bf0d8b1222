import { useState } from 'react';
import { newIdempotencyKey, toApiError, type WorkOrderView } from '../../api';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { submit } from '../offline/outbox';
import { useMobileFeedback } from '../useMobileFeedback';

/** The record's path under the order (ENG-03/04/05, WO-14). */
const PATHS = { checklist: 'checklist', consent: 'consents', attachment: 'attachments', diagnosis: 'diagnosis' };
export type VisitRecord = keyof typeof PATHS;

/**
 * Sends one visit record (checklist, consent, attachment, diagnosis) through the outbox (ENG-07): online now,
 * offline later with its key. Resolves true when it was sent or queued, false when refused.
 */
export function useVisitSubmit(order: WorkOrderView, onSaved: () => void) {
  const { t } = useLabels();
  const personId = useMe().person.id;
  const feedback = useMobileFeedback();
  const [busy, setBusy] = useState<string | null>(null);

  const send = async (what: VisitRecord, body: object, key = newIdempotencyKey()) => {
    setBusy(what);
    try {
      const path = `/work-orders/${encodeURIComponent(order.id)}/${PATHS[what]}`;
      const r = await submit(personId, { orderId: order.id, orderNumber: order.number, what, path, body, key });
      feedback.success(r.queued ? t('eng.queued') : t('eng.saved'));
      onSaved();
      return true;
    } catch (e) {
      feedback.error(toApiError(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  return { send, busy };
}
