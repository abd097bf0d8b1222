import { isCustomerEvent, type MessageChannel } from '@daowei/domain';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Drawer,
  Segmented,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { toApiError } from '../../api';
import { notifyApi, type OutboxDetail, type OutboxMessage, type OutboxStatus } from '../../api/notify';

const STATUSES: OutboxStatus[] = ['pending', 'sending', 'sent', 'dead', 'held'];
const COLOURS: Record<OutboxStatus, string> = {
  pending: 'blue',
  sending: 'processing',
  sent: 'green',
  dead: 'red',
  held: 'orange',
};
const when = (iso: string | null) => (iso ? dayjs(iso).format('MM-DD HH:mm:ss') : '—');

/**
 * /notify/outbox (INT-01): every customer message with its state, tries and last error, for the desk
 * and admins; a failed, waiting or held message can be tried again at once.
 */
export default function NotifyOutboxPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OutboxStatus | 'all'>('all');
  const [items, setItems] = useState<OutboxMessage[]>([]);
  const [counts, setCounts] = useState<Partial<Record<OutboxStatus, number>>>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<OutboxDetail | null>(null);
  const [retrying, setRetrying] = useState(false);

  const [reload, setReload] = useState(0);

  // The first page, again whenever the filter changes or a retry changed a message.
  useEffect(() => {
    let live = true;
    notifyApi.outbox(status === 'all' ? {} : { status }).then(
      (page) => {
        if (!live) return;
        setItems(page.items);
        setCounts(page.counts);
        setCursor(page.nextCursor);
        setError(null);
      },
      (e: unknown) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [status, reload]);

  async function loadMore(more: string) {
    setLoading(true);
    try {
      const page = await notifyApi.outbox({ ...(status === 'all' ? {} : { status }), cursor: more });
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setLoading(false);
    }
  }

  async function show(id: string) {
    try {
      setOpen(await notifyApi.message(id));
    } catch (e) {
      setError(toApiError(e).message);
    }
  }

  async function retry(id: string) {
    setRetrying(true);
    try {
      const d = await notifyApi.retry(id);
      setOpen(d);
      void message.info(t('notify.outbox.retried', { status: t(`notify.statuses.${d.status}`) }));
      setReload((r) => r + 1);
    } catch (e) {
      void message.error(toApiError(e).message);
    } finally {
      setRetrying(false);
    }
  }

  const eventLabel = (e: string) => (isCustomerEvent(e) ? t(`notify.events.${e}`) : e);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return (
    <Card title={t('notify.outbox.title')} data-testid="notify-outbox">
      <Typography.Paragraph type="secondary">{t('notify.outbox.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as OutboxStatus | 'all')}
        options={[
          { value: 'all', label: `${t('notify.outbox.all')} ${total}` },
          ...STATUSES.map((s) => ({ value: s, label: `${t(`notify.statuses.${s}`)} ${counts[s] ?? 0}` })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<OutboxMessage>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('notify.outbox.empty') }}
        onRow={(m) => ({ onClick: () => void show(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('notify.outbox.queuedAt'), dataIndex: 'queuedAt', render: when, width: 130 },
          { title: t('notify.outbox.event'), dataIndex: 'event', render: eventLabel },
          {
            title: t('notify.outbox.channel'),
            dataIndex: 'channel',
            render: (c: MessageChannel) => t(`notify.channels.${c}`),
            width: 80,
          },
          { title: t('notify.outbox.recipient'), dataIndex: 'recipient', width: 130 },
          {
            title: t('notify.outbox.order'),
            dataIndex: 'orderNo',
            render: (n: string | null, m) =>
              m.orderId ? (
                <Link to={`/orders/${m.orderId}`} onClick={(ev) => ev.stopPropagation()}>
                  {n ?? m.orderId.slice(0, 8)}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('notify.outbox.status'),
            dataIndex: 'status',
            render: (s: OutboxStatus) => <Tag color={COLOURS[s]}>{t(`notify.statuses.${s}`)}</Tag>,
            width: 120,
          },
          { title: t('notify.outbox.attempts'), render: (_, m) => `${m.attempts}/${m.maxAttempts}`, width: 80 },
          { title: t('notify.outbox.nextAttempt'), dataIndex: 'nextAttemptAt', render: when, width: 130 },
          {
            title: t('notify.outbox.lastError'),
            dataIndex: 'lastError',
            ellipsis: true,
            render: (e: string | null) => e ?? '—',
          },
        ]}
      />
      {cursor && (
        <Button block onClick={() => void loadMore(cursor)} loading={loading} style={{ marginTop: 12 }}>
          {t('common.loadMore')}
        </Button>
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={560}
        title={open ? eventLabel(open.event) : ''}
        extra={
          open?.canRetry && (
            <Button type="primary" loading={retrying} onClick={() => void retry(open.id)} data-testid="outbox-retry">
              {t('notify.outbox.retry')}
            </Button>
          )
        }
      >
        {open && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('notify.outbox.status')}>
                <Tag color={COLOURS[open.status]} data-testid="outbox-status">
                  {t(`notify.statuses.${open.status}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('notify.outbox.recipient')}>
                {t(`notify.channels.${open.channel}`)} · {open.recipient}
              </Descriptions.Item>
              <Descriptions.Item label={t('notify.outbox.attempts')}>
                {open.attempts}/{open.maxAttempts}
              </Descriptions.Item>
              {open.nextAttemptAt && (
                <Descriptions.Item label={t('notify.outbox.nextAttempt')}>{when(open.nextAttemptAt)}</Descriptions.Item>
              )}
              {open.lastError && (
                <Descriptions.Item label={t('notify.outbox.lastError')}>
                  <Typography.Text type="danger">{open.lastError}</Typography.Text>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('notify.outbox.templateVersion')}>
                {open.templateVersion === 0 ? t('notify.outbox.ourDefault') : `v${open.templateVersion}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('notify.outbox.text')}>
                {open.subject && <Typography.Text strong>{open.subject}</Typography.Text>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {open.body}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('notify.outbox.tries')}</Typography.Title>
            <Timeline
              items={open.tries.map((tr) => ({
                color: tr.status === 'sent' ? 'green' : tr.status === 'failed' ? 'red' : 'gray',
                content: (
                  <span>
                    {when(tr.at)} ·{' '}
                    {tr.attempt === 0 ? t('notify.outbox.queued') : t('notify.outbox.attempt', { n: tr.attempt })}
                    {' · '}
                    {tr.adapter}
                    {tr.error ? ` · ${tr.error}` : ''}
                  </span>
                ),
              }))}
            />
          </Space>
        )}
      </Drawer>
    </Card>
  );
}
