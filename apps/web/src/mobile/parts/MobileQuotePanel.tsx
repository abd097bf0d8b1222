import { Button, DotLoading, List, Tag, Toast } from 'antd-mobile';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import { payApi, yuan, type OrderMoney } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { SignaturePad } from '../visit/SignaturePad';

// Only the order's engineer ever opens these, and only for paid work: kept out of the page's first load.
const MobileQuoteEditor = lazy(() => import('./MobileQuoteEditor'));
const MobilePaymentForm = lazy(() => import('./MobilePaymentForm'));
const waiting = (
  <List.Item>
    <DotLoading />
  </List.Item>
);

/**
 * PAY-01/02 on the phone: the order's engineer makes a quote from the price list (`canCharge`), the
 * customer reads it line by line with why each price applies and signs to accept it before paid work
 * starts, then the engineer records the payment with its receipt number. Others see the quote only.
 */
export function MobileQuotePanel({ orderId, canCharge }: { orderId: string; canCharge: boolean }) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [money, setMoney] = useState<OrderMoney | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const key = useRef(newIdempotencyKey());

  const load = useCallback(() => {
    payApi.order(orderId).then(setMoney, () => setMoney(null));
  }, [orderId]);
  useEffect(load, [load]);

  const quote = money?.quotes.find((q) => q.id === money.currentQuoteId);
  if (!money || (!quote && !canCharge)) return null;
  const editor = (
    <Suspense fallback={waiting}>
      <MobileQuoteEditor
        orderId={orderId}
        onQuoted={() => {
          setEditing(false);
          load();
        }}
        onCancel={() => setEditing(false)}
      />
    </Suspense>
  );
  // No quote yet, or the customer declined the last one: the engineer may (re)quote.
  if (!quote) {
    return (
      <List header={t('pay.title')} data-testid="mobile-quote" data-status="none">
        {editing ? (
          editor
        ) : (
          <List.Item>
            <Button block onClick={() => setEditing(true)} data-testid="quote-new">
              {money.quotes.length > 0 ? t('payPhone.requote') : t('payPhone.newQuote')}
            </Button>
          </List.Item>
        )}
      </List>
    );
  }

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
      {money.payments.length > 0 && (
        <List.Item
          description={money.payments.map((p) => (
            <div key={p.id} data-testid={`payment-${p.receiptNo ?? p.id}`}>
              {t(`pay.methods.${p.method}`)} {yuan(p.amountFen)} · {p.receiptNo ?? t('pay.invoiceToFollow')}
            </div>
          ))}
          extra={
            <span data-testid="payment-outstanding" data-fen={money.outstandingFen ?? ''}>
              {money.outstandingFen === 0
                ? t('payPhone.settled')
                : `${t('pay.outstanding')} ${yuan(money.outstandingFen ?? 0)}`}
            </span>
          }
        >
          {t('payPhone.payments')}
        </List.Item>
      )}
      {canCharge && quote.status === 'accepted' && (money.outstandingFen ?? 0) > 0 && (
        <List.Item>
          <Suspense fallback={waiting}>
            <MobilePaymentForm
              key={money.outstandingFen}
              quoteId={quote.id}
              outstandingFen={money.outstandingFen!}
              onPaid={load}
            />
          </Suspense>
        </List.Item>
      )}
    </List>
  );
}
