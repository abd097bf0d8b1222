import { Button, Checkbox, Input, List, Selector, Switch } from 'antd-mobile';
import { useState } from 'react';
import type { WorkOrderView } from '../../api';
import type { VisitData } from './useVisitData';
import { useLabels } from '../../i18n/useLabels';
import type { OutboxItem } from '../offline/outbox';
import { photoDataUrl } from './photoData';
import { SignaturePad } from './SignaturePad';
import { useVisitSubmit } from './useVisitSubmit';

interface Props {
  order: WorkOrderView;
  data: VisitData;
  /** The order's submissions still queued on the phone: shown as done already. */
  queued: readonly OutboxItem[];
  onSaved: () => void;
}

/**
 * On site (ENG-03/04, WO-14): the order type's entry steps, consents signed on screen for risky work
 * (data risk needs the backup confirmed, paid work the quoted price), photos and the speed-test
 * screenshot from the camera. Each goes through the outbox, so all of it works offline.
 */
export function OnSiteRecords({ order, data, queued, onSaved }: Props) {
  const { t, lang } = useLabels();
  const { send, busy } = useVisitSubmit(order, onSaved);
  const [kind, setKind] = useState<string | null>(null);
  const [backup, setBackup] = useState(false);
  const [price, setPrice] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [clearKey, setClearKey] = useState(0);
  const [photoKind, setPhotoKind] = useState<'photo' | 'speed_test'>('photo');

  const queuedSteps = queued.flatMap((i) =>
    i.what === 'checklist' ? ((i.body as { steps: string[] }).steps ?? []) : [],
  );
  const done = new Set([...(data.checklist?.steps.filter((s) => s.doneAt).map((s) => s.code) ?? []), ...queuedSteps]);
  const consentDef = data.consents?.kinds.find((k) => k.code === kind);
  const consentsGiven = (data.consents?.items.length ?? 0) + queued.filter((i) => i.what === 'consent').length;
  const photos = data.attachments + queued.filter((i) => i.what === 'attachment').length;

  const signConsent = async () => {
    if (!kind || !signature) return;
    const body = {
      kind,
      signature,
      ...(consentDef?.needsBackupConfirmed ? { backupConfirmed: backup } : {}),
      ...(consentDef?.needsQuotedPrice ? { quotedPriceFen: Math.round(Number(price) * 100) } : {}),
    };
    if (await send('consent', body)) {
      setKind(null);
      setSignature(null);
      setClearKey((k) => k + 1);
    }
  };

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    await send('attachment', { kind: photoKind, data: await photoDataUrl(file) });
  };

  return (
    <>
      {data.checklist && data.checklist.steps.length > 0 && (
        <List header={t('eng.entrySteps')} data-testid="entry-steps">
          {data.checklist.steps.map((s) => (
            <List.Item key={s.code}>
              <Checkbox
                checked={done.has(s.code)}
                disabled={done.has(s.code) || busy !== null}
                onChange={(on) => on && void send('checklist', { steps: [s.code] })}
                data-testid={`step-${s.code}`}
                data-done={String(done.has(s.code))}
              >
                {lang === 'en' ? s.label.en : s.label['zh-CN']}
              </Checkbox>
            </List.Item>
          ))}
        </List>
      )}

      {data.consents && (
        <List header={`${t('eng.consents')} (${consentsGiven})`} data-testid="consents">
          <List.Item>
            <Selector
              columns={2}
              options={data.consents.kinds.map((k) => ({
                label: lang === 'en' ? k.label.en : k.label['zh-CN'],
                value: k.code,
              }))}
              value={kind ? [kind] : []}
              onChange={(v) => setKind(v[0] ?? null)}
              data-testid="consent-kind"
            />
          </List.Item>
          {consentDef?.needsBackupConfirmed && (
            <List.Item extra={<Switch checked={backup} onChange={setBackup} data-testid="consent-backup" />}>
              {t('eng.backupConfirmed')}
            </List.Item>
          )}
          {consentDef?.needsQuotedPrice && (
            <List.Item>
              <Input
                type="number"
                inputMode="decimal"
                placeholder={t('eng.quotedPrice')}
                value={price}
                onChange={setPrice}
                data-testid="consent-price"
              />
            </List.Item>
          )}
          {kind && (
            <List.Item
              description={<a onClick={() => setClearKey((k) => k + 1)}>{t('visit.clear')}</a>}
              data-testid="consent-signature"
            >
              <SignaturePad onChange={setSignature} clearKey={clearKey} />
            </List.Item>
          )}
          {kind && (
            <List.Item>
              <Button
                block
                color="primary"
                disabled={!signature || busy !== null}
                loading={busy === 'consent'}
                onClick={() => void signConsent()}
                data-testid="consent-submit"
              >
                {t('eng.signConsent')}
              </Button>
            </List.Item>
          )}
        </List>
      )}

      <List header={`${t('eng.photos')} (${photos})`} data-testid="photos">
        <List.Item>
          <Selector
            columns={2}
            options={[
              { label: <span data-testid="photo-kind-photo">{t('eng.photo')}</span>, value: 'photo' },
              { label: <span data-testid="photo-kind-speed_test">{t('eng.speedTest')}</span>, value: 'speed_test' },
            ]}
            value={[photoKind]}
            onChange={(v) => v[0] && setPhotoKind(v[0] as 'photo' | 'speed_test')}
          />
        </List.Item>
        <List.Item>
          <label style={{ display: 'block', textAlign: 'center', padding: 8, border: '1px dashed #91caff' }}>
            {busy === 'attachment' ? t('common.loading') : t('eng.takePhoto')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              style={{ display: 'none' }}
              onChange={(e) => void onPhoto(e.target.files?.[0]).finally(() => (e.target.value = ''))}
              data-testid="photo-input"
            />
          </label>
        </List.Item>
      </List>
    </>
  );
}
