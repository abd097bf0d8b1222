import { Button, Card, Checkbox, Col, Collapse, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { dispatchApi, type DayPlan, type UnassignedOrder } from '../../api/dispatch';
import { useOrgTree } from '../../hooks/useReferenceData';
import { useFeedback } from '../useFeedback';
import { AssignVerdict, type PendingDrop } from './AssignVerdict';
import { CarriedOverCard } from './CarriedOverCard';
import { DayChangesCard } from './DayChangesCard';
import { DayOrdersCard, LateArrivalsCard } from './DayOrdersCard';
import { DayTimeline } from './DayTimeline';
import { OfflineMap } from './OfflineMap';
import { PartsTag, RiskTag } from './PartsTag';

/** Tomorrow in the browser's calendar: coordinators plan the next day most of the time. */
function tomorrow(): string {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * DSP-01..05 coordinator board: pick a station and a day, auto-plan it (nothing changes yet), read each
 * engineer's day, the unplannable orders with their reasons, the at-risk ones and the last days'
 * outstanding work (DSP-02), then apply — the board then shows the day as stored. Dragging a visit (or
 * an unplanned order) onto an engineer's row shows the DSP-04 verdict at once; confirming it assigns
 * the order through the lifecycle and places it in that engineer's sequence (his phone follows).
 */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const tree = useOrgTree();
  const stations = useMemo(() => (tree.data?.units ?? []).filter((u) => u.kind === 'station'), [tree.data]);
  const [stationId, setStationId] = useState<string | undefined>();
  const [date, setDate] = useState(tomorrow);
  const [plan, setPlan] = useState<DayPlan | null>(null);
  const [busy, setBusy] = useState<'plan' | 'apply' | 'assign' | null>(null);
  const [requireParts, setRequireParts] = useState(true);
  const [verdict, setVerdict] = useState<PendingDrop | null>(null);
  const keys = useRef(new SubmissionKeys());
  const station = stationId ?? stations[0]?.id;

  async function autoPlan() {
    if (!station) return;
    setBusy('plan');
    setVerdict(null);
    try {
      setPlan(await dispatchApi.plan(station, date, requireParts));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  /** DSP-01: the day as stored (after an apply or a drag). */
  async function loadDay() {
    if (!station) return;
    setVerdict(null);
    try {
      setPlan(await dispatchApi.day(station, date));
    } catch (e) {
      feedback.error(toApiError(e));
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
      setPlan(await dispatchApi.day(station, date));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  async function check(orderId: string, engineerId: string) {
    const number =
      plan?.routes.flatMap((r) => r.stops).find((s) => s.orderId === orderId)?.orderNumber ??
      plan?.unassigned.find((u) => u.orderId === orderId)?.orderNumber ??
      orderId;
    const engineer = plan?.routes.find((r) => r.engineerId === engineerId)?.engineerName ?? '';
    try {
      const v = await dispatchApi.check(orderId, engineerId, date);
      setVerdict({ ...v, orderId, orderNumber: number, engineerId, engineer });
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  async function confirmAssign() {
    if (!verdict || !station) return;
    setBusy('assign');
    try {
      const body = { orderId: verdict.orderId, engineerId: verdict.engineerId, date };
      const res = await dispatchApi.assign(body.orderId, body.engineerId, date, keys.current.keyFor(body));
      keys.current.succeeded();
      const seq = res.sequence.find((s) => s.orderId === verdict.orderId)?.seq ?? 0;
      feedback.success(t('dispatchAssign.assigned', { engineer: verdict.engineer, seq }));
      setVerdict(null);
      setPlan(await dispatchApi.day(station, date));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  /** DSP-03: fit an urgent order into the day, displacing normal work only when it must. */
  async function insertUrgent(u: UnassignedOrder) {
    if (!station) return;
    setBusy('assign');
    try {
      const body = { orderId: u.orderId, date };
      const res = await dispatchApi.urgent(u.orderId, date, keys.current.keyFor(body));
      keys.current.succeeded();
      feedback.success(
        t('dispatchAssign.urgentDone', { displaced: res.displaced.map((d) => d.number).join(', ') || '—' }),
      );
      setPlan(await dispatchApi.day(station, date));
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(null);
    }
  }

  const reasonText = (u: UnassignedOrder) =>
    u.reason === 'parts_short'
      ? t('dispatchDay.partsShort', {
          items: (u.parts?.lines ?? [])
            .filter((l) => l.short > 0)
            .map((l) => `${l.itemName} ×${l.short}`)
            .join('、'),
        })
      : t(`dispatchBoard.reasons.${u.reason}`, { defaultValue: u.text });

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
        <Checkbox
          checked={requireParts}
          onChange={(e) => setRequireParts(e.target.checked)}
          data-testid="dispatch-require-parts"
        >
          {t('dispatchDay.requireParts')}
        </Checkbox>
        <Button data-testid="dispatch-current-day" disabled={busy !== null} onClick={() => void loadDay()}>
          {t('dispatchAssign.current')}
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
        <AssignVerdict
          verdict={verdict}
          busy={busy === 'assign'}
          onConfirm={() => void confirmAssign()}
          onClose={() => setVerdict(null)}
        />
      )}
      {!plan ? (
        <Empty description={t('dispatchBoard.empty')} />
      ) : (
        <Row gutter={16}>
          <Col span={24} style={{ marginBottom: 16 }}>
            <CarriedOverCard items={plan.carriedOver ?? []} />
          </Col>
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
              <Collapse
                size="small"
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: 'why',
                    label: t('dispatchAssign.why'),
                    children: (
                      <div data-testid="dispatch-explanations">
                        {plan.routes.flatMap((r) =>
                          r.stops.map((s) => (
                            <div key={s.orderId} data-testid={`explain-${s.orderNumber}`}>
                              <Typography.Text strong>{s.orderNumber}</Typography.Text> → {r.engineerName}:{' '}
                              {s.explanation}
                            </div>
                          )),
                        )}
                      </div>
                    ),
                  },
                ]}
              />
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
                  {
                    title: t('dispatchBoard.order'),
                    dataIndex: 'orderNumber',
                    // An unplanned order can be dragged onto an engineer's row like a planned visit.
                    render: (n: string, u: UnassignedOrder) => (
                      <span
                        draggable
                        data-testid={`unassigned-drag-${n}`}
                        onDragStart={(e) => e.dataTransfer.setData('text/plain', u.orderId)}
                        style={{ cursor: 'grab' }}
                      >
                        {n}
                      </span>
                    ),
                  },
                  {
                    title: t('dispatchBoard.priority'),
                    dataIndex: 'priority',
                    render: (p: string, u: UnassignedOrder) => (
                      <Space size={2}>
                        <Tag>{p}</Tag>
                        {u.atRisk && !u.risk && <Tag color="red">{t('dispatchAssign.atRisk')}</Tag>}
                        <RiskTag risk={u.risk} />
                        <PartsTag parts={u.parts} hideNone />
                        {u.carriedOver && <Tag color="orange">{t('dispatchAssign.carried')}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t('dispatchBoard.reason'), render: (_: unknown, u: UnassignedOrder) => reasonText(u) },
                  {
                    title: '',
                    render: (_: unknown, u: UnassignedOrder) =>
                      u.priority === 'urgent' ? (
                        <Button
                          size="small"
                          danger
                          disabled={busy !== null}
                          data-testid={`dispatch-urgent-${u.orderNumber}`}
                          onClick={() => void insertUrgent(u)}
                        >
                          {t('dispatchAssign.urgent')}
                        </Button>
                      ) : null,
                  },
                ]}
              />
            </Card>
            <DayOrdersCard plan={plan} />
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('dispatchBoard.map')}>
              <OfflineMap plan={plan} />
            </Card>
            <LateArrivalsCard items={plan.lateArrivals ?? []} />
            {station && <DayChangesCard plan={plan} stationId={station} onChanged={loadDay} />}
          </Col>
        </Row>
      )}
    </Space>
  );
}
