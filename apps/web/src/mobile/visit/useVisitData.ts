import { useEffect, useState } from 'react';
import { visitReads, type ConsentKinds, type VisitChecklist } from '../../api/visits';
import { useMe } from '../../session/SessionContext';
import { visitKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';

export interface VisitData {
  checklist: VisitChecklist | null;
  consents: ConsentKinds | null;
  attachments: number;
}

/** The visit's records for the phone, cached for offline use (ENG-07); re-read when `version` moves. */
export function useVisitData(orderId: string, version: number): VisitData {
  const personId = useMe().person.id;
  const [data, setData] = useState<VisitData>({ checklist: null, consents: null, attachments: 0 });
  useEffect(() => {
    let live = true;
    const key = (what: string) => visitKey(personId, orderId, what);
    void Promise.allSettled([
      readThrough(key('checklist'), () => visitReads.checklist(orderId)),
      readThrough(key('consents'), () => visitReads.consents(orderId)),
      readThrough(key('attachments'), () => visitReads.attachments(orderId)),
    ]).then(([c, k, a]) => {
      if (!live) return;
      setData({
        checklist: c.status === 'fulfilled' ? c.value.value : null,
        consents: k.status === 'fulfilled' ? k.value.value : null,
        attachments: a.status === 'fulfilled' ? a.value.value.items.length : 0,
      });
    });
    return () => {
      live = false;
    };
  }, [orderId, personId, version]);
  return data;
}
