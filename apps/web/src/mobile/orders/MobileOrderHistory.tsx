import { List, Steps } from 'antd-mobile';
import type { OrderEvent } from '../../api';
import { useMeta, useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { summarizeEvent } from '../../orders/eventSummary';
import { formatDateTime } from '../../orders/format';

/** The order's history, newest first: action, actor and position, time, status change and details. */
export function MobileOrderHistory({ events }: { events: OrderEvent[] }) {
  const { t, action, position, status } = useLabels();
  const meta = useMeta().data;
  const people = useOrgTree().data?.people;
  const lists = {
    returnReasons: meta?.returnReasons,
    complaintCauses: meta?.complaintCauses,
    personName: (id: string) => people?.find((p) => p.id === id)?.name,
  };
  const sorted = [...events].sort((a, b) => b.seq - a.seq);

  return (
    <List header={t('orderDetail.history')}>
      <div style={{ padding: '8px 12px', background: '#fff' }} data-testid="order-timeline">
        {sorted.length === 0 && <div style={{ color: '#8c8c8c' }}>{t('orderDetail.noHistory')}</div>}
        <Steps direction="vertical" current={0}>
          {sorted.map((e) => (
            <Steps.Step
              key={e.seq}
              status={e === sorted[0] ? 'process' : 'finish'}
              title={
                <span data-testid={`timeline-item-${e.seq}`} data-action={e.action}>
                  {action(e.action)}
                  {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus
                    ? ` · ${status(e.fromStatus)} → ${status(e.toStatus)}`
                    : ''}
                </span>
              }
              description={
                <div style={{ fontSize: 13 }}>
                  <div>
                    {formatDateTime(e.at)}{' '}
                    {e.actorName
                      ? t('timeline.by', { name: e.actorName, position: position(e.actorPosition) || '—' })
                      : t('timeline.system')}
                  </div>
                  {summarizeEvent(e, t, lists).map((l, i) => (
                    <div key={i}>
                      {l.label ? l.label + t('common.colon') : ''}
                      {l.value}
                    </div>
                  ))}
                </div>
              }
            />
          ))}
        </Steps>
      </div>
    </List>
  );
}
