import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  FileExcelOutlined,
  LinkOutlined,
  LogoutOutlined,
  MobileOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { DEFAULT_DISPATCH_POLICY, DEFAULT_VISIT_POLICY, reportKindsFor } from '@daowei/domain';
import { isSupervisor, isWorker, STAFF_LOG_POSITIONS } from '@daowei/domain';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import type { ItemType } from 'antd/es/menu/interface';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PositionSwitcher } from '../components/PositionSwitcher';
import { deskMenuItems } from './desk/deskMenu';
import { notifyMenuItems } from './notify/notifyMenu';
import { plannedMenuItems } from './planned/plannedMenu';
import { partsMenuItems } from './parts/partsMenu';
import { useMe, useSession } from '../session/SessionContext';

/** The desktop console: side menu, header with position switcher, language and sign-out. */
export default function ConsoleLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const items: ItemType[] = [
    {
      key: '/orders',
      icon: <UnorderedListOutlined />,
      label: <span data-testid="menu-orders">{t('menu.orders')}</span>,
    },
  ];
  // DSP-01: the board for those who may plan (policy data, the same list the server checks).
  if (DEFAULT_DISPATCH_POLICY.plannerPositions.includes(me.position)) {
    items.push({
      key: '/dispatch',
      icon: <ScheduleOutlined />,
      label: <span data-testid="menu-dispatch-board">{t('menu.dispatchBoard')}</span>,
    });
  }
  // KPI-01: the same positions the server lets read KPIs.
  if (isSupervisor(me.position)) {
    items.push({
      key: '/kpis',
      icon: <BarChartOutlined />,
      label: <span data-testid="menu-kpis">{t('kpiMenu.kpis')}</span>,
    });
  }
  // CB-01/02: the callback queue, for the positions the server lets read it.
  if (isSupervisor(me.position)) {
    items.push({
      key: '/callbacks',
      icon: <PhoneOutlined />,
      label: <span data-testid="menu-callbacks">{t('kpiMenu.callbacks')}</span>,
    });
    // CB-03: the operator's sales spot-check the vendors' reports.
    if (me.position === 'sales' || me.position === 'admin') {
      items.push({
        key: '/callbacks/spot-checks',
        icon: <PhoneOutlined />,
        label: <span data-testid="menu-spot-checks">{t('complaintMenu.spotChecks')}</span>,
      });
    }
    // CMP-01/02: complaint follow-up; the station manager's log of complaints about staff.
    items.push({
      key: '/complaints',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-complaints">{t('complaintMenu.complaints')}</span>,
    });
    if (STAFF_LOG_POSITIONS.includes(me.position)) {
      items.push({
        key: '/complaints/staff-log',
        icon: <AuditOutlined />,
        label: <span data-testid="menu-staff-log">{t('complaintMenu.staffLog')}</span>,
      });
    }
    // VND-01: the operator assesses, vendor managers read their ledger and dispute.
    items.push({
      key: '/assessment',
      icon: <AuditOutlined />,
      label: <span data-testid="menu-assessment">{t('kpiMenu.assessment')}</span>,
    });
    // KPI-02/03: the day's install report and station log.
    items.push({
      key: '/kpi-reports',
      icon: <FileExcelOutlined />,
      label: <span data-testid="menu-kpi-reports">{t('kpiMenu.kpiReports')}</span>,
    });
  }
  // APT-03 / WO-15 / SLA-08: the reports visits leave for this position (the server's list of who works them).
  if (reportKindsFor(DEFAULT_VISIT_POLICY, me.position).length > 0) {
    items.push({
      key: '/onsite-reports',
      icon: <ToolOutlined />,
      label: <span data-testid="menu-onsite-reports">{t('onsite.reports.menu')}</span>,
    });
  }
  items.push(...deskMenuItems(me.position, t, me.person.vendorId === null));
  items.push(...notifyMenuItems(me.position, t)); // INT-01
  items.push(...plannedMenuItems(me.position, t)); // WO-16/17
  items.push(...partsMenuItems(me.position, t));
  // SLA-09/04: the at-risk view, for the positions the server lets read it.
  if (isSupervisor(me.position)) {
    items.push({
      key: '/sla/at-risk',
      icon: <AlertOutlined />,
      label: <span data-testid="menu-sla-at-risk">{t('slaMenu.atRisk')}</span>,
    });
  }
  // SLA-01: the business calendar (read by supervisors, changed by admins).
  if (isSupervisor(me.position)) {
    items.push({
      key: '/admin/calendar',
      icon: <CalendarOutlined />,
      label: <span data-testid="menu-calendar">{t('slaMenu.calendar')}</span>,
    });
  }
  if (me.position === 'admin') {
    items.push({
      key: '/admin/external-accounts',
      icon: <LinkOutlined />,
      label: <span data-testid="menu-external-accounts">{t('menu.externalAccounts')}</span>,
    });
  }
  if (isWorker(me.position)) {
    items.push({
      key: '/m/todo',
      icon: <MobileOutlined />,
      label: <span data-testid="menu-my-todo">{t('menu.myTodo')}</span>,
    });
  }
  // The longest matching key: /callbacks/spot-checks selects its own item, not /callbacks.
  const selected =
    items
      .map((i) => String(i?.key))
      .filter((k) => pathname.startsWith(k))
      .sort((a, b) => b.length - a.length)[0] ?? '/orders';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 18 }}>{t('app.name')}</div>
        <Menu mode="inline" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 8 }}
        >
          <Space size="middle" wrap>
            <Typography.Text type="secondary" data-testid="tenant-name">
              {me.tenant.name}
            </Typography.Text>
            <Typography.Text strong data-testid="me-name">
              {me.person.name}
            </Typography.Text>
            <PositionSwitcher />
            <LanguageSwitch />
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {/* remount on a position switch: lists, details and allowed actions depend on the position */}
          <Outlet key={me.position} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
