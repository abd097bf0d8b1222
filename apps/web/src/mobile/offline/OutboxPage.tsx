import { Button, Dialog, ErrorBlock, List, NavBar, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router-dom';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';
import { PLANNED_WHAT } from '../planned/queuedRecords';
import { clearSynced, discard, syncOutbox, type OutboxItem } from './outbox';
import { useOnline, useOutbox } from './useOutbox';

/** The outbox entries named by eng.what: the visit records and the planned-work pages' (WO-13/16/17). */
const ENG_WHAT = Object.fromEntries(
  ['checklist', 'consent', 'attachment', 'confirmation', ...PLANNED_WHAT].map((w) => [w, 1]),
);
const COLOR = { pending: 'primary', synced: 'success', conflict: 'danger' } as const;

/**
 * /m/outbox (ENG-07): every submission kept on the phone, in the order made, with its state — waiting,
 * synced or conflict. A conflict says why (the server's reason) and can only go away by the engineer
 * discarding it: nothing is dropped or overwritten silently.
 */
export default function OutboxPage() {
  const { t, action } = useLabels();
  const navigate = useNavigate();
  const personId = useMe().person.id;
  const items = useOutbox();
  const online = useOnline();

  const whatLabel = (i: OutboxItem) =>
    i.what in ENG_WHAT
      ? t(`eng.what.${i.what as 'checklist'}`)
      : i.what in { resource_change: 1, damage: 1 }
        ? t(`onsite.what.${i.what as 'damage'}`)
        : action(i.what);
  const why = (i: OutboxItem) =>
    i.error?.reason
      ? t(`eng.reasons.${i.error.reason as 'reassigned'}`, { defaultValue: i.error.message })
      : i.error?.message;

  const onDiscard = async (i: OutboxItem) => {
    if (i.seq === undefined) return;
    if (await Dialog.confirm({ content: t('eng.discardConfirm') })) await discard(i.seq);
  };

  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/m/todo')} style={{ background: '#fff' }}>
        {t('eng.outboxTitle')}
      </NavBar>
      <div style={{ display: 'flex', gap: 8, padding: 12 }}>
        <Button
          size="small"
          color="primary"
          disabled={!online}
          onClick={() => void syncOutbox(personId)}
          data-testid="outbox-sync"
        >
          {t('eng.syncNow')}
        </Button>
        <Button size="small" onClick={() => void clearSynced(personId)} data-testid="outbox-clear-synced">
          {t('eng.clearSynced')}
        </Button>
      </div>
      {items.length === 0 && <ErrorBlock status="empty" title={t('eng.outboxEmpty')} description="" />}
      <List>
        {items.map((i) => (
          <List.Item
            key={i.seq}
            data-testid={`outbox-item-${i.seq}`}
            data-state={i.state}
            data-what={i.what}
            description={
              <div>
                <div>{t('eng.queuedAt', { time: formatDateTime(i.queuedAt) })}</div>
                {i.state === 'conflict' && (
                  <div style={{ color: '#cf1322' }} data-testid={`outbox-reason-${i.seq}`}>
                    {i.error?.code}: {why(i)}
                  </div>
                )}
              </div>
            }
            extra={
              i.state === 'conflict' ? (
                <Button
                  size="mini"
                  color="danger"
                  onClick={() => void onDiscard(i)}
                  data-testid={`outbox-discard-${i.seq}`}
                >
                  {t('eng.discard')}
                </Button>
              ) : null
            }
          >
            <Tag color={COLOR[i.state]} style={{ marginRight: 6 }}>
              {t(`eng.states.${i.state}`)}
            </Tag>
            {i.orderNumber} · {whatLabel(i)}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
