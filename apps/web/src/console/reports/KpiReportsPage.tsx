import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toApiError, type ApiError } from '../../api';
import { kpiReportsApi, type InstallReportView, type StationLogView } from '../../api/kpiReports';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useKpiNames } from '../kpis/useKpiNames';
import { useFeedback } from '../useFeedback';

const PAGE_SIZE = 50;

/**
 * KPI-02 装机日报 and KPI-03 station status log of one day, each with its Excel export (every row); the
 * problem orders and the log are paged by the server.
 */
export default function KpiReportsPage() {
  const { t, type, status } = useLabels();
  const errorText = useErrorText();
  const feedback = useFeedback();
  const names = useKpiNames();
  const [day, setDay] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [stationId, setStationId] = useState<string | undefined>();
  const [report, setReport] = useState<InstallReportView | null>(null);
  const [log, setLog] = useState<StationLogView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The lists can be long (a station's whole backlog): the server sends one page at a time.
  const [problemPage, setProblemPage] = useState(1);
  const [logPage, setLogPage] = useState(1);

  const pick = (d: string, s: string | undefined) => {
    setDay(d);
    setStationId(s);
    setProblemPage(1);
    setLogPage(1);
  };

  useEffect(() => {
    let live = true;
    kpiReportsApi.installReport(day, stationId, { page: problemPage, size: PAGE_SIZE }).then(
      (r) => {
        if (!live) return;
        setError(null);
        setReport(r);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [day, stationId, problemPage]);

  useEffect(() => {
    let live = true;
    kpiReportsApi.stationLog(day, stationId, { page: logPage, size: PAGE_SIZE }).then(
      (l) => {
        if (!live) return;
        setError(null);
        setLog(l);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [day, stationId, logPage]);

  const pageOf = (current: number, total: number, onChange: (p: number) => void) => ({
    current,
    total,
    pageSize: PAGE_SIZE,
    showSizeChanger: false,
    hideOnSinglePage: true,
    onChange,
  });
  const accepted = {
    title: t('reportsPage.accepted'),
    dataIndex: 'acceptedAt',
    render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
  };

  const download = (kind: 'kpi-02' | 'kpi-03') =>
    kpiReportsApi.download(kind, day, stationId).catch((e: unknown) => feedback.error(toApiError(e)));

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reportsPage.title')}
        </Typography.Title>
        <Space wrap>
          <DatePicker
            allowClear={false}
            value={dayjs(day)}
            onChange={(d) => d && pick(d.format('YYYY-MM-DD'), stationId)}
            data-testid="reports-day"
          />
          <Select
            allowClear
            style={{ minWidth: 160 }}
            placeholder={t('kpiDashboard.station')}
            value={stationId}
            options={names.list.station.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(s?: string) => pick(day, s)}
            data-testid="reports-station"
          />
        </Space>
      </Space>
      {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
      <Tabs
        items={[
          {
            key: 'install',
            label: t('reportsPage.install'),
            children: (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void download('kpi-02')}
                  data-testid="reports-kpi02-xlsx"
                >
                  {t('reportsPage.excel')}
                </Button>
                <Table
                  size="small"
                  rowKey={(r) => r.stationId ?? 'none'}
                  pagination={false}
                  style={{ margin: '12px 0' }}
                  loading={!report && !error}
                  dataSource={report?.rows ?? []}
                  data-testid="reports-kpi02-table"
                  columns={[
                    { title: t('kpiDashboard.station'), dataIndex: 'stationName' },
                    { title: t('reportsPage.received'), dataIndex: 'received' },
                    { title: t('reportsPage.completed'), dataIndex: 'completed' },
                    { title: t('reportsPage.open'), dataIndex: 'open' },
                    {
                      title: t('reportsPage.overdue'),
                      dataIndex: 'overdue',
                      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
                    },
                  ]}
                />
                <Typography.Title level={5}>{t('reportsPage.problems')}</Typography.Title>
                {report && (
                  <Typography.Paragraph type="secondary" data-testid="reports-problem-count">
                    {t('reportsPage.problemCount', { total: report.problemTotal })}
                  </Typography.Paragraph>
                )}
                <Table
                  size="small"
                  rowKey="orderId"
                  pagination={pageOf(problemPage, report?.problemTotal ?? 0, setProblemPage)}
                  dataSource={report?.problems ?? []}
                  data-testid="reports-problems"
                  columns={[
                    {
                      title: t('reportsPage.order'),
                      dataIndex: 'number',
                      render: (n: string, p) => <Link to={`/orders/${p.orderId}`}>{n}</Link>,
                    },
                    { title: t('kpiDashboard.station'), dataIndex: 'stationName' },
                    accepted,
                    {
                      title: t('reportsPage.problem'),
                      dataIndex: 'problems',
                      render: (ps: string[]) =>
                        ps.map((p) => (
                          <Tag key={p} color="red">
                            {t(`reportsPage.${p as 'overdue'}`)}
                          </Tag>
                        )),
                    },
                    { title: t('reportsPage.note'), dataIndex: 'note' },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'log',
            label: t('reportsPage.log'),
            children: (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void download('kpi-03')}
                  data-testid="reports-kpi03-xlsx"
                >
                  {t('reportsPage.excel')}
                </Button>
                {log && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} data-testid="reports-log-summary">
                    {t('reportsPage.logSummary', { total: log.total, unfinished: log.unfinished })}
                  </Typography.Paragraph>
                )}
                <Table
                  size="small"
                  rowKey="orderId"
                  style={{ marginTop: 12 }}
                  pagination={pageOf(logPage, log?.total ?? 0, setLogPage)}
                  dataSource={log?.items ?? []}
                  data-testid="reports-kpi03-table"
                  onRow={(e) => ({ style: e.unfinished ? { color: '#cc0000', fontWeight: 600 } : {} })}
                  columns={[
                    {
                      title: t('reportsPage.order'),
                      dataIndex: 'number',
                      render: (n: string, e) => (
                        <Link to={`/orders/${e.orderId}`} style={e.unfinished ? { color: '#cc0000' } : undefined}>
                          {n}
                        </Link>
                      ),
                    },
                    { title: t('fields.type'), dataIndex: 'type', render: (v: string) => type(v as 'install') },
                    { title: t('fields.status'), dataIndex: 'status', render: (v: string) => status(v as 'taken') },
                    { title: t('fields.holder'), dataIndex: 'holderName' },
                    accepted,
                    {
                      title: t('reportsPage.finished'),
                      dataIndex: 'unfinished',
                      render: (u: boolean) =>
                        u ? (
                          <Tag color="red">{t('reportsPage.unfinished')}</Tag>
                        ) : (
                          <Tag color="green">{t('reportsPage.done')}</Tag>
                        ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
