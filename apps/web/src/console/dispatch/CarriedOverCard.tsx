import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CarriedOverOrder } from '../../api/dispatch';

/** DSP-02: the last days' outstanding orders, oldest first, with where the (re)plan puts each one. */
export function CarriedOverCard({ items }: { items: CarriedOverOrder[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dispatchAssign.carriedOver')} data-testid="dispatch-carried-over">
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('dispatchAssign.carriedOverEmpty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(o) => (
            <List.Item data-testid={`carried-over-${o.orderNumber}`}>
              <Space wrap>
                <Typography.Text strong>{o.orderNumber}</Typography.Text>
                <Tag>{o.priority}</Tag>
                {o.atRisk && <Tag color="red">{t('dispatchAssign.atRisk')}</Tag>}
                {o.appointmentStart && (
                  <Typography.Text type="secondary">{new Date(o.appointmentStart).toLocaleString()}</Typography.Text>
                )}
                <span>
                  {o.engineerName
                    ? `${t('dispatchAssign.plannedTo')} ${o.engineerName}`
                    : t('dispatchAssign.notPlanned')}
                </span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
