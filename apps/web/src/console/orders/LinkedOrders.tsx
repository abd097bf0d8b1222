import { List, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkOrderView } from '../../api';
import { StatusTag } from '../../components/StatusTag';
import { useLabels } from '../../i18n/useLabels';

/** WO-08: orders linked to this one (the fault created from a complaint, or the complaint it came from). */
export function LinkedOrders({ orders }: { orders: WorkOrderView[] }) {
  const { type } = useLabels();
  return (
    <List
      size="small"
      dataSource={orders}
      data-testid="linked-orders"
      renderItem={(o) => (
        <List.Item>
          <Space>
            <Link to={`/orders/${o.id}`} data-testid={`linked-order-${o.number}`}>
              {o.number}
            </Link>
            <span>{type(o.type)}</span>
            <StatusTag status={o.status} testId="linked-order-status" />
          </Space>
        </List.Item>
      )}
    />
  );
}
