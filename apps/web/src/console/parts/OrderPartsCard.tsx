import { Alert, Button, Card, InputNumber, Select, Space, Table, Tag } from 'antd';
import { DEFAULT_PARTS_POLICY } from '@daowei/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, toApiError, type ApiError } from '../../api';
import { partsApi, type BorrowLineView, type PartItemView, type StockLocationView } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';

interface Props {
  orderId: string;
  /** The engineer holding the order: parts are issued to them. */
  holderId: string | null;
}

/**
 * PART-02/03 on the console order page: the order's borrow lines and, for store keepers, a borrow card
 * issuing parts from a store to the engineer who holds the order (前件不还后件不借 is the server's call).
 */
export function OrderPartsCard({ orderId, holderId }: Props) {
  const { t } = useLabels();
  const me = useMe();
  const errorText = useErrorText();
  const clerk = DEFAULT_PARTS_POLICY.clerkPositions.includes(me.position);
  const [lines, setLines] = useState<BorrowLineView[]>([]);
  const [stores, setStores] = useState<StockLocationView[]>([]);
  const [items, setItems] = useState<PartItemView[]>([]);
  const [storeId, setStoreId] = useState<string>();
  const [itemId, setItemId] = useState<string>();
  const [quantity, setQuantity] = useState(1);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const load = useCallback(() => {
    partsApi.orderBorrows(orderId).then(
      (r) => setLines(r.items),
      () => setLines([]),
    );
  }, [orderId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!clerk) return;
    partsApi.stores().then((r) => setStores(r.items.filter((s) => s.kind === 'central' || s.kind === 'station')));
    partsApi.items().then((r) => setItems(r.items));
  }, [clerk]);

  const issue = async () => {
    if (!storeId || !itemId || !holderId) return;
    setBusy(true);
    setError(null);
    try {
      await partsApi.borrow({ orderId, engineerId: holderId, storeId, lines: [{ itemId, quantity }] }, key.current);
      key.current = newIdempotencyKey();
      load();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('parts.borrowCard')} style={{ marginTop: 16 }} data-testid="order-parts">
      {clerk && holderId && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ width: 180 }}
            placeholder={t('parts.pickStore')}
            value={storeId}
            onChange={setStoreId}
            options={stores.map((s) => ({ value: s.id, label: s.name }))}
            data-testid="borrow-store"
          />
          <Select
            style={{ width: 220 }}
            placeholder={t('parts.item')}
            value={itemId}
            onChange={setItemId}
            showSearch
            optionFilterProp="label"
            options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
            data-testid="borrow-item"
          />
          <InputNumber
            min={1}
            max={1000}
            value={quantity}
            onChange={(v) => setQuantity(v ?? 1)}
            data-testid="borrow-quantity"
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!storeId || !itemId}
            onClick={issue}
            data-testid="borrow-submit"
          >
            {t('parts.borrow')}
          </Button>
        </Space>
      )}
      {error && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} data-testid="borrow-error" />
      )}
      <Table<BorrowLineView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lines}
        locale={{ emptyText: t('parts.noLines') }}
        onRow={(l) => ({ 'data-testid': `borrow-line-${l.serial ?? l.itemCode}` }) as never}
        columns={[
          {
            title: t('parts.item'),
            render: (_, l) => `${l.itemCode} ${l.itemName}${l.serial ? ` (${l.serial})` : ''}`,
          },
          { title: t('parts.borrowed'), dataIndex: 'quantity' },
          { title: t('parts.used'), dataIndex: 'consumed' },
          { title: t('parts.returned'), dataIndex: 'returned' },
          {
            title: t('parts.outstanding'),
            render: (_, l) => <Tag color={l.outstanding > 0 ? 'orange' : 'green'}>{l.outstanding}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
