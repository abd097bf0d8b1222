import type { WorkOrderStatus } from '@daowei/domain';
import { Tag } from 'antd-mobile';
import { useLabels } from '../i18n/useLabels';
import { STATUS_COLORS } from '../orders/statusColors';

export function MobileStatusTag({ status }: { status: WorkOrderStatus }) {
  const { status: label } = useLabels();
  return (
    <Tag color={STATUS_COLORS[status]?.hex} fill="outline" data-testid="order-status" data-status={status}>
      {label(status)}
    </Tag>
  );
}
