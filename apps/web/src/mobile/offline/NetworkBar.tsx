import { Link } from 'react-router-dom';
import { useLabels } from '../../i18n/useLabels';
import { useOnline, useOutbox, useOutboxSync } from './useOutbox';

/**
 * The phone's one line about the network and the outbox (ENG-07); it also drives the sync. Hidden when
 * online with nothing waiting, so it costs no room on a good day.
 */
export function NetworkBar() {
  const { t } = useLabels();
  useOutboxSync();
  const online = useOnline();
  const items = useOutbox();
  const waiting = items.filter((i) => i.state === 'pending').length;
  const conflicts = items.filter((i) => i.state === 'conflict').length;
  if (online && waiting === 0 && conflicts === 0) return <span data-testid="net-status" data-online="true" />;
  return (
    <div
      data-testid="net-status"
      data-online={String(online)}
      style={{
        padding: '6px 12px',
        fontSize: 13,
        background: online ? '#e6f4ff' : '#fff7e6',
        color: online ? '#0958d9' : '#ad4e00',
        display: 'flex',
        gap: 8,
        flexWrap: 'wrap',
      }}
    >
      <span>{online ? t('eng.online') : t('eng.offline')}</span>
      {(waiting > 0 || conflicts > 0) && (
        <Link to="/m/outbox" data-testid="outbox-link">
          {waiting > 0 && <span data-testid="outbox-waiting">{t('eng.waiting', { count: waiting })}</span>}
          {waiting > 0 && conflicts > 0 && ' · '}
          {conflicts > 0 && (
            <span style={{ color: '#cf1322' }} data-testid="outbox-conflicts">
              {t('eng.conflicts', { count: conflicts })}
            </span>
          )}
        </Link>
      )}
    </div>
  );
}
