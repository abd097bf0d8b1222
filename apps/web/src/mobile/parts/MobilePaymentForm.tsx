import { Button, Checkbox, Input, List, Selector } from 'antd-mobile';
import { useRef, useState } from 'react';
import { SubmissionKeys, toApiError } from '../../api';
import { payApi, type PaymentMethodCode } from '../../api/parts';
import { useLabels } from '../../i18n/useLabels';
import { useMobileFeedback } from '../useMobileFeedback';

/** The methods the server's pay policy takes (PAYMENT_METHODS in packages/domain pay-policy). */
const METHODS: readonly PaymentMethodCode[] = ['wechat', 'alipay', 'cash', 'card', 'transfer'];

/** "80" / "80.5" / "80.50" yuan → 8000 / 8050 fen; anything else (or ≤ 0) → null. Money stays in fen (PAY-03). */
function fenOf(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen > 0 ? fen : null;
}

/**
 * PAY-02 on the phone: after the customer accepted the quote the engineer records what was paid — the
 * method, the amount (prefilled with what is still owed) and the receipt/invoice number, or that the
 * invoice follows. A retry of the same entry (double tap, lost answer) reuses its Idempotency-Key, so the
 * server records it once.
 */
export default function MobilePaymentForm({
  quoteId,
  outstandingFen,
  onPaid,
}: {
  quoteId: string;
  outstandingFen: number;
  onPaid: () => void;
}) {
  const { t } = useLabels();
  const feedback = useMobileFeedback();
  const keys = useRef(new SubmissionKeys());
  const [method, setMethod] = useState<PaymentMethodCode>('wechat');
  const [amount, setAmount] = useState(() => (outstandingFen / 100).toFixed(2));
  const [receiptNo, setReceiptNo] = useState('');
  const [invoiceToFollow, setInvoiceToFollow] = useState(false);
  const [busy, setBusy] = useState(false);
  const amountFen = fenOf(amount);
  const receiptOk = receiptNo.trim() !== '' || invoiceToFollow;

  async function record() {
    if (amountFen === null || !receiptOk) return;
    const body = { method, amountFen, receiptNo: receiptNo.trim() || null, invoiceToFollow };
    setBusy(true);
    try {
      await payApi.pay(quoteId, body, keys.current.keyFor(body));
      keys.current.succeeded();
      feedback.success(t('payPhone.paidOk'));
      onPaid();
    } catch (e) {
      feedback.error(toApiError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <List header={t('payPhone.paymentTitle')} data-testid="payment-form">
      <List.Item title={t('pay.method')}>
        <Selector
          columns={3}
          value={[method]}
          onChange={(v) => v[0] && setMethod(v[0])}
          options={METHODS.map((m) => ({
            value: m,
            label: <span data-testid={`payment-method-${m}`}>{t(`pay.methods.${m}`)}</span>,
          }))}
        />
      </List.Item>
      <List.Item
        title={t('payPhone.amount')}
        description={amountFen === null ? t('payPhone.amountInvalid') : undefined}
      >
        <Input inputMode="decimal" value={amount} onChange={setAmount} data-testid="payment-amount" />
      </List.Item>
      <List.Item title={t('pay.receiptNo')} description={receiptOk ? undefined : t('payPhone.receiptRequired')}>
        <Input value={receiptNo} onChange={setReceiptNo} maxLength={64} data-testid="payment-receipt" />
      </List.Item>
      <List.Item>
        <Checkbox checked={invoiceToFollow} onChange={setInvoiceToFollow} data-testid="payment-invoice-later">
          {t('pay.invoiceToFollow')}
        </Checkbox>
      </List.Item>
      <List.Item>
        <Button
          block
          color="primary"
          loading={busy}
          disabled={busy || amountFen === null || !receiptOk}
          onClick={() => void record()}
          data-testid="payment-submit"
        >
          {t('pay.record')}
        </Button>
      </List.Item>
    </List>
  );
}
