import type { WorkOrderStatus } from '@daowei/domain';
import { Card, Tag } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { inspectionApi, type CrewTodoItem } from '../../api/plannedWork';
import { useLabels } from '../../i18n/useLabels';
import { formatWindow } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { MobileStatusTag } from '../MobileStatusTag';
import { cacheSet } from '../offline/idbStore';
import { readThrough } from '../offline/readCache';

const line = { color: '#595959', fontSize: 14, lineHeight: '22px' } as const;

/**
 * WO-17 / ENG-01 in 我的待办: the inspections the engineer joins as the second inspector. The lead holds
 * the order, so the ordinary list never shows it to him; here each one is marked as such and opens the
 * inspection page. Cached for offline use (ENG-07), with each inspection read ahead for the same reason.
 */
export function CrewTodoList() {
  const { t } = useLabels();
  const navigate = useNavigate();
  const personId = useMe().person.id;
  const [items, setItems] = useState<CrewTodoItem[]>([]);

  useEffect(() => {
    let live = true;
    readThrough(`crew-todo:${personId}`, inspectionApi.crewTodo).then(
      async (r) => {
        if (!live) return;
        setItems(r.value);
        if (r.cachedAt) return;
        for (const i of r.value) {
          // The same cache entry the inspection page reads (usePlannedRead 'inspection').
          const detail = await inspectionApi.detail(i.orderId).catch(() => null);
          if (detail)
            void cacheSet(`inspection:${personId}:${i.orderId}`, { value: detail, at: new Date().toISOString() });
        }
      },
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [personId]);

  if (items.length === 0) return null;
  return (
    <div data-testid="crew-todo">
      <div style={{ padding: '8px 12px 0', fontWeight: 600 }}>{t('eng.crewTodoTitle')}</div>
      {items.map((o) => (
        <Card
          key={o.orderId}
          title={<span style={{ fontSize: 15 }}>{o.number}</span>}
          extra={<MobileStatusTag status={o.status as WorkOrderStatus} testId="order-card-status" />}
          onClick={() => navigate(`/m/inspection/${o.orderId}`)}
          style={{ margin: '8px 12px', borderRadius: 8 }}
          data-testid={`crew-card-${o.number}`}
        >
          <div style={line}>
            <Tag color="warning" data-testid="crew-role">
              {t('eng.secondInspector')}
            </Tag>{' '}
            {o.lead ? t('eng.leadIs', { name: o.lead.name }) : ''} · {o.contactName}
          </div>
          <div style={line}>{o.address}</div>
          <div style={line}>
            {t('fields.appointment') + t('common.colon')}
            {formatWindow(o.appointment)}
          </div>
        </Card>
      ))}
    </div>
  );
}
