import { isWorker, WORK_ORDER_STATUSES, WORK_ORDER_TYPES } from '@daowei/domain';
import { SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useAreas, useOrgTree } from '../../hooks/useReferenceData';
import { useLabels } from '../../i18n/useLabels';
import type { ListFilters } from './listFilters';

interface Props {
  value: ListFilters;
  onChange: (next: ListFilters) => void;
}

/** Type, status, area, engineer, accepted-date range and free-text search for the order list. */
export function WorkOrderFilters({ value, onChange }: Props) {
  const { t, type, status } = useLabels();
  const areas = useAreas().data ?? [];
  const people = (useOrgTree().data?.people ?? []).filter((p) => p.positions.some(isWorker));
  const set = (patch: Partial<ListFilters>) => onChange({ ...value, ...patch });

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Select
        allowClear
        placeholder={t('orderList.type')}
        style={{ width: 130 }}
        value={value.type}
        onChange={(v) => set({ type: v })}
        options={WORK_ORDER_TYPES.map((v) => ({ value: v, label: type(v) }))}
        data-testid="filter-type"
      />
      <Select
        mode="multiple"
        allowClear
        placeholder={t('orderList.status')}
        style={{ minWidth: 200 }}
        maxTagCount="responsive"
        value={value.status}
        onChange={(v) => set({ status: v })}
        options={WORK_ORDER_STATUSES.map((v) => ({ value: v, label: status(v) }))}
        data-testid="filter-status"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orderList.area')}
        style={{ width: 150 }}
        value={value.areaId}
        onChange={(v) => set({ areaId: v })}
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        data-testid="filter-area"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('orderList.engineer')}
        style={{ width: 150 }}
        value={value.engineerId}
        onChange={(v) => set({ engineerId: v })}
        options={people.map((p) => ({ value: p.id, label: p.name }))}
        data-testid="filter-engineer"
      />
      <DatePicker.RangePicker
        placeholder={[t('orderList.acceptedFrom'), t('orderList.acceptedTo')]}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(r) =>
          set({ from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
        data-testid="filter-accepted"
      />
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('orderList.searchPlaceholder')}
        style={{ width: 260 }}
        key={value.q ?? ''}
        defaultValue={value.q}
        onPressEnter={(e) => set({ q: e.currentTarget.value.trim() || undefined })}
        onClear={() => set({ q: undefined })}
        data-testid="filter-search"
      />
      <Button onClick={() => onChange({ status: [] })} data-testid="filter-reset">
        {t('common.reset')}
      </Button>
    </Space>
  );
}
