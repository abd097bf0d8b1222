import { Alert, Button, Card, Col, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { dispatchApi, type DayPlan, type InsertionVerdict, type UnassignedOrder } from '../../api/dispatch';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useFeedback } from '../useFeedback';
import { DayTimeline } from './DayTimeline';
import { hhmm } from './minutes';
import { OfflineMap } from './OfflineMap';

/** Tomorrow in the browser's calendar: coordinators plan the next day most of the time. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * DSP-01/03/04 coordinator board: pick a station and a day, auto-plan it (nothing changes yet), read
 * each engineer's day and the unplannable orders with their reasons, then apply. Dragging a visit onto
 * another engineer's row asks for the DSP-04 verdict.
 */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const tree = useOrgTree();
  const stations = useMemo(() => (tree.data?.units ?? []).filter((u) => u.kind === 'station'), [tree.data]);
  const [stationId, setStationId] = useState<string | undefined>();
  const [date, setDate] = useState(tomorrow);
  const [plan, setPlan] = useState<DayPlan | null>(null);
  const [busy, setBusy] = useState<'plan' | 'apply' | null>(null);
  const [verdict, setVerdict] = useState<(InsertionVerdict & { orderNumber: string; engineer: string }) | null>(null);
  const keys = useRef(new SubmissionKeys());
  const station = stationId ?? stations[0]?.id;

  async function autoPlan() {
    if (!station) return;
    setBusy('plan');
    setVerdict(null);
    try {
      setPlan(await dispatchApi.plan(station, date));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  async function apply() {
    if (!station || !plan) return;
    const assignments = plan.routes.flatMap((r) =>
      r.stops.map((s) => ({ orderId: s.orderId, engineerId: r.engineerId })),
    );
    setBusy('apply');
    try {
      const body = { station, date, assignments };
      const res = await dispatchApi.apply(station, date, assignments, keys.current.keyFor(body));
      keys.current.succeeded();
      feedback.success(t('dispatchBoard.applied', { count: res.dispatched.length }));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  async function check(orderId: string, engineerId: string) {
    const stop = plan?.routes.flatMap((r) => r.stops).find((s) => s.orderId === orderId);
    const engineer = plan?.routes.find((r) => r.engineerId === engineerId)?.engineerName ?? '';
    try {
      const v = await dispatchApi.check(orderId, engineerId, date);
      setVerdict({ ...v, orderNumber: stop?.orderNumber ?? orderId, engineer });
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  const reasonText = (u: UnassignedOrder) => t(`dispatchBoard.reasons.${u.reason}`, { defaultValue: u.text });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('dispatchBoard.title')}
      </Typography.Title>
      <Space wrap>
        <Select
          data-testid="dispatch-station"
          style={{ minWidth: 200 }}
          loading={!tree.data && !tree.error}
          value={station}
          onChange={setStationId}
          placeholder={t('dispatchBoard.station')}
          options={stations.map((s) => ({
            value: s.id,
            label: <span data-testid={`dispatch-station-option-${s.id}`}>{s.name}</span>,
          }))}
        />
        <Input
          type="date"
          data-testid="dispatch-date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          style={{ width: 160 }}
        />
        <Button
          type="primary"
          data-testid="dispatch-auto-plan"
          loading={busy === 'plan'}
          onClick={() => void autoPlan()}
        >
          {t('dispatchBoard.autoPlan')}
        </Button>
        <Button
          data-testid="dispatch-apply"
          disabled={!plan || busy !== null}
          loading={busy === 'apply'}
          onClick={() => void apply()}
        >
          {t('dispatchBoard.apply')}
        </Button>
      </Space>
      {verdict && (
        <Alert
          data-testid="dispatch-verdict"
          data-feasible={String(verdict.feasible)}
          type={verdict.feasible ? (verdict.reason === 'late' ? 'warning' : 'success') : 'error'}
          closable
          onClose={() => setVerdict(null)}
          message={t(verdict.feasible ? 'dispatchBoard.verdictOk' : 'dispatchBoard.verdictNo', {
            order: verdict.orderNumber,
            engineer: verdict.engineer,
            start: verdict.start === null ? '—' : hhmm(verdict.start),
            reason: t(`dispatchBoard.checkReasons.${verdict.reason}`, { defaultValue: verdict.reason }),
          })}
        />
      )}
      {!plan ? (
        <Empty description={t('dispatchBoard.empty')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('dispatchBoard.timeline')}>
              <Typography.Paragraph type="secondary" data-testid="dispatch-stats">
                {t('dispatchBoard.stats', {
                  assigned: plan.stats.assigned,
                  unassigned: plan.unassigned.length,
                  travel: Math.round(plan.stats.travelMinutes),
                  late: Math.round(plan.stats.lateMinutes),
                })}
              </Typography.Paragraph>
              <DayTimeline routes={plan.routes} onDrop={(o, e) => void check(o, e)} />
            </Card>
            <Card size="small" title={t('dispatchBoard.unassigned')} style={{ marginTop: 16 }}>
              <Table
                data-testid="dispatch-unassigned"
                size="small"
                rowKey="orderId"
                pagination={false}
                dataSource={plan.unassigned}
                onRow={(u) => ({ 'data-testid': `unassigned-${u.orderNumber}`, 'data-reason': u.reason }) as object}
                columns={[
                  { title: t('dispatchBoard.order'), dataIndex: 'orderNumber' },
                  { title: t('dispatchBoard.priority'), dataIndex: 'priority', render: (p: string) => <Tag>{p}</Tag> },
                  { title: t('dispatchBoard.reason'), render: (_: unknown, u: UnassignedOrder) => reasonText(u) },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('dispatchBoard.map')}>
              <OfflineMap plan={plan} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
