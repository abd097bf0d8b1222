import { suggestDeparture, travelMinutes } from '@daowei/domain';
import { Checkbox, List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import type { WorkOrderView } from '../../api';
import type { VisitChecklist } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { cacheGet, cacheSet } from '../offline/idbStore';

type Fix = { lat: number; lng: number } | null;

/** A map app's navigation to the customer: by position when the order has one, else by address. */
export function navigateUrl(o: Pick<WorkOrderView, 'lat' | 'lng' | 'address'>): string {
  const name = encodeURIComponent(o.address);
  return o.lat !== null && o.lng !== null
    ? `https://uri.amap.com/navigation?to=${o.lng},${o.lat},${name}&mode=car&callnative=1`
    : `https://uri.amap.com/search?keyword=${name}`;
}

/**
 * ENG-02 before leaving: when to leave (window start − SLA-07 early margin − travel − buffer, the travel
 * estimated from the phone's position when it gives one), a navigate link, and the kit for this order
 * type ticked on the phone (kept on the phone: it is the engineer's own check).
 */
export function BeforeDeparture({ order, checklist }: { order: WorkOrderView; checklist: VisitChecklist | null }) {
  const { t, lang } = useLabels();
  const personId = useMe().person.id;
  const [fix, setFix] = useState<Fix>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [now] = useState(() => new Date());
  const kitKey = `kit:${personId}:${order.id}`;

  useEffect(() => {
    void cacheGet<string[]>(kitKey).then((v) => v && setTicked(v));
    navigator.geolocation?.getCurrentPosition(
      (p) => setFix({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => undefined,
      { timeout: 8000, maximumAge: 300_000 },
    );
  }, [kitKey]);

  const dest = order.lat !== null && order.lng !== null ? { lat: order.lat, lng: order.lng } : null;
  const dep = checklist?.departure;
  const suggestion =
    dep && order.appointment
      ? suggestDeparture(dep, {
          windowStart: new Date(order.appointment.start),
          travelMinutes: travelMinutes(dep, fix, dest),
          arriveEarlyMinutes: dep.arriveEarlyMinutes,
          now,
        })
      : null;

  const toggle = (codes: string[]) => {
    setTicked(codes);
    void cacheSet(kitKey, codes);
  };

  return (
    <List header={t('eng.beforeDeparture')} data-testid="before-departure">
      {suggestion && (
        <List.Item
          data-testid="departure-suggestion"
          data-leave-at={suggestion.leaveAt.toISOString()}
          description={t('eng.departureHow', {
            travel: suggestion.travelMinutes,
            early: suggestion.earlyMinutes,
            buffer: suggestion.bufferMinutes,
          })}
          extra={
            <span style={{ color: suggestion.alreadyLate ? '#cf1322' : undefined }}>
              {suggestion.alreadyLate ? t('eng.leaveNow') : formatDateTime(suggestion.leaveAt.toISOString())}
            </span>
          }
        >
          {t('eng.leaveAt')}
        </List.Item>
      )}
      <List.Item
        extra={
          <a href={navigateUrl(order)} target="_blank" rel="noreferrer" data-testid="navigate-link">
            {t('eng.navigate')}
          </a>
        }
      >
        {order.address}
      </List.Item>
      {checklist && checklist.kit.length > 0 && (
        <List.Item description={t('eng.kitHelp')}>
          <Checkbox.Group value={ticked} onChange={(v) => toggle(v as string[])}>
            {checklist.kit.map((k) => (
              <div key={k.code} style={{ padding: '4px 0' }}>
                <Checkbox value={k.code} data-testid={`kit-${k.code}`}>
                  {lang === 'en' ? k.label.en : k.label['zh-CN']}
                </Checkbox>
              </div>
            ))}
          </Checkbox.Group>
          <div data-testid="kit-count" style={{ color: '#8c8c8c', fontSize: 13 }}>
            {t('eng.kitCount', { done: ticked.length, total: checklist.kit.length })}
          </div>
        </List.Item>
      )}
    </List>
  );
}
