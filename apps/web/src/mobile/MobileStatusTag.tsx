import type { WorkOrderStatus } from '@daowei/domain';
import { Tag } from 'antd-mobile';
import { useLabels } from '../i18n/useLabels';
import { STATUS_COLORS } from '../orders/statusColors';

/**
 * An order's status on the phone. The order page's tag is `order-status`; a card in a list passes its
 * own test id, so the page being opened is never confused with the list it was opened from (the list
 * stays on screen until the page has loaded).
 */
export function MobileStatusTag({ status, testId = 'order-status' }: { status: WorkOrderStatus; testId?: string }) {
  const { status: label } = useLabels();
  return (
    <Tag color={STATUS_COLORS[status]?.hex} fill="outline" data-testid={testId} data-status={status}>
      {label(status)}
    </Tag>
  );
}
