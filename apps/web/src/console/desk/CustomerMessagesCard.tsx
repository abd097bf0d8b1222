import type { Position } from '@daowei/domain';
import { Alert, Button, Card, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, toApiError } from '../../api';
import { deskApi } from '../../api/desk';
import { formatDateTime } from '../../orders/format';
import { useMe } from '../../session/SessionContext';

/** Who writes to customers (the server's MESSAGE_POSITIONS in desk-work.routes.ts). */
const WRITERS: readonly Position[] = ['hotline_agent', 'coordinator', 'callback_agent', 'station_manager', 'admin'];

/**
 * DESK-04/06 on the order page: notes to the customer, shown on their self-service page. A forbidden
 * phrase is refused by the server with the scripts to say instead; a position the policy allows may
 * send the flagged text anyway after confirming.
 */
export function CustomerMessagesCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [items, setItems] = useState<{ id: string; text: string; at: string }[]>([]);
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    deskApi.messages(orderId).then(
      (r) => live && setItems(r.items),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [orderId, version]);

  if (!WRITERS.includes(me.position)) return null;

  async function send(confirm: boolean) {
    try {
      await deskApi.postMessage(orderId, text, confirm);
      setText('');
      setRefused(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setRefused(toApiError(e));
    }
  }

  const suggestions =
    (refused?.details?.suggestions as { id: string; title: string; text: string }[] | undefined) ?? [];
  return (
    <Card title={t('selfServiceMore.messages')} style={{ marginTop: 16 }} data-testid="customer-messages">
      <List
        size="small"
        dataSource={items}
        renderItem={(m) => (
          <List.Item key={m.id}>
            <Space direction="vertical" size={0}>
              <span>{m.text}</span>
              <Typography.Text type="secondary">{formatDateTime(m.at)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Input.TextArea
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        data-testid="customer-message-text"
      />
      {refused && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="customer-message-refused"
          title={
            refused.code === 'DESK_FORBIDDEN_PHRASE'
              ? t('desk.flagged', { phrase: String(refused.details?.phrase ?? '') })
              : refused.message
          }
          description={suggestions.map((s) => (
            <div key={s.id}>
              {t('desk.suggestion')}：{s.text}
            </div>
          ))}
        />
      )}
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          disabled={!text.trim()}
          onClick={() => void send(false)}
          data-testid="customer-message-send"
        >
          {t('common.submit')}
        </Button>
        {refused?.details?.confirmable === true && (
          <Button danger onClick={() => void send(true)} data-testid="customer-message-confirm">
            {t('common.confirm')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
