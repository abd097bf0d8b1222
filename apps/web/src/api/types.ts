import type {
  BroadbandFacts,
  LabelledCode,
  Position,
  SuspendReason,
  WorkOrder,
  WorkOrderAction,
  WorkOrderStatus,
  WorkOrderType,
} from '@daowei/domain';

/** Shapes of the HTTP contract (docs/api.md) as the browser receives them: dates are ISO strings. */

export interface Me {
  person: { id: string; name: string; staffNo: string; unitId: string; vendorId: string | null };
  positions: Position[];
  position: Position;
  tenant: { id: string; name: string };
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  me: Me;
}

export interface WindowView {
  start: string;
  end: string;
}

type DateFields = 'appointment' | 'acceptedAt' | 'completedAt' | 'closedAt';

export type WorkOrderView = Omit<WorkOrder, DateFields> & {
  appointment: WindowView | null;
  acceptedAt: string;
  completedAt: string | null;
  closedAt: string | null;
  holderName: string | null;
  offeredToName: string | null;
  areaName: string | null;
};

export interface OrderEvent {
  seq: number;
  action: WorkOrderAction | 'create' | (string & {});
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus | null;
  actorId: string | null;
  actorName: string | null;
  actorPosition: Position | null;
  at: string;
  payload: Record<string, unknown> | null;
  hash: string;
}

export interface WorkOrderDetail {
  order: WorkOrderView;
  events: OrderEvent[];
  actions: WorkOrderAction[];
  linked: WorkOrderView[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Meta {
  types: unknown;
  statuses: unknown;
  priorities: unknown;
  positions: unknown;
  returnReasons: LabelledCode[];
  complaintCauses: LabelledCode[];
  suspendReasons: unknown;
  policy: { id: string; version: number };
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: 'operator' | 'vendor' | 'station' | 'team';
  name: string;
  vendorId: string | null;
}

export interface OrgPerson {
  id: string;
  name: string;
  unitId: string;
  positions: Position[];
}

export interface OrgTree {
  units: OrgUnit[];
  people: OrgPerson[];
}

export interface Area {
  id: string;
  name: string;
  code: string;
  stationId: string | null;
}

/** A person as GET /api/people returns it (only the fields the UI shows are relied upon). */
export interface PersonSummary {
  id: string;
  name: string;
  staffNo?: string;
  phone?: string;
  unitId?: string;
}

export interface ExternalAccount {
  personId: string;
  personName: string;
  phone: string;
  system: string;
  externalId: string;
}

export interface WorkOrderQuery {
  scope?: 'todo' | 'done' | 'all';
  type?: WorkOrderType;
  status?: WorkOrderStatus[];
  areaId?: string;
  engineerId?: string;
  from?: string;
  to?: string;
  q?: string;
  limit?: number;
}

export type { BroadbandFacts, SuspendReason, WorkOrderAction, WorkOrderStatus, WorkOrderType };
