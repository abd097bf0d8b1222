import type { WorkOrderStatus } from '@daowei/domain';
import { Tag } from 'antd';
import { useLabels } from '../i18n/useLabels';
import { STATUS_COLORS } from '../orders/statusColors';

export function StatusTag({ status, testId = 'order-status' }: { status: WorkOrderStatus; testId?: string }) {
  const { status: label } = useLabels();
  return (
    <Tag color={STATUS_COLORS[status]?.preset} data-testid={testId} data-status={status}>
      {label(status)}
    </Tag>
  );
}
