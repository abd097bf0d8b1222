import { Alert, Card, DatePicker, Segmented, type SegmentedProps, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import type { ComplaintView } from '../../api/complaints';
import { useErrorText } from '../../hooks/useErrorText';
import type { ReloadableList } from '../../hooks/useReloadableList';
import { useLabels } from '../../i18n/useLabels';
import { useKpiNames } from '../kpis/useKpiNames';
import { ComplaintPatternsCard } from './ComplaintPatternsCard';

export interface ComplaintPeriod {
  range: [Dayjs, Dayjs];
  setRange: (range: [Dayjs, Dayjs]) => void;
  /** The period as the API takes it: from the first day's start to the day after the last. */
  from: string;
  to: string;
  stationId: string | undefined;
  setStationId: (id: string | undefined) => void;
}

/** The period (this month by default) and station the complaint pages filter by. */
export function useComplaintPeriod(): ComplaintPeriod {
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs().endOf('month')]);
  const [stationId, setStationId] = useState<string | undefined>();
  return {
    range,
    setRange,
    from: range[0].startOf('day').toISOString(),
    to: range[1].add(1, 'day').startOf('day').toISOString(),
    stationId,
    setStationId,
  };
}

/** The "accepted" column both complaint lists show. */
export function acceptedAtColumn(title: string) {
  return { title, render: (_: unknown, r: ComplaintView) => dayjs(r.order.acceptedAt).format('MM-DD HH:mm') };
}

/** The table settings both complaint lists share: a row per order, 20 a page, loading until the first answer. */
export function complaintTableProps(list: Pick<ReloadableList<ComplaintView>, 'items' | 'error'>) {
  return {
    rowKey: 'orderId',
    size: 'small',
    loading: !list.items && !list.error,
    dataSource: list.items ?? [],
    pagination: { pageSize: 20, hideOnSinglePage: true },
  } as const;
}

/**
 * The frame of the complaint pages (CMP-01 follow-up, CMP-02 staff log): a card with the period and
 * station filters (the page's segmented filter before the station, its other filters after it), the list's
 * error, the page's list, and below it the patterns per person and area for the same period and station.
 */
export function ComplaintPeriodFrame<S extends string>(props: {
  title: string;
  period: ComplaintPeriod;
  segments: Pick<SegmentedProps<S>, 'value' | 'onChange' | 'options'>;
  afterStation?: ReactNode;
  /** The page's list: its error shows here, its reload counter refreshes the patterns. */
  list: Pick<ReloadableList<ComplaintView>, 'error' | 'version'>;
  children: ReactNode;
}) {
  const { title, period, segments, afterStation, list, children } = props;
  const { error, version } = list;
  const { t } = useLabels();
  const errorText = useErrorText();
  const names = useKpiNames();
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={title}>
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={period.range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && period.setRange([v[0], v[1]])}
            data-testid="cmp-range"
          />
          <Segmented<S> {...segments} />
          <Select
            allowClear
            placeholder={t('complaints.station')}
            style={{ width: 160 }}
            value={period.stationId}
            onChange={period.setStationId}
            options={names.list.station.map((s) => ({ value: s.id, label: s.name }))}
          />
          {afterStation}
        </Space>
        {error && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} />}
        {children}
      </Card>
      <ComplaintPatternsCard from={period.from} to={period.to} stationId={period.stationId} version={version} />
    </Space>
  );
}
