import { Card, List, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { onsiteReportsApi, type OnsiteReport } from '../../api/onsiteReports';
import { useLabels } from '../../i18n/useLabels';
import { ReportDetails } from './ReportDetails';

/** The order's no-access follow-ups, resource changes and damage reports (APT-03, WO-15, SLA-08); hidden when none. */
export function OrderOnsiteReportsCard({ orderId, version }: { orderId: string; version: number }) {
  const { t } = useLabels();
  const [items, setItems] = useState<OnsiteReport[]>([]);
  useEffect(() => {
    onsiteReportsApi
      .ofOrder(orderId)
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [orderId, version]);
  if (items.length === 0) return null;
  return (
    <Card title={t('onsite.reports.onOrder')} style={{ marginTop: 16 }} data-testid="order-onsite-reports">
      <List
        dataSource={items}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid={`order-onsite-report-${r.kind}`} data-state={r.state}>
            <List.Item.Meta
              title={
                <>
                  <Tag>{t(`onsite.reports.kinds.${r.kind}`)}</Tag>
                  <Tag color={r.state === 'open' ? (r.overdue ? 'error' : 'processing') : 'success'}>
                    {r.overdue && r.state === 'open'
                      ? t('onsite.reports.overdue')
                      : t(`onsite.reports.states.${r.state}`)}
                  </Tag>
                </>
              }
              description={<ReportDetails report={r} />}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
