import { useState } from 'react';
import type { WorkOrderView } from '../../api';
import { useMe } from '../../session/SessionContext';
import { useOutbox } from '../offline/useOutbox';
import { BeforeDeparture } from './BeforeDeparture';
import { DiagnosisScript } from './DiagnosisScript';
import { OnSiteRecords } from './OnSiteRecords';
import { SiteReportForms } from './SiteReportForms';
import { useVisitData } from './useVisitData';

const BEFORE = ['taken', 'appointment_confirmed'];

/** The visit's panels for the order's holder: before departure (ENG-02), then on site (ENG-03/04/05, WO-14). */
export function VisitPanels({ order, onSaved }: { order: WorkOrderView; onSaved: () => void }) {
  const me = useMe();
  const [version, setVersion] = useState(0);
  const items = useOutbox();
  const settled = items.filter((i) => i.orderId === order.id && i.state === 'synced').length;
  const data = useVisitData(order.id, version + settled);
  if (order.holderId !== me.person.id) return null;
  const queued = items.filter((i) => i.orderId === order.id && i.state === 'pending');
  if (BEFORE.includes(order.status)) return <BeforeDeparture order={order} checklist={data.checklist} />;
  if (order.status !== 'on_site') return null;
  return (
    <>
      <OnSiteRecords
        order={order}
        data={data}
        queued={queued}
        onSaved={() => {
          setVersion((v) => v + 1);
          onSaved();
        }}
      />
      <DiagnosisScript
        order={order}
        checklist={data.checklist}
        queued={queued}
        version={version + settled}
        onSaved={() => {
          setVersion((v) => v + 1);
          onSaved();
        }}
      />
      <SiteReportForms
        order={order}
        checklist={data.checklist}
        onSaved={() => {
          setVersion((v) => v + 1);
          onSaved();
        }}
      />
    </>
  );
}
