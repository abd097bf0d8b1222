import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import type { KpiAnswer, KpiGroupBy } from '../../api/kpis';
import { useLabels } from '../../i18n/useLabels';
import { EChart, type EChartOption } from './EChart';
import { chartValue, formatKpi } from './kpiFormat';

interface Props {
  byDay: KpiAnswer;
  byDim: KpiAnswer | null;
  indicator: string;
  dimension: Exclude<KpiGroupBy, 'day'>;
  groupName: (key: string | null) => string;
  /** A click on a point, a bar or a slice: the group whose orders to list. */
  onDrill: (group: { by: KpiGroupBy; key: string | null }) => void;
}

/** Trend (line by day), ranking (bars, best first) and breakdown (population share) of one indicator. */
export function KpiCharts({ byDay, byDim, indicator, dimension, groupName, onDrill }: Props) {
  const { t, lang: language } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const figure = byDay.kpis.find((k) => k.key === indicator);
  const days = useMemo(
    () => (byDay.groups ?? []).map((g) => ({ key: g.key, f: g.kpis.find((k) => k.key === indicator)! })),
    [byDay, indicator],
  );
  const ranked = useMemo(
    () =>
      (byDim?.groups ?? [])
        .map((g) => ({ key: g.key, f: g.kpis.find((k) => k.key === indicator)! }))
        .sort((a, b) => (chartValue(b.f) ?? -Infinity) - (chartValue(a.f) ?? -Infinity)),
    [byDim, indicator],
  );
  if (!figure) return <Empty />;
  const name = figure.label[lang];
  const unit = figure.unit === 'ratio' ? '%' : '';

  const trend: EChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: days.map((d) => d.key?.slice(5)) },
    yAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    series: [{ name, type: 'line', connectNulls: false, data: days.map((d) => chartValue(d.f)) }],
  };
  const ranking: EChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
    },
    grid: { left: 110, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'value', axisLabel: { formatter: `{value}${unit}` } },
    yAxis: { type: 'category', inverse: true, data: ranked.map((r) => groupName(r.key)) },
    series: [
      {
        name,
        type: 'bar',
        data: ranked.map((r) => chartValue(r.f)),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => formatKpi(ranked[p.dataIndex]!.f),
        },
      },
    ],
  };
  const breakdown: EChartOption = {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        name: t('kpiDashboard.share'),
        type: 'pie',
        radius: ['35%', '65%'],
        data: ranked.map((r) => ({ name: groupName(r.key), value: r.f.denominator })),
      },
    ],
  };

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${t('kpiDashboard.trend')} · ${name}`}>
          <EChart
            option={trend}
            testId="kpi-trend-chart"
            onItemClick={(i) => days[i] && onDrill({ by: 'day', key: days[i].key })}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${t('kpiDashboard.ranking')} · ${t(`kpiDashboard.${dimension}`)}`}>
          <EChart
            option={ranking}
            testId="kpi-ranking-chart"
            onItemClick={(i) => ranked[i] && onDrill({ by: dimension, key: ranked[i].key })}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${t('kpiDashboard.breakdown')} · ${t('kpiDashboard.share')}`}>
          <EChart
            option={breakdown}
            testId="kpi-breakdown-chart"
            onItemClick={(i) => ranked[i] && onDrill({ by: dimension, key: ranked[i].key })}
          />
        </Card>
      </Col>
    </Row>
  );
}
