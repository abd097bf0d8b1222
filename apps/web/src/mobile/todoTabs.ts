import type { WorkOrderType } from '@daowei/domain';
import type { WorkOrderView } from '../api';

/** ENG-01 tabs: 待办 / 已办 / 装维工单, and under each one sub-tab per order type. */
export const SCOPES = ['todo', 'done', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const TYPE_TABS = ['install', 'fault', 'complaint', 'other'] as const;
export type TypeTab = (typeof TYPE_TABS)[number];

const MAIN_TYPES: readonly WorkOrderType[] = ['install', 'fault', 'complaint'];

/** The API filters by one type; "other" asks for every type and keeps the rest on the client. */
export const apiTypeOf = (tab: TypeTab): WorkOrderType | undefined => (tab === 'other' ? undefined : tab);

export const belongsTo = (tab: TypeTab, o: WorkOrderView): boolean =>
  tab === 'other' ? !MAIN_TYPES.includes(o.type) : o.type === tab;

export const asScope = (v: string | null): Scope =>
  (SCOPES as readonly string[]).includes(v ?? '') ? (v as Scope) : 'todo';
export const asTypeTab = (v: string | null): TypeTab =>
  (TYPE_TABS as readonly string[]).includes(v ?? '') ? (v as TypeTab) : 'install';
