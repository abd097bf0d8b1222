import { DatabaseOutlined } from '@ant-design/icons';
import { DEFAULT_PARTS_POLICY, isSupervisor, type Position } from '@daowei/domain';
import type { ItemType } from 'antd/es/menu/interface';
import type { TFunction } from 'i18next';

/** Console menu entry of parts stock (issue 6): store keepers and supervisors, as the server allows. */
export function partsMenuItems(position: Position, t: TFunction): ItemType[] {
  if (!DEFAULT_PARTS_POLICY.clerkPositions.includes(position) && !isSupervisor(position)) return [];
  return [
    {
      key: '/parts',
      icon: <DatabaseOutlined />,
      label: <span data-testid="menu-parts">{t('parts.menu')}</span>,
    },
  ];
}
