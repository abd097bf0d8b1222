import { Button, Input, List, Selector, Switch, Tag, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import { partsApi, type BorrowLineView, type TakeBackView } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { SignaturePad } from '../visit/SignaturePad';

interface Props {
  orderId: string;
  /** The open form is offered only on site; taken-back devices are listed (and returned) whenever open. */
  onSite: boolean;
  onChanged?: () => void;
}

const empty = { device: '', serial: '', configNotes: '', dataNotes: '', promisedReturnDate: '' };

/**
 * WO-13 on the phone: a device that cannot be fixed on site is taken back with a receipt the customer
 * signs (device, configuration and data noted, the promised return date), optionally leaving a loaner
 * unit borrowed for the order; when the device comes back the customer signs again and the loaner goes
 * home. Sent online (the receipt is the customer's proof; the server records the loaner's moves).
 */
export function MobileTakeBackPanel({ orderId, onSite, onChanged }: Props) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const [items, setItems] = useState<TakeBackView[]>([]);
  const [loaners, setLoaners] = useState<BorrowLineView[]>([]);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(empty);
  const [loaner, setLoaner] = useState<string | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [returning, setReturning] = useState<string | null>(null);
  const [loanerBack, setLoanerBack] = useState(true);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const load = useCallback(() => {
    partsApi.takeBacks(orderId).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
    partsApi.orderBorrows(orderId).then(
      (r) => setLoaners(r.items.filter((l) => l.serial && l.outstanding > 0)),
      () => setLoaners([]),
    );
  }, [orderId]);
  useEffect(load, [load]);

  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await call();
      setKey(newIdempotencyKey());
      setSignature(null);
      setClearKey((k) => k + 1);
      load();
      onChanged?.();
      return true;
    } catch (e) {
      Toast.show({ content: errorText(toApiError(e)) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const takeBack = async () => {
    const ok = await run(() =>
      partsApi.takeBack(
        orderId,
        {
          device: form.device.trim(),
          ...(form.serial.trim() ? { serial: form.serial.trim() } : {}),
          configNotes: form.configNotes.trim(),
          dataNotes: form.dataNotes.trim(),
          promisedReturnDate: form.promisedReturnDate,
          signature,
          ...(loaner ? { loanerLineId: loaner } : {}),
        },
        key,
      ),
    );
    if (ok) {
      setOpen(false);
      setForm(empty);
      setLoaner(null);
    }
  };

  const giveBack = async (tb: TakeBackView) => {
    const ok = await run(() =>
      partsApi.giveBack(tb.id, { signature, loanerBack: tb.loanerUnitId ? loanerBack : false }, key),
    );
    if (ok) setReturning(null);
  };

  const field = (name: keyof typeof empty, label: string, area = false) => (
    <List.Item key={name}>
      {area ? (
        <TextArea
          rows={2}
          placeholder={label}
          value={form[name]}
          onChange={(v) => setForm((f) => ({ ...f, [name]: v }))}
          data-testid={`take-back-${name}`}
        />
      ) : (
        <Input
          type={name === 'promisedReturnDate' ? 'date' : 'text'}
          placeholder={label}
          value={form[name]}
          onChange={(v) => setForm((f) => ({ ...f, [name]: v }))}
          data-testid={`take-back-${name}`}
        />
      )}
    </List.Item>
  );
  const pad = (
    <List.Item description={<a onClick={() => setClearKey((k) => k + 1)}>{t('visit.clear')}</a>}>
      <div style={{ height: 160, border: '1px solid #ddd' }} data-testid="take-back-signature">
        <SignaturePad onChange={setSignature} clearKey={clearKey} />
      </div>
    </List.Item>
  );

  if (!onSite && items.length === 0) return null;
  const ready = form.device.trim() && form.configNotes.trim() && form.dataNotes.trim() && form.promisedReturnDate;
  return (
    <List header={t('takeBack.title')} data-testid="take-backs">
      {items.map((tb) => (
        <List.Item
          key={tb.id}
          data-testid={`take-back-${tb.id}`}
          data-status={tb.status}
          description={t('takeBack.promised', { date: tb.promisedReturnDate })}
          extra={
            tb.status === 'out' ? (
              <Button size="small" onClick={() => setReturning(tb.id)} data-testid="take-back-return">
                {t('takeBack.return')}
              </Button>
            ) : (
              <Tag color="success">{t('takeBack.returned')}</Tag>
            )
          }
        >
          {tb.device} {tb.loanerUnitId ? <Tag color="primary">{t('takeBack.loanerLent')}</Tag> : null}
          {tb.overdue && <Tag color="danger">{t('takeBack.overdue')}</Tag>}
        </List.Item>
      ))}
      {returning && (
        <>
          {items.find((i) => i.id === returning)?.loanerUnitId && (
            <List.Item
              extra={<Switch checked={loanerBack} onChange={setLoanerBack} data-testid="take-back-loaner-back" />}
            >
              {t('takeBack.loanerBack')}
            </List.Item>
          )}
          {pad}
          <List.Item>
            <Button
              block
              color="primary"
              disabled={!signature || busy}
              loading={busy}
              onClick={() => void giveBack(items.find((i) => i.id === returning)!)}
              data-testid="take-back-return-submit"
            >
              {t('takeBack.returnSign')}
            </Button>
          </List.Item>
        </>
      )}
      {onSite && !open && !returning && (
        <List.Item>
          <Button block onClick={() => setOpen(true)} data-testid="take-back-open">
            {t('takeBack.open')}
          </Button>
        </List.Item>
      )}
      {open && (
        <>
          {field('device', t('takeBack.device'))}
          {field('serial', t('takeBack.serial'))}
          {field('configNotes', t('takeBack.configNotes'), true)}
          {field('dataNotes', t('takeBack.dataNotes'), true)}
          {field('promisedReturnDate', t('takeBack.promisedReturnDate'))}
          {loaners.length > 0 && (
            <List.Item description={t('takeBack.loanerHelp')}>
              <Selector
                options={loaners.map((l) => ({ label: `${l.itemName} ${l.serial ?? ''}`, value: l.id }))}
                value={loaner ? [loaner] : []}
                onChange={(v) => setLoaner(v[0] ?? null)}
                data-testid="take-back-loaner"
              />
            </List.Item>
          )}
          {pad}
          <List.Item>
            <Button
              block
              color="primary"
              disabled={!ready || !signature || busy}
              loading={busy}
              onClick={() => void takeBack()}
              data-testid="take-back-submit"
            >
              {t('takeBack.submit')}
            </Button>
          </List.Item>
        </>
      )}
    </List>
  );
}
