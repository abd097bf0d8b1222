import { FileTextOutlined, MessageOutlined } from '@ant-design/icons';
import { DEFAULT_NOTIFY_POLICY, type Position } from '@daowei/domain';
import type { ItemType } from 'antd/es/menu/interface';
import type { TFunction } from 'i18next';

/** Console menu entries of INT-01 customer messages, by the positions the notify policy lets use them. */
export function notifyMenuItems(position: Position, t: TFunction): ItemType[] {
  const p = DEFAULT_NOTIFY_POLICY;
  const items: ItemType[] = [];
  if (p.outboxViewPositions.includes(position)) {
    items.push({
      key: '/notify/outbox',
      icon: <MessageOutlined />,
      label: <span data-testid="menu-notify-outbox">{t('notify.menuOutbox')}</span>,
    });
  }
  if (p.outboxViewPositions.includes(position) || p.templateAdminPositions.includes(position)) {
    items.push({
      key: '/notify/templates',
      icon: <FileTextOutlined />,
      label: <span data-testid="menu-notify-templates">{t('notify.menuTemplates')}</span>,
    });
  }
  return items;
}
