import type { Completion, NewWorkOrder, WorkOrder } from '@daowei/domain';
import type { StoredCompletion, workOrders } from '../schema/work-orders.js';

export type WorkOrderRow = typeof workOrders.$inferSelect;
type WorkOrderInsert = typeof workOrders.$inferInsert;

/**
 * A work order as the database holds it: the domain facts plus what only storage knows — the
 * completion record (WO-07), the policy version its deadlines were computed with (SLA-02) and
 * bookkeeping times. Intersecting with WorkOrder keeps it assignable wherever a WorkOrder is wanted.
 */
export type StoredWorkOrder = WorkOrder & {
  completion: Completion | null;
  policyId: string;
  policyVersion: number;
  /** SLA-02: the service contract the order names (an id of the tenant's SLA policy contracts). */
  contractId?: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** What an insert needs: the domain's unnumbered order plus the policy it was decided under. */
export type NewStoredWorkOrder = Omit<NewWorkOrder, 'tenantId'> & {
  policyId: string;
  policyVersion: number;
  contractId?: string | null;
  completion?: Completion | null;
};

/** Fields an update may change. Identity, number, tenant and bookkeeping are not among them. */
export type WorkOrderChanges = Partial<
  Omit<StoredWorkOrder, 'id' | 'tenantId' | 'number' | 'version' | 'createdAt' | 'updatedAt'>
>;

export function toWorkOrder(r: WorkOrderRow): StoredWorkOrder {
  return {
    id: r.id,
    tenantId: r.tenantId,
    vendorId: r.vendorId,
    number: r.number,
    acceptanceSerial: r.acceptanceSerial,
    type: r.type,
    status: r.status,
    priority: r.priority,
    product: r.product,
    business: r.business,
    productNumber: r.productNumber,
    customerId: r.customerId,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    address: r.address,
    areaId: r.areaId,
    lat: r.lat,
    lng: r.lng,
    appointment: r.appointmentStart && r.appointmentEnd ? { start: r.appointmentStart, end: r.appointmentEnd } : null,
    step: r.step,
    customerMessage: r.customerMessage,
    faultDescription: r.faultDescription,
    broadband: r.broadband,
    productModel: r.productModel,
    purchaseDate: r.purchaseDate,
    warranty: r.warranty,
    stationId: r.stationId,
    offeredToPersonId: r.offeredToPersonId,
    offeredToUnitId: r.offeredToUnitId,
    holderId: r.holderId,
    suspendReason: r.suspendReason,
    parentOrderId: r.parentOrderId,
    repeatOfOrderId: r.repeatOfOrderId,
    acceptedAt: r.acceptedAt,
    completedAt: r.completedAt,
    closedAt: r.closedAt,
    version: r.version,
    completion: r.completion ? toCompletion(r.completion) : null,
    policyId: r.policyId,
    policyVersion: r.policyVersion,
    contractId: r.contractId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** jsonb turns the Dates of a "reschedule" outcome into ISO strings; give the domain its Dates back. */
function toCompletion(stored: StoredCompletion): Completion {
  const c = stored as unknown as Completion;
  if (c.outcome.kind !== 'reschedule') return c;
  const w = c.outcome.window as unknown as { start: string | Date; end: string | Date };
  return { ...c, outcome: { ...c.outcome, window: { start: new Date(w.start), end: new Date(w.end) } } };
}

function toStoredCompletion(c: Completion | null | undefined): StoredCompletion | null {
  return c ? (JSON.parse(JSON.stringify(c)) as StoredCompletion) : null;
}

/** Never written through an update, even if a caller's object carries them (e.g. a spread order). */
const FIXED = ['id', 'tenantId', 'number', 'version', 'createdAt', 'updatedAt'] as const;

/** Domain changes → column values; only the keys present are written (undefined = leave as is). */
export function toWorkOrderColumns(c: WorkOrderChanges): Partial<WorkOrderInsert> {
  const { appointment, completion, ...plain } = c;
  const cols: Partial<WorkOrderInsert> = { ...plain };
  for (const k of FIXED) delete cols[k];
  if (appointment !== undefined) {
    cols.appointmentStart = appointment?.start ?? null;
    cols.appointmentEnd = appointment?.end ?? null;
  }
  if (completion !== undefined) cols.completion = toStoredCompletion(completion);
  return cols;
}

export function toWorkOrderInsert(tenantId: string, number: string, o: NewStoredWorkOrder): WorkOrderInsert {
  const { completion, appointment, ...plain } = o;
  return {
    ...plain,
    tenantId,
    number,
    appointmentStart: appointment?.start ?? null,
    appointmentEnd: appointment?.end ?? null,
    completion: toStoredCompletion(completion),
  };
}
