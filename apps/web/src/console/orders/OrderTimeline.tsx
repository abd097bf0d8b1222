import { Empty, Space, Tag, Timeline, Typography } from 'antd';
import type { OrderEvent } from '../../api';
import { useMeta, useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { summarizeEvent } from '../../orders/eventSummary';
import { formatDateTime } from '../../orders/format';
import { STATUS_COLORS } from '../../orders/statusColors';

/** WO-03 / AUD-01: every step of the order with actor, position, time, reason and status change. */
export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  const { t, action, position, status } = useLabels();
  const meta = useMeta().data;
  const people = useOrgTree().data?.people;
  const lists = {
    returnReasons: meta?.returnReasons,
    complaintCauses: meta?.complaintCauses,
    personName: (id: string) => people?.find((p) => p.id === id)?.name,
  };

  if (!events.length) return <Empty description={t('orderDetail.noHistory')} data-testid="order-timeline" />;

  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <div data-testid="order-timeline">
      <Timeline
        items={sorted.map((e) => ({
          key: e.seq,
          color: e.toStatus ? STATUS_COLORS[e.toStatus]?.hex : 'gray',
          content: (
            <div data-testid={`timeline-item-${e.seq}`} data-action={e.action}>
              <Space size={6} wrap>
                <Typography.Text strong>{action(e.action)}</Typography.Text>
                {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                  <span data-testid="timeline-status-change">
                    <Tag>{status(e.fromStatus)}</Tag>→{' '}
                    <Tag color={STATUS_COLORS[e.toStatus]?.preset}>{status(e.toStatus)}</Tag>
                  </span>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  <span data-testid="timeline-time">{formatDateTime(e.at)}</span>{' '}
                  {e.actorName
                    ? t('timeline.by', { name: e.actorName, position: position(e.actorPosition) || '—' })
                    : t('timeline.system')}
                </Typography.Text>
              </div>
              {summarizeEvent(e, t, lists).map((l, i) => (
                <div key={i}>
                  {l.label && <Typography.Text type="secondary">{l.label + t('common.colon')}</Typography.Text>}
                  {l.value}
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </div>
  );
}
