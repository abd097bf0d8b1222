import { Alert, Card, Col, DatePicker, Empty, Row, Segmented, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../../api';
import { complaintsApi, type ComplaintAbout, type ComplaintView } from '../../api/complaints';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useKpiNames } from '../kpis/useKpiNames';
import { ComplaintPatternsCard } from './ComplaintPatternsCard';
import { ComplaintSheetPanel, MissingList } from './ComplaintSheetPanel';

type StateFilter = 'all' | 'open' | 'closed';
const ABOUT: readonly ComplaintAbout[] = ['staff', 'service', 'network', 'billing', 'other'];

/**
 * CMP-01/02 complaint follow-up (/complaints): every complaint order of the period with its sheet and
 * what it still lacks to close, filtered by state, station, area and what it is about; picking one
 * opens its sheet. Below, the patterns per person and per area for the same period.
 */
export default function ComplaintsPage() {
  const { t } = useLabels();
  const errorText = useErrorText();
  const names = useKpiNames();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [state, setState] = useState<StateFilter>('all');
  const [stationId, setStationId] = useState<string | undefined>();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [aboutKind, setAboutKind] = useState<ComplaintAbout | undefined>();
  const [items, setItems] = useState<ComplaintView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const from = range[0].startOf('day').toISOString();
  const to = range[1].add(1, 'day').startOf('day').toISOString();

  useEffect(() => {
    let live = true;
    complaintsApi
      .list({
        from,
        to,
        state,
        ...(stationId ? { stationId } : {}),
        ...(areaId ? { areaId } : {}),
        ...(aboutKind ? { aboutKind } : {}),
      })
      .then(
        (r) => {
          if (!live) return;
          setError(null);
          setItems(r.items);
        },
        (e: unknown) => live && setError(toApiError(e)),
      );
    return () => {
      live = false;
    };
  }, [from, to, state, stationId, areaId, aboutKind, version]);

  const selected = items?.find((i) => i.orderId === selectedId) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('complaints.title')}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            data-testid="cmp-range"
          />
          <Segmented<StateFilter>
            value={state}
            onChange={setState}
            options={[
              { value: 'all', label: <span data-testid="cmp-state-all">{t('complaints.stateAll')}</span> },
              { value: 'open', label: <span data-testid="cmp-state-open">{t('complaints.stateOpen')}</span> },
              { value: 'closed', label: <span data-testid="cmp-state-closed">{t('complaints.stateClosed')}</span> },
            ]}
          />
          <Select
            allowClear
            placeholder={t('complaints.station')}
            style={{ width: 160 }}
            value={stationId}
            onChange={setStationId}
            options={names.list.station.map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            allowClear
            placeholder={t('complaints.area')}
            style={{ width: 160 }}
            value={areaId}
            onChange={setAreaId}
            options={names.list.area.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Select
            allowClear
            placeholder={t('complaints.about')}
            style={{ width: 160 }}
            value={aboutKind}
            onChange={setAboutKind}
            options={ABOUT.map((a) => ({ value: a, label: t(`complaintAbout.${a}`) }))}
          />
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Table<ComplaintView>
              rowKey="orderId"
              size="small"
              loading={!items && !error}
              dataSource={items ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              data-testid="cmp-list"
              rowClassName={(r) => (r.orderId === selectedId ? 'ant-table-row-selected' : '')}
              onRow={(r) =>
                ({
                  'data-testid': `cmp-row-${r.order.number}`,
                  style: { cursor: 'pointer' },
                  onClick: () => setSelectedId(r.orderId),
                }) as HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('complaints.order'), render: (_: unknown, r) => r.order.number },
                {
                  title: t('complaints.acceptedAt'),
                  render: (_: unknown, r) => dayjs(r.order.acceptedAt).format('MM-DD HH:mm'),
                },
                {
                  title: t('complaints.about'),
                  render: (_: unknown, r) => (r.about ? t(`complaintAbout.${r.about.kind}`) : '—'),
                },
                {
                  title: t('complaints.state'),
                  render: (_: unknown, r) =>
                    r.state === 'closed' ? (
                      <Tag color="green">{t('complaints.stateClosed')}</Tag>
                    ) : !r.opened ? (
                      <Tag color="red">{t('complaints.notOpened')}</Tag>
                    ) : r.missing.length === 0 ? (
                      <Tag color="blue">{t('complaints.ready')}</Tag>
                    ) : (
                      <MissingList missing={r.missing} />
                    ),
                },
              ]}
            />
          </Col>
          <Col xs={24} xl={12}>
            {selected ? (
              <Card size="small" title={t('complaintSheet.title')}>
                <ComplaintSheetPanel
                  key={`${selected.orderId}:${selected.history.length}`}
                  item={selected}
                  onChanged={reload}
                />
              </Card>
            ) : (
              <Empty description={t('complaints.pick')} />
            )}
          </Col>
        </Row>
      </Card>
      <ComplaintPatternsCard from={from} to={to} stationId={stationId} version={version} />
    </Space>
  );
}
