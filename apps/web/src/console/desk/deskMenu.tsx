import { CustomerServiceOutlined, InboxOutlined, ReadOutlined } from '@ant-design/icons';
import { DEFAULT_DESK_POLICY, type Position } from '@daowei/domain';
import type { ItemType } from 'antd/es/menu/interface';
import type { TFunction } from 'i18next';

/** The desk's intake positions (the server's INTAKE_POSITIONS in desk-work.routes.ts). */
const INTAKE: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];

/** Console menu entries of the service desk (issue 5), by the positions the server lets use them. */
export function deskMenuItems(position: Position, t: TFunction): ItemType[] {
  const items: ItemType[] = [];
  if (INTAKE.includes(position)) {
    items.push({
      key: '/desk/intake',
      icon: <CustomerServiceOutlined />,
      label: <span data-testid="menu-desk-intake">{t('desk.menuIntake')}</span>,
    });
  }
  if (DEFAULT_DESK_POLICY.carryInPositions.includes(position)) {
    items.push({
      key: '/desk/carry-in',
      icon: <InboxOutlined />,
      label: <span data-testid="menu-desk-carry-in">{t('desk.menuCarryIn')}</span>,
    });
  }
  if (DEFAULT_DESK_POLICY.scriptAdminPositions.includes(position) || INTAKE.includes(position)) {
    items.push({
      key: '/desk/scripts',
      icon: <ReadOutlined />,
      label: <span data-testid="menu-desk-scripts">{t('desk.menuScripts')}</span>,
    });
  }
  return items;
}
