import { LinkOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../api';
import { issueSelfServiceLink } from '../../api/selfService';
import type { Position } from '@daowei/domain';
import { useMe } from '../../session/SessionContext';

/** The positions the server lets issue links (apps/server/src/features/desk/desk.routes.ts). */
const ISSUERS: readonly Position[] = ['hotline_agent', 'coordinator', 'callback_agent', 'station_manager', 'admin'];

/**
 * DESK-06: the desk creates a customer self-service link for this order and copies it to send by SMS
 * or chat. A new link replaces the previous one, so it is only shown once, right after creating it.
 */
export function SelfServiceLinkButton({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!ISSUERS.includes(me.position)) return null;

  async function issue() {
    setBusy(true);
    setError(null);
    try {
      const link = await issueSelfServiceLink(orderId);
      setUrl(`${window.location.origin}${link.path}`);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space wrap>
      <Button icon={<LinkOutlined />} loading={busy} onClick={() => void issue()} data-testid="self-service-link">
        {t('selfService.issueLink')}
      </Button>
      {url && (
        <Typography.Text copyable data-testid="self-service-url">
          {url}
        </Typography.Text>
      )}
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
