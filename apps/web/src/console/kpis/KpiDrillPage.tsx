import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { toApiError, type ApiError, type WorkOrderView } from '../../api';
import { kpisApi, type KpiDrillAnswer, type KpiGroupBy } from '../../api/kpis';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useWorkOrderColumns } from '../orders/useWorkOrderColumns';
import { formatKpi } from './kpiFormat';
import { useKpiNames } from './useKpiNames';

/** KPI-01 drill-down (/kpis/orders?key=…&from=…&to=…[&groupBy&groupKey]): the orders behind one figure. */
export default function KpiDrillPage() {
  const { t, lang: language } = useLabels();
  const lang = language as 'zh-CN' | 'en';
  const errorText = useErrorText();
  const navigate = useNavigate();
  const names = useKpiNames();
  const columns = useWorkOrderColumns();
  const [params] = useSearchParams();
  const paramString = params.toString();
  const query = useMemo(() => Object.fromEntries(new URLSearchParams(paramString)), [paramString]);
  const [answer, setAnswer] = useState<KpiDrillAnswer | null>(null);
  const [label, setLabel] = useState<{ 'zh-CN': string; en: string; unit: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    const { key, groupBy, groupKey, ...scope } = query;
    if (!key || !scope.from || !scope.to) return;
    const s = { ...scope, from: scope.from, to: scope.to };
    Promise.all([
      kpisApi.orders({ ...s, key, groupBy: groupBy as KpiGroupBy | undefined, groupKey, limit: 500 }),
      kpisApi.get(s),
    ]).then(
      ([a, all]) => {
        if (!live) return;
        setAnswer(a);
        const f = all.kpis.find((k) => k.key === key);
        if (f) setLabel({ ...f.label, unit: f.unit });
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [query]);

  const group =
    query.groupBy && query.groupKey
      ? names.name(
          query.groupBy as KpiGroupBy,
          query.groupKey === 'none' ? null : query.groupKey,
          t('kpiDashboard.none'),
        )
      : null;

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="kpi-drill-title">
          {t('kpiDrill.title', { label: label ? label[lang] : (query.key ?? '') })}
        </Typography.Title>
        <Button onClick={() => navigate(-1)} data-testid="kpi-drill-back">
          {t('kpiDrill.back')}
        </Button>
      </Space>
      {group && (
        <Typography.Paragraph data-testid="kpi-drill-group">{t('kpiDrill.group', { group })}</Typography.Paragraph>
      )}
      {answer && label && (
        <Typography.Paragraph data-testid="kpi-drill-figure">
          {t('kpiDrill.figure', {
            value: formatKpi({ unit: label.unit as 'ratio', value: answer.value }),
            num: Math.round(answer.numerator * 10) / 10,
            den: answer.denominator,
          })}{' '}
          ·{' '}
          {t(answer.totalOf === 'clocks' ? 'kpiDrill.totalClocks' : 'kpiDrill.total', {
            total: answer.total,
            shown: answer.items.length,
          })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Table<WorkOrderView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={answer?.items ?? []}
        loading={!answer && !error}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1320 }}
        locale={{ emptyText: t('kpiDrill.empty') }}
        data-testid="kpi-drill-table"
        onRow={(o) =>
          ({
            'data-testid': `kpi-drill-row-${o.number}`,
            style: { cursor: 'pointer' },
            onClick: () => navigate(`/orders/${o.id}`),
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </Card>
  );
}
