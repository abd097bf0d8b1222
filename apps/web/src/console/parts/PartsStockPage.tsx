import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { partsApi, type AlertView, type MovementView, type StockLocationView, type StockView } from '../../api/parts';
import { useLabels } from '../../i18n/useLabels';

type Balance = StockView['balances'][number];

/**
 * PART-01/04 console: stock per store (quantities by condition, units by serial), the store's low-stock
 * warnings (missed ones marked, acknowledge), and its movements ledger newest first.
 */
export default function PartsStockPage() {
  const { t } = useLabels();
  const [stores, setStores] = useState<StockLocationView[]>([]);
  const [storeId, setStoreId] = useState<string>();
  const [stock, setStock] = useState<StockView | null>(null);
  const [ledger, setLedger] = useState<MovementView[]>([]);
  const [alerts, setAlerts] = useState<AlertView[]>([]);

  useEffect(() => {
    partsApi.stores().then((r) => {
      const held = r.items.filter((s) => s.kind === 'central' || s.kind === 'station');
      setStores(held);
      setStoreId((s) => s ?? held[0]?.id);
    });
  }, []);
  const load = useCallback(() => {
    if (!storeId) return;
    partsApi.stock(storeId).then(setStock);
    partsApi.movements({ locationId: storeId }).then((r) => setLedger(r.items));
    partsApi.alerts({ locationId: storeId }).then((r) => setAlerts(r.items));
  }, [storeId]);
  useEffect(load, [load]);

  const kind = (k: string) => t(`parts.movementKinds.${k as 'receive'}`);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('parts.title')}
          </Typography.Title>
          <Select
            style={{ width: 220 }}
            value={storeId}
            onChange={setStoreId}
            placeholder={t('parts.pickStore')}
            options={stores.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="stock-store"
          />
        </Space>
      </Card>
      <Card title={t('parts.stock')} data-testid="stock-table">
        <Table<Balance>
          size="small"
          rowKey={(b) => `${b.itemId}|${b.condition}`}
          pagination={false}
          dataSource={stock?.balances ?? []}
          onRow={(b) => ({ 'data-testid': `stock-row-${b.itemCode}-${b.condition}` }) as never}
          columns={[
            { title: t('parts.code'), dataIndex: 'itemCode' },
            { title: t('parts.item'), dataIndex: 'itemName' },
            {
              title: t('parts.condition'),
              render: (_, b) => (
                <Tag color={b.condition === 'good' ? 'green' : 'red'}>{t(`parts.${b.condition as 'good'}`)}</Tag>
              ),
            },
            { title: t('parts.quantity'), dataIndex: 'quantity', render: (q: number) => <span data-qty={q}>{q}</span> },
            {
              title: t('parts.serials'),
              render: (_, b) =>
                (stock?.units ?? [])
                  .filter((u) => u.itemId === b.itemId && u.condition === b.condition)
                  .map((u) => u.serial)
                  .join(', '),
            },
          ]}
        />
      </Card>
      <Card title={t('parts.alerts')} data-testid="stock-alerts">
        <Table<AlertView>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={alerts}
          locale={{ emptyText: t('parts.noAlerts') }}
          columns={[
            { title: t('parts.item'), render: (_, a) => `${a.itemCode} ${a.itemName}` },
            { title: t('parts.minimum'), dataIndex: 'minimum' },
            { title: t('parts.at'), dataIndex: 'raisedAt', render: (v: string) => new Date(v).toLocaleString() },
            {
              title: '',
              render: (_, a) => (
                <Space>
                  {a.missed && <Tag color="red">{t('parts.missed')}</Tag>}
                  {a.acknowledgedAt ? (
                    <Tag>{t('parts.acknowledged')}</Tag>
                  ) : (
                    <Button size="small" onClick={() => partsApi.acknowledge(a.id).then(load)}>
                      {t('parts.acknowledge')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('parts.ledger')} data-testid="stock-ledger">
        <Table<MovementView>
          size="small"
          rowKey="id"
          dataSource={ledger}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('parts.at'), dataIndex: 'at', render: (v: string) => new Date(v).toLocaleString() },
            { title: t('parts.kind'), dataIndex: 'kind', render: kind },
            {
              title: t('parts.item'),
              render: (_, m) => `${m.itemCode} ${m.itemName}${m.serial ? ` (${m.serial})` : ''}`,
            },
            { title: t('parts.quantity'), dataIndex: 'quantity' },
            { title: t('parts.from'), dataIndex: 'fromName' },
            { title: t('parts.to'), dataIndex: 'toName' },
            { title: t('parts.note'), dataIndex: 'note' },
          ]}
        />
      </Card>
    </Space>
  );
}
