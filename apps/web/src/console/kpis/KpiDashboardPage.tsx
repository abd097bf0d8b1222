import { Alert, Card, Col, DatePicker, Row, Select, Space, Spin, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { toApiError, type ApiError } from '../../api';
import { kpisApi, type KpiAnswer, type KpiFigure } from '../../api/kpis';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { KpiCharts } from './KpiCharts';
import { drillPath, formatKpi } from './kpiFormat';
import { choiceFromParams, choiceToParams, scopeOf, type DashboardChoice } from './kpiScopeParams';
import { useKpiNames } from './useKpiNames';

/**
 * KPI-01 dashboard: every indicator for a period and scope (vendor, station, area, engineer), a trend by
 * day, a ranking and a breakdown by a dimension. Every figure, point, bar and row links to the orders
 * behind it (/kpis/orders), recomputed by the server from the same definition.
 */
export default function KpiDashboardPage() {
  const { t, lang: language } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const errorText = useErrorText();
  const navigate = useNavigate();
  const names = useKpiNames();
  const [params, setParams] = useSearchParams();
  const paramString = params.toString();
  const choice = useMemo(() => choiceFromParams(new URLSearchParams(paramString)), [paramString]);
  const scope = useMemo(() => scopeOf(choice), [choice]);
  const [byDay, setByDay] = useState<KpiAnswer | null>(null);
  const [byDim, setByDim] = useState<KpiAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    // One read answers the trend (by day) and the ranking (by the chosen dimension).
    kpisApi.get(scope, 'day', [choice.dimension]).then(
      (d) => {
        if (!live) return;
        setError(null);
        setByDay(d);
        setByDim({ ...d, groupBy: choice.dimension, groups: d.breakdowns?.[choice.dimension] ?? [] });
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [scope, choice.dimension]);

  const set = (patch: Partial<DashboardChoice>) =>
    setParams(choiceToParams({ ...choice, ...patch }), { replace: true });
  const notMeasured = new Set((byDay?.notYetMeasured ?? []).map((n) => n.key));
  const targetOf = (key: string) => byDay?.targets?.find((x) => x.key === key);
  const overTarget = (f: KpiFigure) => {
    const target = targetOf(f.key);
    return target !== undefined && f.value !== null && f.value > target.atMost;
  };
  const label = (f: Pick<KpiFigure, 'label'>) => f.label[lang];
  const option = (list: { id: string; name: string }[]) => list.map((x) => ({ value: x.id, label: x.name }));
  const pick = (
    key: 'vendorId' | 'stationId' | 'areaId' | 'engineerId',
    placeholder: string,
    list: { id: string; name: string }[],
    testId: string,
  ) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 150 }}
      placeholder={placeholder}
      value={choice[key]}
      options={option(list)}
      onChange={(v?: string) => set({ [key]: v })}
      data-testid={testId}
    />
  );

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('kpiDashboard.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('kpiDashboard.drillHint')}</Typography.Text>
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(choice.fromDay), dayjs(choice.toDay)]}
          onChange={(r) =>
            r?.[0] && r[1] && set({ fromDay: r[0].format('YYYY-MM-DD'), toDay: r[1].format('YYYY-MM-DD') })
          }
          data-testid="kpi-period"
        />
        {pick('vendorId', t('kpiDashboard.vendor'), names.list.vendor, 'kpi-filter-vendor')}
        {pick('stationId', t('kpiDashboard.station'), names.list.station, 'kpi-filter-station')}
        {pick('areaId', t('kpiDashboard.area'), names.list.area, 'kpi-filter-area')}
        {pick('engineerId', t('kpiDashboard.engineer'), names.list.engineer, 'kpi-filter-engineer')}
      </Space>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      {!byDay && !error && <Spin />}
      {byDay && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {byDay.kpis.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={6}>
                <Card
                  size="small"
                  hoverable
                  onClick={() => navigate(drillPath(scope, f.key))}
                  data-testid={`kpi-card-${f.key}`}
                  style={choice.indicator === f.key ? { borderColor: '#1677ff' } : undefined}
                >
                  <Tooltip title={f.formula[lang]}>
                    <Statistic
                      title={`${label(f)} · ${f.ruleIds.join(' ')}`}
                      value={formatKpi(f)}
                      styles={{ content: { fontSize: 22, ...(overTarget(f) ? { color: '#cf1322' } : {}) } }}
                    />
                  </Tooltip>
                  {targetOf(f.key) && (
                    <Typography.Text
                      type={overTarget(f) ? 'danger' : 'secondary'}
                      style={{ display: 'block' }}
                      data-testid={`kpi-target-${f.key}`}
                      data-over={overTarget(f) ? 'true' : 'false'}
                    >
                      {t('kpiDashboard.target', { value: targetOf(f.key)!.atMost, rule: targetOf(f.key)!.ruleId })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" data-testid={`kpi-fraction-${f.key}`}>
                    {notMeasured.has(f.key)
                      ? t('kpiDashboard.notMeasured')
                      : t('kpiDashboard.fraction', { num: round(f.numerator), den: f.denominator })}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('kpiDashboard.indicator')}</Typography.Text>
            <Select
              style={{ minWidth: 260 }}
              value={choice.indicator}
              options={byDay.kpis.map((f) => ({ value: f.key, label: label(f) }))}
              onChange={(v: string) => set({ indicator: v })}
              data-testid="kpi-indicator"
            />
            <Typography.Text>{t('kpiDashboard.dimension')}</Typography.Text>
            <Select
              style={{ minWidth: 120 }}
              value={choice.dimension}
              options={(['station', 'area', 'vendor', 'engineer'] as const).map((d) => ({
                value: d,
                label: t(`kpiDashboard.${d}`),
              }))}
              onChange={(v: DashboardChoice['dimension']) => set({ dimension: v })}
              data-testid="kpi-dimension"
            />
          </Space>
          <KpiCharts
            byDay={byDay}
            byDim={byDim}
            indicator={choice.indicator}
            dimension={choice.dimension}
            groupName={(key) => names.name(choice.dimension, key, t('kpiDashboard.none'))}
            onDrill={(group) => navigate(drillPath(scope, choice.indicator, group))}
          />
          {byDim?.groups && (
            <Table
              size="small"
              rowKey={(g) => g.key ?? 'none'}
              pagination={false}
              style={{ marginTop: 16 }}
              data-testid="kpi-breakdown-table"
              dataSource={byDim.groups}
              columns={[
                {
                  title: t('kpiDashboard.group'),
                  render: (_: unknown, g) => names.name(choice.dimension, g.key, t('kpiDashboard.none')),
                },
                {
                  title: t('kpiDashboard.value'),
                  render: (_: unknown, g) => {
                    const f = g.kpis.find((k) => k.key === choice.indicator);
                    if (!f) return '—';
                    return (
                      <Link
                        to={drillPath(scope, f.key, { by: choice.dimension, key: g.key })}
                        data-testid={`kpi-breakdown-link-${g.key ?? 'none'}`}
                      >
                        {formatKpi(f)} ({t('kpiDashboard.fraction', { num: round(f.numerator), den: f.denominator })})
                      </Link>
                    );
                  },
                },
              ]}
            />
          )}
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('kpiDashboard.asOf', { at: dayjs(byDay.asOf).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
