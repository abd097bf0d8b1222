import { NoticeBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { WorkOrderView } from '../../api';
import { visitReads } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { useOutbox } from '../offline/useOutbox';
import { visitKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';

/**
 * ENG-05 on the completion form: a fault on site closes only with this visit's diagnosis. Offline the
 * server cannot say so until the sync, when the queued completion would come back as a conflict, so
 * the form reminds the engineer first. A reminder, not a block: the server has the last word (a
 * diagnosis recorded from another device is not in this phone's cache).
 */
export function DiagnosisReminder({ order }: { order: WorkOrderView }) {
  const { t } = useLabels();
  const personId = useMe().person.id;
  const queued = useOutbox().some((i) => i.orderId === order.id && i.state === 'pending' && i.what === 'diagnosis');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    if (order.status !== 'on_site') return;
    let live = true;
    readThrough(visitKey(personId, order.id, 'diagnosis'), () => visitReads.diagnosis(order.id)).then(
      (r) => live && setMissing(r.value.required && r.value.diagnosis === null),
      () => undefined, // never read: nothing to say
    );
    return () => {
      live = false;
    };
  }, [order.id, order.status, personId]);

  if (!missing || queued) return null;
  return <NoticeBar color="alert" wrap content={t('eng.diag.missing')} data-testid="complete-diagnosis-missing" />;
}
