import { Button, List, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import { payApi, yuan, type OrderMoney } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { SignaturePad } from '../visit/SignaturePad';

/**
 * PAY-01 on the phone: the quote for this order, line by line with why each price applies, and the
 * customer's signature accepting it before paid work starts. Shown only when the order has a quote.
 */
export function MobileQuotePanel({ orderId }: { orderId: string }) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [money, setMoney] = useState<OrderMoney | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const load = useCallback(() => {
    payApi.order(orderId).then(setMoney, () => setMoney(null));
  }, [orderId]);
  useEffect(load, [load]);

  const quote = money?.quotes.find((q) => q.id === money.currentQuoteId);
  if (!money || !quote) return null;

  const decide = async (accept: boolean) => {
    setBusy(true);
    try {
      await payApi.decide(quote.id, { accept, signature: accept ? signature : null }, key.current);
      key.current = newIdempotencyKey();
      setClearKey((k) => k + 1);
      load();
    } catch (e) {
      Toast.show({ content: errorText(toApiError(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <List header={t('pay.title')} data-testid="mobile-quote" data-status={quote.status}>
      {quote.lines.map((l) => (
        <List.Item
          key={l.id}
          description={t(`pay.basis.${l.basis}`)}
          extra={yuan(l.lineTotalFen)}
          data-testid={`quote-line-${l.code}`}
        >
          {l.description} × {l.quantity}
        </List.Item>
      ))}
      <List.Item extra={<strong data-testid="quote-total">{yuan(quote.totalFen)}</strong>}>
        {t('pay.total')}{' '}
        <Tag color={quote.status === 'accepted' ? 'success' : 'warning'}>{t(`pay.status.${quote.status}`)}</Tag>
      </List.Item>
      {quote.status === 'proposed' && (
        <List.Item>
          <div style={{ marginBottom: 8 }}>{t('pay.signHere')}</div>
          <div style={{ height: 160, border: '1px solid #ddd' }} data-testid="quote-signature">
            <SignaturePad onChange={setSignature} clearKey={clearKey} disabled={busy} />
          </div>
          <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
            <Button
              color="primary"
              disabled={busy || !signature}
              onClick={() => decide(true)}
              data-testid="quote-accept"
            >
              {t('pay.accept')}
            </Button>
            <Button disabled={busy} onClick={() => decide(false)} data-testid="quote-decline">
              {t('pay.decline')}
            </Button>
          </div>
        </List.Item>
      )}
      {!money.paidWorkAllowed && <List.Item>{t('pay.paidWorkBlocked')}</List.Item>}
    </List>
  );
}
