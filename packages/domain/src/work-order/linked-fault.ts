import { DomainError } from '../shared/errors.js';
import type { WorkOrder } from './work-order.types.js';

/** The facts of an order the database has not numbered yet. */
export type NewWorkOrder = Omit<WorkOrder, 'id' | 'number' | 'version'>;

/**
 * WO-08: a complaint completed as "not resolved → fault" (Decision.spawnLinkedFault) opens a fault order
 * for the same customer, line and place, linked back through `parentOrderId`, so each order's history
 * leads to the other. The fault starts afresh (created, offered to nobody): it goes through triage like
 * any fault, and its clock starts when it is accepted, `now`. Whether it repeats an earlier fault is for
 * findRepeatOf (WO-12) to say once the caller has the customer's history.
 */
export function linkedFaultFromComplaint(complaint: WorkOrder, now: Date): NewWorkOrder {
  if (complaint.type !== 'complaint') {
    throw new DomainError('VALIDATION_FAILED', 'Only a complaint can raise a linked fault order', { field: 'type' });
  }
  return {
    tenantId: complaint.tenantId,
    vendorId: complaint.vendorId,
    acceptanceSerial: complaint.acceptanceSerial,
    type: 'fault',
    status: 'created',
    priority: complaint.priority,
    product: complaint.product,
    business: complaint.business,
    productNumber: complaint.productNumber,
    customerId: complaint.customerId,
    contactName: complaint.contactName,
    contactPhone: complaint.contactPhone,
    address: complaint.address,
    areaId: complaint.areaId,
    lat: complaint.lat,
    lng: complaint.lng,
    appointment: null,
    step: 'created',
    customerMessage: complaint.customerMessage,
    faultDescription: complaint.faultDescription,
    broadband: complaint.broadband,
    productModel: complaint.productModel,
    purchaseDate: complaint.purchaseDate,
    warranty: complaint.warranty,
    stationId: complaint.stationId,
    offeredToPersonId: null,
    offeredToUnitId: null,
    holderId: null,
    suspendReason: null,
    parentOrderId: complaint.id,
    repeatOfOrderId: null,
    acceptedAt: now,
    completedAt: null,
    closedAt: null,
  };
}
