import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { type HTMLAttributes, useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { workOrdersApi, type WorkOrderView } from '../../api';
import { useCursorList } from '../../hooks/useCursorList';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { filtersFromParams, filtersToParams, filtersToQuery, type ListFilters } from './listFilters';
import { useWorkOrderColumns } from './useWorkOrderColumns';
import { WorkOrderFilters } from './WorkOrderFilters';

/** /orders: the console work-order list with filters and cursor pagination ("load more"). */
export default function WorkOrderListPage() {
  const { t } = useLabels();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const paramString = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(paramString)), [paramString]);
  const fetchPage = useCallback(
    (cursor: string | null) => workOrdersApi.list(filtersToQuery(filters), cursor),
    [filters],
  );
  const list = useCursorList(fetchPage);
  const columns = useWorkOrderColumns();

  const onFilters = (f: ListFilters) => setParams(filtersToParams(f), { replace: true });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('orderList.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={list.reload} data-testid="orders-refresh">
          {t('common.refresh')}
        </Button>
      </Space>
      <WorkOrderFilters value={filters} onChange={onFilters} />
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />}
      <Table<WorkOrderView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.firstLoading}
        pagination={false}
        scroll={{ x: 1320 }}
        locale={{ emptyText: t('orderList.empty') }}
        data-testid="orders-table"
        onRow={(o) =>
          ({
            'data-testid': `order-row-${o.number}`,
            style: { cursor: 'pointer' },
            onClick: () => navigate(`/orders/${o.id}`),
          }) as HTMLAttributes<HTMLElement>
        }
      />
      <Space style={{ marginTop: 16, width: '100%', justifyContent: 'center' }}>
        <Typography.Text type="secondary" data-testid="orders-count">
          {t('orderList.loaded', { count: list.items.length })}
        </Typography.Text>
        {list.hasMore ? (
          <Button onClick={() => void list.loadMore()} loading={list.moreLoading} data-testid="orders-load-more">
            {t('common.loadMore')}
          </Button>
        ) : (
          list.items.length > 0 && <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
