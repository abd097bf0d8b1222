import { DEFAULT_SLA_POLICY } from '@daowei/domain';
import { Alert, Button, Card, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, type ApiError } from '../../api';
import { slaApi, type AtRiskItem, type AtRiskQuery } from '../../api/sla';
import { useErrorText } from '../../hooks/useErrorText';
import { useAreas, useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { CLOCK_STATE_COLORS, timeLeftText } from './clockText';
import { OverdueReasonModal } from './OverdueReasonModal';

type StateFilter = 'all' | 'warning' | 'breached';

/**
 * SLA-09 / SLA-04 coordinators' page: clocks at risk (past the warning share) and breached, most urgent
 * first, filtered by station, area, clock kind and state. A breached clock without a reason note is
 * flagged (it counts against the vendor) and the reason is entered right here.
 */
export default function AtRiskPage() {
  const { t, lang, type } = useLabels();
  const l = lang as 'zh-CN' | 'en';
  const errorText = useErrorText();
  const tree = useOrgTree().data;
  const areas = useAreas().data;
  const [state, setState] = useState<StateFilter>('all');
  const [stationId, setStationId] = useState<string | undefined>();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [items, setItems] = useState<AtRiskItem[] | null>(null);
  const [shownQuery, setShownQuery] = useState<AtRiskQuery | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<{ orderId: string; clockId: string; initial: string } | null>(null);

  const query = useMemo<AtRiskQuery>(
    () => ({
      ...(state !== 'all' ? { state } : {}),
      ...(stationId ? { stationId } : {}),
      ...(areaId ? { areaId } : {}),
      ...(kind ? { kind } : {}),
      limit: 50,
    }),
    [state, stationId, areaId, kind],
  );

  useEffect(() => {
    let live = true;
    slaApi.atRisk(query).then(
      (r) => live && (setItems(r.items), setCursor(r.nextCursor), setShownQuery(query), setError(null)),
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [query]);

  async function loadMore() {
    if (!cursor) return;
    try {
      const r = await slaApi.atRisk({ ...query, cursor });
      setItems((prev) => [...(prev ?? []), ...r.items]);
      setCursor(r.nextCursor);
    } catch (e) {
      setError(toApiError(e));
    }
  }

  const stations = (tree?.units ?? []).filter((u) => u.kind === 'station');
  const flagged = (items ?? []).filter((i) => i.flagged).length;

  return (
    <Card title={t('atRisk.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<StateFilter>
          value={state}
          onChange={setState}
          options={(['all', 'warning', 'breached'] as const).map((s) => ({
            value: s,
            label: <span data-testid={`atrisk-filter-state-${s}`}>{t(`atRisk.${s}`)}</span>,
          }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('atRisk.station')}
          value={stationId}
          onChange={setStationId}
          options={stations.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="atrisk-filter-station"
        />
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('atRisk.area')}
          value={areaId}
          onChange={setAreaId}
          options={(areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
          data-testid="atrisk-filter-area"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('atRisk.kind')}
          value={kind}
          onChange={setKind}
          options={DEFAULT_SLA_POLICY.clocks.map((c) => ({
            value: c.kind,
            label: <span data-testid={`atrisk-kind-option-${c.kind}`}>{c.label[l]}</span>,
          }))}
          data-testid="atrisk-filter-kind"
        />
      </Space>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      {flagged > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={<span data-testid="atrisk-flagged-count">{t('atRisk.flaggedCount', { n: flagged })}</span>}
        />
      )}
      <Table<AtRiskItem>
        rowKey="id"
        size="small"
        loading={shownQuery !== query && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: t('atRisk.empty') }}
        data-testid="atrisk-table"
        onRow={(r) => ({ 'data-testid': `atrisk-row-${r.order.number}-${r.kind}` }) as object}
        columns={[
          {
            title: t('atRisk.order'),
            key: 'order',
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/orders/${r.order.id}`} data-testid={`atrisk-order-${r.order.number}`}>
                  {r.order.number}
                </Link>
                <Typography.Text type="secondary">{type(r.order.type)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('atRisk.clock'), key: 'clock', render: (_, r) => `${r.label[l]} (${r.ruleId})` },
          {
            title: t('atRisk.state'),
            key: 'state',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={CLOCK_STATE_COLORS[r.state]}>{t(`clocks.states.${r.state}`)}</Tag>
                {r.provisional && <Tag color="orange">{t('clocks.provisional')}</Tag>}
              </Space>
            ),
          },
          { title: t('atRisk.due'), key: 'due', render: (_, r) => formatDateTime(r.dueAt) },
          { title: t('atRisk.left'), key: 'left', render: (_, r) => timeLeftText(r, t, l) },
          {
            title: t('atRisk.reason'),
            key: 'reason',
            render: (_, r) =>
              r.state !== 'breached' ? null : (
                <Space size={4} wrap>
                  {r.flagged ? (
                    <Tag color="red" data-testid={`atrisk-flagged-${r.order.number}-${r.kind}`}>
                      {t('clocks.flagged')}
                    </Tag>
                  ) : (
                    <Typography.Text>{r.overdueReason}</Typography.Text>
                  )}
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setEditing({ orderId: r.order.id, clockId: r.id, initial: r.overdueReason ?? '' })}
                    data-testid={`atrisk-add-reason-${r.order.number}-${r.kind}`}
                  >
                    {t('atRisk.addReason')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      {cursor && (
        <Button style={{ marginTop: 12 }} onClick={() => void loadMore()} data-testid="atrisk-load-more">
          {t('atRisk.loadMore')}
        </Button>
      )}
      <OverdueReasonModal
        key={editing?.clockId ?? 'none'}
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(clock) => {
          setItems((prev) =>
            (prev ?? []).map((i) =>
              i.id === clock.id ? { ...i, overdueReason: clock.overdueReason, flagged: clock.flagged } : i,
            ),
          );
          setEditing(null);
        }}
      />
    </Card>
  );
}
