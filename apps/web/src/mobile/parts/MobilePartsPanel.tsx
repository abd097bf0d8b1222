import { Button, List, Stepper, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import { partsApi, type BorrowLineView } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';

interface Props {
  orderId: string;
  /** Called after a use or a return, so the order page refreshes what it can do next. */
  onChanged?: () => void;
}

/** A stable per-line key for test ids: the unit's serial, else the item code. */
const lineKey = (l: BorrowLineView) => l.serial ?? l.itemCode;

/**
 * PART-03 on the engineer's phone: the parts borrowed for this order, each used on the visit (bulk:
 * how much; a unit: installed) or the rest returned — tagged faulty when it is. The order completes
 * once every line is settled.
 */
export function MobilePartsPanel({ orderId, onChanged }: Props) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [lines, setLines] = useState<BorrowLineView[] | null>(null);
  const [useQty, setUseQty] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  // One key per submission; a retried tap after a network error reuses it (idempotent on the server).
  const keys = useRef(new Map<string, string>());

  const load = useCallback(() => {
    partsApi.orderBorrows(orderId).then(
      (r) => setLines(r.items),
      () => setLines([]),
    );
  }, [orderId]);
  useEffect(load, [load]);

  const submit = async (what: string, run: (key: string) => Promise<unknown>) => {
    const key = keys.current.get(what) ?? newIdempotencyKey();
    keys.current.set(what, key);
    setBusy(true);
    try {
      await run(key);
      keys.current.delete(what);
      load();
      onChanged?.();
    } catch (e) {
      Toast.show({ content: errorText(toApiError(e)) });
    } finally {
      setBusy(false);
    }
  };

  if (!lines || lines.length === 0) return null;
  const open = lines.filter((l) => l.outstanding > 0);
  return (
    <List header={t('parts.myParts')} data-testid="mobile-parts">
      {lines.map((l) => {
        const qty = Math.min(useQty[l.id] ?? l.outstanding, l.outstanding);
        return (
          <List.Item
            key={l.id}
            data-testid={`parts-line-${lineKey(l)}`}
            data-outstanding={l.outstanding}
            description={
              <span>
                {t('parts.borrowed')} {l.quantity} · {t('parts.used')} {l.consumed} · {t('parts.returned')} {l.returned}
              </span>
            }
            extra={
              l.outstanding > 0 ? (
                <Tag color="warning">
                  {t('parts.outstanding')} {l.outstanding}
                </Tag>
              ) : (
                <Tag color="success">✓</Tag>
              )
            }
          >
            {l.itemName}
            {l.serial ? ` (${l.serial})` : ''}
            {l.outstanding > 0 && (
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
                {l.tracking === 'bulk' && (
                  <Stepper
                    min={1}
                    max={l.outstanding}
                    value={qty}
                    onChange={(v) => setUseQty((s) => ({ ...s, [l.id]: v }))}
                    data-testid={`parts-use-qty-${lineKey(l)}`}
                    aria-label={t('parts.useQty')}
                  />
                )}
                <Button
                  size="small"
                  color="primary"
                  disabled={busy}
                  data-testid={`parts-use-${lineKey(l)}`}
                  onClick={() => submit(`use-${l.id}`, (key) => partsApi.consume(l.id, qty, key))}
                >
                  {t('parts.use')}
                </Button>
                <Button
                  size="small"
                  disabled={busy}
                  data-testid={`parts-return-${lineKey(l)}`}
                  onClick={() => submit(`return-${l.id}`, (key) => partsApi.returnRest(l.id, 'good', key))}
                >
                  {t('parts.returnRest')}
                </Button>
                <Button
                  size="small"
                  color="danger"
                  fill="outline"
                  disabled={busy}
                  data-testid={`parts-return-faulty-${lineKey(l)}`}
                  onClick={() => submit(`faulty-${l.id}`, (key) => partsApi.returnRest(l.id, 'faulty', key))}
                >
                  {t('parts.returnFaulty')}
                </Button>
              </div>
            )}
          </List.Item>
        );
      })}
      <List.Item data-testid="parts-settled" data-settled={open.length === 0}>
        {open.length === 0 ? t('parts.settled') : t('parts.notSettled')}
      </List.Item>
    </List>
  );
}
