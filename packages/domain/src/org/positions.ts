/**
 * ORG-02 positions (职位). A person may hold several and works in one at a time; every permission
 * check is made against the position the session currently works in.
 */
export const POSITIONS = [
  'hotline_agent', // 热线工程师
  'coordinator', // 协调员 / dispatcher
  'team_lead', // 班组长: takes and dispatches within the team
  'onsite_engineer', // 上门工程师
  'reception_engineer', // 接待工程师
  'repair_engineer', // 站内维修工程师
  'parts_clerk', // 备件专员
  'callback_agent', // 回访专员
  'station_manager', // 站长
  'finance_clerk', // 行政专员
  'vendor_manager',
  'monitor', // back-office monitor
  'sales', // sales / spot-check
  'support', // support centre
  'admin',
  'resource_manager', // 资源管理员: keeps the network resource records (WO-15)
] as const;
export type Position = (typeof POSITIONS)[number];

/** Positions that do field or bench work and therefore hold orders. */
export const WORKER_POSITIONS: readonly Position[] = [
  'onsite_engineer',
  'reception_engineer',
  'repair_engineer',
  'team_lead',
];

/** Positions that see every order of their vendor (or of the tenant, for operator staff). */
export const SUPERVISOR_POSITIONS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'team_lead',
  'station_manager',
  'callback_agent',
  'vendor_manager',
  'monitor',
  'sales',
  'support',
  'admin',
];

/**
 * SEC-01: positions whose work is calling customers see phone numbers in full. Everyone else sees a
 * masked number unless they hold the open order.
 */
export const PHONE_VISIBLE_POSITIONS: readonly Position[] = [
  'hotline_agent',
  'coordinator',
  'callback_agent',
  'station_manager',
  'sales', // CB-03: sales spot-check the vendor's reports by calling the customer
];

export const isWorker = (p: Position): boolean => WORKER_POSITIONS.includes(p);
export const isSupervisor = (p: Position): boolean => SUPERVISOR_POSITIONS.includes(p);
