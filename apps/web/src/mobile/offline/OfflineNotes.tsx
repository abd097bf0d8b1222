import { NoticeBar } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { useLabels } from '../../i18n/useLabels';
import { formatDateTime } from '../../orders/format';

/** What the engineer must know about an order on an offline phone: how old the data is, what still waits. */
export function OfflineNotes({
  cachedAt,
  pending,
  conflicts,
}: {
  cachedAt: string | null;
  pending: number;
  conflicts: number;
}) {
  const { t } = useLabels();
  return (
    <>
      {cachedAt && (
        <NoticeBar content={t('eng.cachedAt', { time: formatDateTime(cachedAt) })} data-testid="cached-note" wrap />
      )}
      {pending > 0 && (
        <NoticeBar
          color="info"
          content={t('eng.pendingOnOrder', { count: pending })}
          data-testid="order-pending-note"
          wrap
        />
      )}
      {conflicts > 0 && (
        <NoticeBar
          color="error"
          content={<Link to="/m/outbox">{t('eng.conflictOnOrder')}</Link>}
          data-testid="order-conflict-note"
          wrap
        />
      )}
    </>
  );
}
