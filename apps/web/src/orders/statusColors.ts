import type { WorkOrderStatus } from '@daowei/domain';

/** One colour per state, used by the console Tag (antd preset names) and the phone Tag (hex). */
export const STATUS_COLORS: Record<WorkOrderStatus, { preset: string; hex: string }> = {
  created: { preset: 'default', hex: '#8c8c8c' },
  triaged: { preset: 'cyan', hex: '#13a8a8' },
  assigned: { preset: 'gold', hex: '#d48806' },
  taken: { preset: 'blue', hex: '#1677ff' },
  appointment_confirmed: { preset: 'geekblue', hex: '#2f54eb' },
  en_route: { preset: 'purple', hex: '#722ed1' },
  on_site: { preset: 'magenta', hex: '#c41d7f' },
  suspended: { preset: 'orange', hex: '#d46b08' },
  completed: { preset: 'green', hex: '#389e0d' },
  callback: { preset: 'lime', hex: '#7cb305' },
  closed: { preset: 'default', hex: '#595959' },
  returned: { preset: 'volcano', hex: '#d4380d' },
  cancelled: { preset: 'red', hex: '#cf1322' },
};
