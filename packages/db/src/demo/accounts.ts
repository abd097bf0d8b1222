import type { DemoAccount } from './types.js';

/**
 * Stable logins of the demo tenant, whatever the seed or size: the README, the first-start banner and
 * browser tests name them. Every demo person has a login (engineers `eng1`…`engN`, team leads
 * `lead1`…`lead6`, station managers `manager1`…`manager4`); these are the ones worth trying first.
 * All share the password given to seedDemoData.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { login: 'admin', description: '系统管理员 (operator admin): org, people, accounts; sees every order' },
  {
    login: 'hotline1',
    description: '热线工程师 (hotline agent, operator): takes customer calls, creates and triages orders',
  },
  { login: 'monitor1', description: '后台监控 (back-office monitor, operator): watches every vendor’s queue' },
  { login: 'callback1', description: '回访专员 (callback agent, operator): calls customers back and closes orders' },
  {
    login: 'coord1',
    description: '协调员 (coordinator) of 西湖服务站, vendor 恒通: dispatches the station’s orders',
  },
  { login: 'manager1', description: '站长 (station manager) of 西湖服务站; also holds the coordinator position' },
  {
    login: 'lead1',
    description: '班组长 (team lead) of 西湖装维一组; also an on-site engineer: takes complaints and dispatches them',
  },
  {
    login: 'eng1',
    description: '上门工程师 (on-site engineer) of 西湖装维一组: several orders offered to them or held by them today',
  },
  {
    login: 'eng2',
    description:
      '上门工程师 of 西湖装维一组: a few orders today (one on site, one returned); IPTV certificate lapsed 10 days ago',
  },
  {
    login: 'vendorb-coord',
    description: '协调员 of 拱墅服务站, the other vendor (联创): must never see vendor 恒通’s orders',
  },
  { login: 'vendora-mgr', description: '代维经理 (vendor manager) of 恒通: oversees its two stations' },
];

/** Logins the generator gives to fixed roles; kept beside DEMO_ACCOUNTS so the two cannot drift apart. */
export const LOGINS = {
  admin: 'admin',
  monitor: 'monitor1',
  sales: 'sales1',
  hotline: ['hotline1', 'hotline2', 'hotline3'],
  callback: ['callback1', 'callback2'],
  vendorManagers: ['vendora-mgr', 'vendorb-mgr'],
  /** Per station, in station order (two of vendor A, then two of vendor B). */
  coordinators: ['coord1', 'coord2', 'vendorb-coord', 'vendorb-coord2'],
  managers: ['manager1', 'manager2', 'manager3', 'manager4'],
  lead: (n: number) => `lead${n}`,
  engineer: (n: number) => `eng${n}`,
} as const;
