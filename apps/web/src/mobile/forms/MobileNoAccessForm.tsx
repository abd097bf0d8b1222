import { Button, List, Selector, Switch, TextArea } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { visitReads, type VisitChecklist } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import type { ActionFormProps } from '../../orders/ActionFormProps';
import { useMe } from '../../session/SessionContext';
import { visitKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';
import { photoDataUrl } from '../visit/photoData';
import { useVisitSubmit } from '../visit/useVisitSubmit';

interface Steps {
  knockedAt?: string;
  call?: { at: string; outcome: string };
  neighbour?: { at: string; outcome: string };
  neighbourNote?: string;
  notePhotos?: number;
  noteLeft?: boolean;
  remark?: string;
  savedAt?: string;
}

/** Doorstep steps are kept on the phone while the sheet is closed and reopened; a day-old set is dropped. */
const STALE_MS = 6 * 3_600_000;
const storeKey = (orderId: string) => `daowei.noAccess.${orderId}`;
function loadSteps(orderId: string): Steps {
  try {
    const s = JSON.parse(localStorage.getItem(storeKey(orderId)) ?? '{}') as Steps;
    return s.savedAt && Date.now() - new Date(s.savedAt).getTime() < STALE_MS ? s : {};
  } catch {
    return {};
  }
}

const hhmm = (iso: string | undefined) =>
  iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '';

/**
 * 上门不遇 (APT-03) on the phone: knock, call (tap to call, then the outcome), ask a neighbour, leave a
 * note and photograph it, wait the policy's minutes from the first knock — each step stamped with the
 * phone's time as it is done, so the record is true even when it is sent later from the outbox (ENG-07).
 * The server checks the protocol again; the photo goes first through the attachments.
 */
export function MobileNoAccessForm({ order, submitting, onSubmit }: ActionFormProps) {
  const { t, lang } = useLabels();
  const personId = useMe().person.id;
  const [policy, setPolicy] = useState<VisitChecklist['noAccess'] | null>(null);
  const [steps, setSteps] = useState<Steps>(() => loadSteps(order.id));
  const [now, setNow] = useState(() => Date.now());
  const { send, busy } = useVisitSubmit(order, () => undefined);

  useEffect(() => {
    void readThrough(visitKey(personId, order.id, 'checklist'), () => visitReads.checklist(order.id))
      .then((c) => setPolicy(c.value.noAccess ?? null))
      .catch(() => setPolicy(null));
  }, [order.id, personId]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  const update = (patch: Partial<Steps>) =>
    setSteps((s) => {
      const next = { ...s, ...patch, savedAt: new Date().toISOString() };
      localStorage.setItem(storeKey(order.id), JSON.stringify(next));
      return next;
    });
  const stamp = () => new Date().toISOString();
  const label = (c: { label: { 'zh-CN': string; en: string } }) => (lang === 'en' ? c.label.en : c.label['zh-CN']);

  const minWait = policy?.minWaitMinutes ?? 0;
  const waited = steps.knockedAt ? Math.floor((now - new Date(steps.knockedAt).getTime()) / 60_000) : 0;
  const photoOk = !policy?.notePhotoRequired || (steps.notePhotos ?? 0) > 0;
  const ready =
    !!steps.knockedAt && !!steps.call && !!steps.neighbour && !!steps.noteLeft && photoOk && waited >= minWait;

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    const ok = await send('attachment', {
      kind: 'photo',
      caption: t('onsite.noAccess.note'),
      data: await photoDataUrl(file),
    });
    if (ok) update({ notePhotos: (steps.notePhotos ?? 0) + 1 });
  };

  const submit = () => {
    if (!ready || !steps.knockedAt || !steps.call || !steps.neighbour) return;
    const note = steps.neighbourNote?.trim();
    const remark = steps.remark?.trim();
    onSubmit({
      knockedAt: steps.knockedAt,
      call: steps.call,
      neighbour: { ...steps.neighbour, ...(note ? { note } : {}) },
      noteLeft: true,
      leftAt: new Date().toISOString(),
      ...(remark ? { remark } : {}),
    });
  };

  return (
    <div data-testid="no-access-form">
      <div style={{ padding: '8px 16px', color: '#8c8c8c' }}>{t('onsite.noAccess.intro')}</div>
      <List>
        <List.Item
          title="1"
          extra={
            steps.knockedAt ? (
              <span data-testid="no-access-knocked">
                {t('onsite.noAccess.knocked', { time: hhmm(steps.knockedAt) })}
              </span>
            ) : (
              <Button
                size="small"
                color="primary"
                onClick={() => update({ knockedAt: stamp() })}
                data-testid="no-access-knock"
              >
                {t('onsite.noAccess.knock')}
              </Button>
            )
          }
        >
          {t('onsite.noAccess.knock')}
        </List.Item>
        <List.Item
          title="2"
          description={steps.call ? t('onsite.noAccess.stepAt', { time: hhmm(steps.call.at) }) : null}
        >
          <div>
            {t('onsite.noAccess.call')} ·{' '}
            <a href={`tel:${order.contactPhone}`} data-testid="no-access-tel">
              {t('onsite.noAccess.callNumber', { phone: order.contactPhone })}
            </a>
          </div>
          <Selector
            columns={2}
            disabled={!steps.knockedAt}
            options={(policy?.callOutcomes ?? []).map((c) => ({ label: label(c), value: c.code }))}
            value={steps.call ? [steps.call.outcome] : []}
            onChange={(v) => v[0] && update({ call: { at: steps.call?.at ?? stamp(), outcome: v[0] } })}
            data-testid="no-access-call-outcome"
          />
        </List.Item>
        <List.Item
          title="3"
          description={steps.neighbour ? t('onsite.noAccess.stepAt', { time: hhmm(steps.neighbour.at) }) : null}
        >
          <div>{t('onsite.noAccess.neighbour')}</div>
          <Selector
            columns={2}
            disabled={!steps.knockedAt}
            options={(policy?.neighbourOutcomes ?? []).map((c) => ({ label: label(c), value: c.code }))}
            value={steps.neighbour ? [steps.neighbour.outcome] : []}
            onChange={(v) => v[0] && update({ neighbour: { at: steps.neighbour?.at ?? stamp(), outcome: v[0] } })}
            data-testid="no-access-neighbour-outcome"
          />
          <TextArea
            rows={1}
            placeholder={t('onsite.noAccess.neighbourNote')}
            value={steps.neighbourNote ?? ''}
            onChange={(v) => update({ neighbourNote: v })}
            data-testid="no-access-neighbour-note"
          />
        </List.Item>
        <List.Item title="4">
          <label style={{ display: 'block', textAlign: 'center', padding: 8, border: '1px dashed #91caff' }}>
            {busy === 'attachment'
              ? t('common.loading')
              : (steps.notePhotos ?? 0) > 0
                ? t('onsite.noAccess.notePhotoDone', { count: steps.notePhotos })
                : t('onsite.noAccess.notePhoto')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              style={{ display: 'none' }}
              onChange={(e) => void onPhoto(e.target.files?.[0]).finally(() => (e.target.value = ''))}
              data-testid="no-access-photo"
            />
          </label>
        </List.Item>
        <List.Item
          extra={
            <Switch
              checked={!!steps.noteLeft}
              onChange={(on) => update({ noteLeft: on })}
              data-testid="no-access-note-left"
            />
          }
        >
          {t('onsite.noAccess.noteLeft')}
        </List.Item>
        <List.Item>
          <TextArea
            rows={2}
            placeholder={t('onsite.noAccess.remark')}
            value={steps.remark ?? ''}
            onChange={(v) => update({ remark: v })}
            data-testid="no-access-remark"
          />
        </List.Item>
      </List>
      <div
        style={{ padding: '8px 16px', color: waited >= minWait ? '#389e0d' : '#d4380d' }}
        data-testid="no-access-waited"
      >
        {steps.knockedAt &&
          (waited >= minWait
            ? t('onsite.noAccess.waitedEnough', { waited })
            : t('onsite.noAccess.waited', { waited, min: minWait }))}
      </div>
      <div style={{ padding: '0 16px 16px', display: 'flex', gap: 8 }}>
        <Button
          onClick={() => {
            localStorage.removeItem(storeKey(order.id));
            setSteps({});
          }}
          data-testid="no-access-reset"
        >
          {t('onsite.noAccess.reset')}
        </Button>
        <Button
          block
          color="primary"
          size="large"
          disabled={!ready}
          loading={submitting}
          onClick={submit}
          data-testid="no-access-submit"
        >
          {t('onsite.noAccess.submit')}
        </Button>
      </div>
    </div>
  );
}
