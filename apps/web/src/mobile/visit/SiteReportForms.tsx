import { Button, Collapse, Input, List, Selector, Switch, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { newIdempotencyKey, toApiError, type WorkOrderView } from '../../api';
import type { VisitChecklist } from '../../api/visits';
import { useLabels } from '../../i18n/useLabels';
import { useMe } from '../../session/SessionContext';
import { submit } from '../offline/outbox';
import { useMobileFeedback } from '../useMobileFeedback';
import { photoDataUrl } from './photoData';

interface Props {
  order: WorkOrderView;
  checklist: VisitChecklist | null;
  onSaved: () => void;
}

/**
 * On site, two reports for someone else (issue 4): a network resource change for the resource manager
 * (WO-15, deadline from the SLA pack) and damage to the customer's property with a photo, which starts
 * the 48 h compensation clock (SLA-08). Both go through the outbox (ENG-07): the change keeps the
 * phone's time it was made, so a report sent later still counts from the change.
 */
export function SiteReportForms({ order, checklist, onSaved }: Props) {
  const { t, lang } = useLabels();
  const personId = useMe().person.id;
  const feedback = useMobileFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  const [change, setChange] = useState({ kind: '', description: '', before: '', after: '' });
  const [damage, setDamage] = useState({ item: '', description: '', yuan: '', present: true });
  const [photo, setPhoto] = useState<string | null>(null);

  const send = async (what: 'resource_change' | 'damage', path: string, body: object) => {
    setBusy(what);
    try {
      const r = await submit(personId, {
        orderId: order.id,
        orderNumber: order.number,
        what,
        path: `/work-orders/${encodeURIComponent(order.id)}/${path}`,
        body,
        key: newIdempotencyKey(),
      });
      feedback.success(r.queued ? t('eng.queued') : t('eng.saved'));
      onSaved();
      return true;
    } catch (e) {
      feedback.error(toApiError(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const fileChange = async () => {
    const ok = await send('resource_change', 'resource-changes', {
      changeKind: change.kind,
      description: change.description.trim(),
      ...(change.before.trim() ? { before: change.before.trim() } : {}),
      ...(change.after.trim() ? { after: change.after.trim() } : {}),
      changedAt: new Date().toISOString(),
    });
    if (ok) setChange({ kind: '', description: '', before: '', after: '' });
  };

  const fileDamage = async () => {
    if (!photo) return;
    const yuan = Number(damage.yuan);
    const ok = await send('damage', 'damage-reports', {
      item: damage.item.trim(),
      description: damage.description.trim(),
      customerPresent: damage.present,
      photo,
      ...(damage.yuan.trim() && Number.isFinite(yuan) ? { estimatedFen: Math.round(yuan * 100) } : {}),
    });
    if (ok) {
      setDamage({ item: '', description: '', yuan: '', present: true });
      setPhoto(null);
    }
  };

  const kinds = checklist?.resourceChangeKinds ?? [];
  return (
    <Collapse data-testid="site-reports">
      <Collapse.Panel key="change" title={t('onsite.resourceChange.title')}>
        <div style={{ color: '#8c8c8c', fontSize: 13, marginBottom: 8 }}>{t('onsite.resourceChange.help')}</div>
        <List>
          <List.Item>
            <Selector
              columns={2}
              options={kinds.map((k) => ({ label: lang === 'en' ? k.label.en : k.label['zh-CN'], value: k.code }))}
              value={change.kind ? [change.kind] : []}
              onChange={(v) => setChange((c) => ({ ...c, kind: v[0] ?? '' }))}
              data-testid="resource-change-kind"
            />
          </List.Item>
          <List.Item>
            <TextArea
              rows={2}
              placeholder={t('onsite.resourceChange.description')}
              value={change.description}
              onChange={(v) => setChange((c) => ({ ...c, description: v }))}
              data-testid="resource-change-description"
            />
          </List.Item>
          <List.Item>
            <Input
              placeholder={t('onsite.resourceChange.before')}
              value={change.before}
              onChange={(v) => setChange((c) => ({ ...c, before: v }))}
              data-testid="resource-change-before"
            />
          </List.Item>
          <List.Item>
            <Input
              placeholder={t('onsite.resourceChange.after')}
              value={change.after}
              onChange={(v) => setChange((c) => ({ ...c, after: v }))}
              data-testid="resource-change-after"
            />
          </List.Item>
        </List>
        <Button
          block
          color="primary"
          disabled={!change.kind || !change.description.trim() || busy !== null}
          loading={busy === 'resource_change'}
          onClick={() => void fileChange()}
          data-testid="resource-change-submit"
        >
          {t('onsite.resourceChange.submit')}
        </Button>
      </Collapse.Panel>
      <Collapse.Panel key="damage" title={t('onsite.damage.title')}>
        <div style={{ color: '#8c8c8c', fontSize: 13, marginBottom: 8 }}>{t('onsite.damage.help')}</div>
        <List>
          <List.Item>
            <Input
              placeholder={t('onsite.damage.item')}
              value={damage.item}
              onChange={(v) => setDamage((d) => ({ ...d, item: v }))}
              data-testid="damage-item"
            />
          </List.Item>
          <List.Item>
            <TextArea
              rows={2}
              placeholder={t('onsite.damage.description')}
              value={damage.description}
              onChange={(v) => setDamage((d) => ({ ...d, description: v }))}
              data-testid="damage-description"
            />
          </List.Item>
          <List.Item>
            <Input
              type="number"
              inputMode="decimal"
              placeholder={t('onsite.damage.estimated')}
              value={damage.yuan}
              onChange={(v) => setDamage((d) => ({ ...d, yuan: v }))}
              data-testid="damage-estimated"
            />
          </List.Item>
          <List.Item
            extra={
              <Switch
                checked={damage.present}
                onChange={(on) => setDamage((d) => ({ ...d, present: on }))}
                data-testid="damage-customer-present"
              />
            }
          >
            {t('onsite.damage.customerPresent')}
          </List.Item>
          <List.Item>
            <label style={{ display: 'block', textAlign: 'center', padding: 8, border: '1px dashed #91caff' }}>
              {photo ? t('onsite.damage.photoReady') : t('onsite.damage.photo')}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void photoDataUrl(file).then(setPhoto);
                  e.target.value = '';
                }}
                data-testid="damage-photo"
              />
            </label>
          </List.Item>
        </List>
        <Button
          block
          color="danger"
          disabled={!damage.item.trim() || !damage.description.trim() || !photo || busy !== null}
          loading={busy === 'damage'}
          onClick={() => void fileDamage()}
          data-testid="damage-submit"
        >
          {t('onsite.damage.submit')}
        </Button>
      </Collapse.Panel>
    </Collapse>
  );
}
