import { Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayPlan, LateArrival, PlanStop } from '../../api/dispatch';
import { hhmm } from './minutes';
import { PartsTag, RiskTag } from './PartsTag';

type Row = PlanStop & { engineerName: string };

/**
 * DSP-01: the day's planned visits as a list — engineer, planned start, parts readiness (for
 * tomorrow's jobs: are the parts there?) and the promise at risk — next to the timeline, which shows
 * the same visits as bars.
 */
export function DayOrdersCard({ plan }: { plan: DayPlan }) {
  const { t } = useTranslation();
  const rows: Row[] = plan.routes.flatMap((r) => r.stops.map((s) => ({ ...s, engineerName: r.engineerName })));
  return (
    <Card size="small" title={t('dispatchDay.orders')} style={{ marginTop: 16 }}>
      <Table<Row>
        data-testid="dispatch-day-orders"
        size="small"
        rowKey="orderId"
        pagination={false}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': `day-order-${r.orderNumber}` }) as object}
        columns={[
          { title: t('dispatchBoard.order'), dataIndex: 'orderNumber' },
          { title: t('dispatchDay.engineer'), dataIndex: 'engineerName' },
          { title: t('dispatchDay.start'), render: (_: unknown, r: Row) => hhmm(r.start) },
          { title: t('dispatchDay.partsCol'), render: (_: unknown, r: Row) => <PartsTag parts={r.parts} /> },
          {
            title: t('dispatchDay.riskCol'),
            render: (_: unknown, r: Row) => (
              <Space size={2}>
                <RiskTag risk={r.risk} />
                {r.carriedOver && <Tag color="orange">{t('dispatchAssign.carried')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** APT-04 on the board: late check-ins and visits whose window began with nobody there yet. */
export function LateArrivalsCard({ items }: { items: LateArrival[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dispatchDay.late')} data-testid="dispatch-late-arrivals" style={{ marginTop: 16 }}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('dispatchDay.lateEmpty')}</Typography.Text>
      ) : (
        items.map((a) => (
          <div key={a.orderId} data-testid={`late-${a.orderNumber}`} data-state={a.state}>
            <Space wrap>
              <Typography.Text strong>{a.orderNumber}</Typography.Text>
              <span>{a.engineerName}</span>
              <Tag color={a.state === 'not_arrived' ? 'red' : 'orange'}>
                {a.state === 'arrived_late'
                  ? t('dispatchDay.arrivedLate', { minutes: a.lateMinutes })
                  : t('dispatchDay.notArrived', { minutes: a.lateMinutes })}
              </Tag>
              {a.handling && a.handling !== 'none' && (
                <span>{t(`dispatchDay.handling.${a.handling as 'apology' | 'escalation'}`)}</span>
              )}
            </Space>
          </div>
        ))
      )}
    </Card>
  );
}
