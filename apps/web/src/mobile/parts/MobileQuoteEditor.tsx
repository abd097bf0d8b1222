import { Button, Checkbox, DotLoading, Input, List, Stepper } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { SubmissionKeys, toApiError } from '../../api';
import { payApi, yuan, type PriceItemView } from '../../api/parts';
import { useLabels } from '../../i18n/useLabels';
import { useMobileFeedback } from '../useMobileFeedback';

/**
 * PAY-01 on the phone: the engineer picks price-list items and quantities and makes the quote the
 * customer then signs. The sum shown is at list prices only — the server prices the quote (warranty,
 * the lower of card and list price), so the quote it answers is what the customer sees and signs.
 * Loaded on demand: the price list and this form are not part of the order page's first load.
 */
export default function MobileQuoteEditor({
  orderId,
  onQuoted,
  onCancel,
}: {
  orderId: string;
  onQuoted: () => void;
  onCancel: () => void;
}) {
  const { t } = useLabels();
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [items, setItems] = useState<PriceItemView[] | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [warranty, setWarranty] = useState(false);
  const [purchaseDate, setPurchaseDate] = useState('');
  const [months, setMonths] = useState(12);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    payApi.priceItems().then(
      (r) => live && setItems(r.items),
      () => live && setItems([]), // offline: nothing to pick; the quote needs the server anyway
    );
    return () => {
      live = false;
    };
  }, []);

  if (!items) {
    return (
      <List.Item>
        <DotLoading />
      </List.Item>
    );
  }
  const lines = items.filter((i) => (qty[i.id] ?? 0) > 0).map((i) => ({ priceItemId: i.id, quantity: qty[i.id]! }));
  const listTotal = items.reduce((s, i) => s + i.priceFen * (qty[i.id] ?? 0), 0);

  async function propose() {
    const body = {
      lines,
      ...(warranty && purchaseDate ? { warranty: { purchaseDate, months } } : {}),
    };
    setBusy(true);
    try {
      await payApi.quote(orderId, body, keys.current.keyFor(body));
      keys.current.succeeded();
      feedback.success(t('payPhone.quoted'));
      onQuoted();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="quote-editor">
      <List header={t('payPhone.editorTitle')}>
        {items.length === 0 && <List.Item>{t('payPhone.noItems')}</List.Item>}
        {items.map((i) => (
          <List.Item
            key={i.id}
            description={yuan(i.priceFen)}
            extra={
              <Stepper
                min={0}
                max={1000}
                value={qty[i.id] ?? 0}
                onChange={(v) => setQty((q) => ({ ...q, [i.id]: v }))}
                data-testid={`quote-qty-${i.code}`}
                aria-label={i.name}
              />
            }
          >
            {i.name}
          </List.Item>
        ))}
        <List.Item>
          <Checkbox checked={warranty} onChange={setWarranty} data-testid="quote-warranty">
            {t('payPhone.warranty')}
          </Checkbox>
        </List.Item>
        {warranty && (
          <>
            <List.Item title={t('payPhone.purchaseDate')}>
              <Input type="date" value={purchaseDate} onChange={setPurchaseDate} data-testid="quote-purchase-date" />
            </List.Item>
            <List.Item
              extra={
                <Stepper
                  min={0}
                  max={240}
                  value={months}
                  onChange={setMonths}
                  data-testid="quote-warranty-months"
                  aria-label={t('payPhone.warrantyMonths')}
                />
              }
            >
              {t('payPhone.warrantyMonths')}
            </List.Item>
          </>
        )}
        <List.Item
          description={t('payPhone.listHint')}
          extra={<strong data-testid="quote-list-total">{yuan(listTotal)}</strong>}
        >
          {t('payPhone.listTotal')}
        </List.Item>
      </List>
      <div style={{ display: 'flex', gap: 8, padding: '8px 12px', background: '#fff' }}>
        <Button
          color="primary"
          block
          loading={busy}
          disabled={busy || lines.length === 0}
          onClick={() => void propose()}
          data-testid="quote-propose"
        >
          {t('payPhone.propose')}
        </Button>
        <Button disabled={busy} onClick={onCancel} data-testid="quote-editor-cancel">
          {t('payPhone.cancel')}
        </Button>
      </div>
    </div>
  );
}
