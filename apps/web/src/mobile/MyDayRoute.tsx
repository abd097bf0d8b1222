import { Collapse, List, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { dispatchApi, type MyDayVisit } from '../api/dispatch';
import { useLabels } from '../i18n/useLabels';

/** "HH:mm" of an instant in the browser's zone (the phone is where the engineer is). */
const hhmm = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false }) : '—';

/**
 * 我的待办 → 今日路线 (ENG-01 with DSP-01/03): today's visits in the sequence the coordinator's plan or
 * drag gave them, numbered, with the planned start and the parts to bring (DSP-01); tapping one opens the order. Folded by default so
 * the to-do list below stays in view (its infinite scroll loads when its end is visible). Hidden when
 * the day has no planned visits.
 */
export function MyDayRoute() {
  const { t } = useLabels();
  const navigate = useNavigate();
  const [items, setItems] = useState<MyDayVisit[] | null>(null);

  useEffect(() => {
    let live = true;
    dispatchApi
      .myDay()
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, []);

  if (!items || items.length === 0) return null;
  return (
    <Collapse data-testid="my-day">
      <Collapse.Panel
        key="day"
        title={<span data-testid="my-day-toggle">{`${t('myDay.title')} (${items.length})`}</span>}
      >
        <List>
          {items.map((v) => (
            <List.Item
              key={v.orderId}
              data-testid={`my-day-stop-${v.seq}`}
              data-number={v.number}
              prefix={<Tag color="primary">{v.seq}</Tag>}
              description={
                <>
                  {v.address}
                  {v.parts && v.parts.length > 0 && (
                    <div data-testid={`my-day-parts-${v.seq}`}>
                      {t('myDay.bring', {
                        items: v.parts
                          .map(
                            (p) =>
                              `${p.itemName} ×${p.needed}${p.issued < p.needed ? `（${t('myDay.notIssued')} ${p.needed - p.issued}）` : ''}`,
                          )
                          .join('、'),
                      })}
                    </div>
                  )}
                </>
              }
              extra={t('myDay.planned', { time: hhmm(v.plannedStart) })}
              onClick={() => navigate(`/m/orders/${v.orderId}`)}
            >
              {v.number}
              {v.priority === 'urgent' && (
                <Tag color="danger" style={{ marginLeft: 6 }}>
                  !
                </Tag>
              )}
            </List.Item>
          ))}
        </List>
      </Collapse.Panel>
    </Collapse>
  );
}
