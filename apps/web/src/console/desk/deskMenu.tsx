import {
  AlertOutlined,
  AuditOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  InboxOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import { DEFAULT_COVERAGE_CLAIM_POLICY, DEFAULT_DESK_POLICY, type Position } from '@daowei/domain';
import type { ItemType } from 'antd/es/menu/interface';
import type { TFunction } from 'i18next';

/** The desk's intake positions (the server's INTAKE_POSITIONS in desk-work.routes.ts). */
const INTAKE: readonly Position[] = ['hotline_agent', 'coordinator', 'station_manager', 'admin'];

/** WO-09/10: who works the claim queue (the server's decide and close positions in coverage-claims.service.ts). */
const CLAIM_QUEUE: readonly Position[] = [
  ...DEFAULT_COVERAGE_CLAIM_POLICY.decidePositions,
  ...DEFAULT_COVERAGE_CLAIM_POLICY.closePositions,
];

/** ORG-06: who plans rosters (the server's PLANNERS in shifts.service.ts). */
const PLANNERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];

/** Console menu entries of the service desk (issue 5), by the positions the server lets use them. */
export function deskMenuItems(position: Position, t: TFunction, operator = true): ItemType[] {
  const items: ItemType[] = [];
  if (INTAKE.includes(position)) {
    items.push({
      key: '/desk/intake',
      icon: <CustomerServiceOutlined />,
      label: <span data-testid="menu-desk-intake">{t('desk.menuIntake')}</span>,
    });
  }
  // WO-11: the batch incidents the desk confirms and works (the server's desk positions).
  if (INTAKE.includes(position)) {
    items.push({
      key: '/desk/incidents',
      icon: <AlertOutlined />,
      label: <span data-testid="menu-desk-incidents">{t('incidents.menu')}</span>,
    });
  }
  // WO-09/10: the engineers' coverage claims, for the operator's positions the server lets work the queue.
  if (operator && CLAIM_QUEUE.includes(position)) {
    items.push({
      key: '/desk/coverage-claims',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-coverage-claims">{t('coverageClaims.menu')}</span>,
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
  // ORG-06: rosters with evening and weekend shifts, so the desk's promises have people behind them.
  if (PLANNERS.includes(position)) {
    items.push({
      key: '/shifts',
      icon: <CalendarOutlined />,
      label: <span data-testid="menu-shifts">{t('shifts.menu')}</span>,
    });
  }
  return items;
}
