import { Button, Card, InputNumber, List, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionKeys, toApiError } from '../../api';
import { dispatchApi, type PartsReadiness } from '../../api/dispatch';
import { partsApi, type PartItemView } from '../../api/parts';
import { useFeedback } from '../useFeedback';
import { PartsTag } from './PartsTag';

type Needs = PartsReadiness & { canEdit: boolean };

/**
 * DSP-01/03 on the order page: the parts the visit needs (recorded by the desk that diagnosed it, the
 * coordinator or the store) and whether they are ready — issued for the order, in the station store,
 * or short. The board's plan "with parts confirmed" leaves a short order unplanned.
 */
export function OrderPartNeedsCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const keys = useRef(new SubmissionKeys());
  const [needs, setNeeds] = useState<Needs | null>(null);
  const [items, setItems] = useState<PartItemView[]>([]);
  const [draft, setDraft] = useState<{ itemId: string; quantity: number }[]>([]);
  const [pick, setPick] = useState<string | undefined>();
  const [qty, setQty] = useState(1);

  const load = useCallback(() => {
    dispatchApi
      .partNeeds(orderId)
      .then((n) => {
        setNeeds(n);
        setDraft(n.lines.map((l) => ({ itemId: l.itemId, quantity: l.needed })));
      })
      .catch(() => setNeeds(null));
  }, [orderId]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!needs?.canEdit) return;
    partsApi
      .items()
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [needs?.canEdit]);

  if (!needs) return null;
  const nameOf = (id: string) =>
    items.find((i) => i.id === id)?.name ?? needs.lines.find((l) => l.itemId === id)?.itemName ?? id;

  async function save(next: { itemId: string; quantity: number }[]) {
    try {
      const res = await dispatchApi.setPartNeeds(orderId, next, keys.current.keyFor({ orderId, next }));
      keys.current.succeeded();
      setNeeds(res);
      setDraft(res.lines.map((l) => ({ itemId: l.itemId, quantity: l.needed })));
      feedback.success(t('dispatchDay.needs.saved'));
    } catch (e) {
      feedback.error(toApiError(e));
    }
  }

  return (
    <Card
      size="small"
      title={t('dispatchDay.needs.title')}
      extra={<PartsTag parts={needs} />}
      style={{ marginTop: 16 }}
      data-testid="part-needs-card"
    >
      {needs.lines.length === 0 ? (
        <Typography.Text type="secondary">{t('dispatchDay.needs.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={needs.lines}
          renderItem={(l) => (
            <List.Item data-testid={`part-need-${l.itemCode}`}>
              {t('dispatchDay.needs.line', {
                name: l.itemName,
                needed: l.needed,
                issued: l.issued,
                fromStore: l.fromStore,
                short: l.short,
              })}
            </List.Item>
          )}
        />
      )}
      {needs.canEdit && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 200 }}
            placeholder={t('dispatchDay.needs.item')}
            data-testid="part-need-item"
            value={pick}
            onChange={setPick}
            options={items.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          />
          <InputNumber min={1} max={10_000} value={qty} onChange={(v) => setQty(v ?? 1)} data-testid="part-need-qty" />
          <Button
            data-testid="part-need-add"
            disabled={!pick}
            onClick={() => {
              if (!pick) return;
              const next = [...draft.filter((d) => d.itemId !== pick), { itemId: pick, quantity: qty }];
              void save(next);
              setPick(undefined);
              setQty(1);
            }}
          >
            {t('dispatchDay.needs.add')}
          </Button>
          {draft.map((d) => (
            <Button
              key={d.itemId}
              size="small"
              onClick={() => void save(draft.filter((x) => x.itemId !== d.itemId))}
              data-testid={`part-need-remove-${d.itemId}`}
            >
              − {nameOf(d.itemId)}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
