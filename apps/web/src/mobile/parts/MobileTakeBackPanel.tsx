import { Button, Input, List, Selector, Switch, Tag, TextArea, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { newIdempotencyKey, toApiError } from '../../api';
import { partsApi, type BorrowLineView, type TakeBackView } from '../../api/parts';
import { useErrorText } from '../../hooks/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { submit } from '../offline/outbox';
import { orderReadKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';
import { useOutbox } from '../offline/useOutbox';
import { SignaturePad } from '../visit/SignaturePad';

interface Props {
  orderId: string;
  orderNumber: string;
  /** The open form is offered only on site; taken-back devices are listed (and returned) whenever open. */
  onSite: boolean;
  onChanged?: () => void;
}

const empty = { device: '', serial: '', configNotes: '', dataNotes: '', promisedReturnDate: '' };

/**
 * WO-13 on the phone: a device that cannot be fixed on site is taken back with a receipt the customer
 * signs (device, configuration and data noted, the promised return date), optionally leaving a loaner
 * unit borrowed for the order; when the device comes back the customer signs again and the loaner goes
 * home. ENG-07: both receipts (with the customer's signature) go through the phone's outbox — sent at
 * once online, queued with their key offline and listed here as waiting until synced; the lists are
 * cached for reading offline.
 */
export function MobileTakeBackPanel({ orderId, orderNumber, onSite, onChanged }: Props) {
  const { t } = useLabels();
  const errorText = useErrorText();
  const personId = useMe().person.id;
  const outbox = useOutbox();
  const settled = outbox.filter((i) => i.orderId === orderId && i.state !== 'pending').length;
  const waiting = outbox.filter((i) => i.orderId === orderId && i.state === 'pending');
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
    readThrough(orderReadKey('take-backs', personId, orderId), () => partsApi.takeBacks(orderId)).then(
      (r) => setItems(r.value.items),
      () => setItems([]),
    );
    readThrough(orderReadKey('order-borrows', personId, orderId), () => partsApi.orderBorrows(orderId)).then(
      (r) => setLoaners(r.value.items.filter((l) => l.serial && l.outstanding > 0)),
      () => setLoaners([]),
    );
  }, [orderId, personId]);
  // Re-read when a queued receipt of this order is synced (or refused).
  useEffect(load, [load, settled]);

  /** Sends a receipt through the outbox; a refusal while online is shown, a queued one waits in the list. */
  const send = async (what: 'take_back' | 'give_back', path: string, body: object) => {
    const r = await submit(personId, { orderId, orderNumber, what, path, body, key });
    Toast.show({ content: r.queued ? t('eng.takeBackQueued') : t('eng.saved') });
  };

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
      send('take_back', `/parts/orders/${encodeURIComponent(orderId)}/take-backs`, {
        device: form.device.trim(),
        ...(form.serial.trim() ? { serial: form.serial.trim() } : {}),
        configNotes: form.configNotes.trim(),
        dataNotes: form.dataNotes.trim(),
        promisedReturnDate: form.promisedReturnDate,
        signature,
        ...(loaner ? { loanerLineId: loaner } : {}),
      }),
    );
    if (ok) {
      setOpen(false);
      setForm(empty);
      setLoaner(null);
    }
  };

  const giveBack = async (tb: TakeBackView) => {
    const ok = await run(() =>
      send('give_back', `/parts/take-backs/${encodeURIComponent(tb.id)}/return`, {
        signature,
        loanerBack: tb.loanerUnitId ? loanerBack : false,
      }),
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

  const queuedTakeBacks = waiting.filter((i) => i.what === 'take_back');
  const queuedReturns = new Set(waiting.filter((i) => i.what === 'give_back').map((i) => i.path));
  const returnQueued = (tb: TakeBackView) => queuedReturns.has(`/parts/take-backs/${encodeURIComponent(tb.id)}/return`);
  if (!onSite && items.length === 0 && queuedTakeBacks.length === 0) return null;
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
            returnQueued(tb) ? (
              <Tag color="primary">{t('eng.states.pending')}</Tag>
            ) : tb.status === 'out' ? (
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
      {queuedTakeBacks.map((i) => (
        <List.Item
          key={i.seq}
          data-testid="take-back-queued"
          description={t('eng.takeBackQueued')}
          extra={<Tag color="primary">{t('eng.states.pending')}</Tag>}
        >
          {(i.body as { device: string }).device}
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
