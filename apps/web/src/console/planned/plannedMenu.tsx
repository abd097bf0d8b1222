import { CalendarOutlined, ExceptionOutlined, HeartOutlined, SafetyOutlined } from '@ant-design/icons';
import type { Position } from '@daowei/domain';
import type { ItemType } from 'antd/es/menu/interface';
import type { TFunction } from 'i18next';

/** Who reads agreements and plans (the server's READERS in care-agreements.service.ts). */
export const PLANNED_READERS: readonly Position[] = [
  'coordinator',
  'station_manager',
  'admin',
  'team_lead',
  'hotline_agent',
  'vendor_manager',
  'monitor',
  'support',
];
/** Who keeps them (the server's PLANNERS). */
export const PLANNED_WRITERS: readonly Position[] = ['coordinator', 'station_manager', 'admin'];
/** Who assigns inspection crews (the server's DISPATCHERS in inspections.service.ts). */
export const CREW_ASSIGNERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];

/** Console menu entries of recurring care (WO-16) and planned inspections (WO-17). */
export function plannedMenuItems(position: Position, t: TFunction): ItemType[] {
  if (!PLANNED_READERS.includes(position)) return [];
  return [
    {
      key: '/care/agreements',
      icon: <HeartOutlined />,
      label: <span data-testid="menu-care-agreements">{t('care.menuAgreements')}</span>,
    },
    {
      key: '/care/visits',
      icon: <CalendarOutlined />,
      label: <span data-testid="menu-care-visits">{t('care.menuUpcoming')}</span>,
    },
    {
      key: '/inspections/plans',
      icon: <SafetyOutlined />,
      label: <span data-testid="menu-inspection-plans">{t('insp.menuPlans')}</span>,
    },
    {
      key: '/inspections/overdue',
      icon: <ExceptionOutlined />,
      label: <span data-testid="menu-inspection-overdue">{t('insp.menuOverdue')}</span>,
    },
  ];
}
