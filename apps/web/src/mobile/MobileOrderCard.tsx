import { Card } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import type { WorkOrderView } from '../api';
import { useLabels } from '../i18n/useLabels';
import { formatWindow } from '../orders/format';
import { MobileStatusTag } from './MobileStatusTag';

const line = { color: '#595959', fontSize: 14, lineHeight: '22px' } as const;

/** WO-16/17: care visits and inspections open their own page (the order page is one tap further). */
const pageOf = (o: WorkOrderView) =>
  o.type === 'care_visit' ? `/m/care/${o.id}` : o.type === 'inspection' ? `/m/inspection/${o.id}` : `/m/orders/${o.id}`;

/** One order in 我的待办: number, type, status, customer, address, appointment. */
export function MobileOrderCard({ order: o }: { order: WorkOrderView }) {
  const { t, type } = useLabels();
  const navigate = useNavigate();
  return (
    <Card
      title={<span style={{ fontSize: 15 }}>{o.number}</span>}
      extra={<MobileStatusTag status={o.status} testId="order-card-status" />}
      onClick={() => navigate(pageOf(o))}
      style={{ margin: '8px 12px', borderRadius: 8 }}
      data-testid={`order-card-${o.number}`}
    >
      <div style={line}>
        <strong>{type(o.type)}</strong> · {o.contactName}
      </div>
      <div style={line}>{o.address}</div>
      <div style={line}>
        {t('fields.appointment') + t('common.colon')}
        {formatWindow(o.appointment)}
      </div>
    </Card>
  );
}
