import { phoneAsSeenBy, type Viewer, type WorkOrder } from '@daowei/domain';

/** Names the list and detail pages show next to ids, looked up in one query per page. */
export interface OrderNames {
  holderName: string | null;
  offeredToName: string | null;
  areaName: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The order as this viewer may see it: dates as ISO strings, phone masked unless allowed (SEC-01). */
export function presentOrder(o: WorkOrder, names: OrderNames, viewer: Viewer) {
  return {
    id: o.id,
    number: o.number,
    acceptanceSerial: o.acceptanceSerial,
    type: o.type,
    status: o.status,
    priority: o.priority,
    product: o.product,
    business: o.business,
    productNumber: o.productNumber,
    customerId: o.customerId,
    contactName: o.contactName,
    contactPhone: phoneAsSeenBy(o, viewer),
    address: o.address,
    areaId: o.areaId,
    lat: o.lat,
    lng: o.lng,
    appointment: o.appointment
      ? { start: o.appointment.start.toISOString(), end: o.appointment.end.toISOString() }
      : null,
    step: o.step,
    customerMessage: o.customerMessage,
    faultDescription: o.faultDescription,
    broadband: o.broadband,
    productModel: o.productModel,
    purchaseDate: o.purchaseDate,
    warranty: o.warranty,
    vendorId: o.vendorId,
    stationId: o.stationId,
    offeredToPersonId: o.offeredToPersonId,
    offeredToUnitId: o.offeredToUnitId,
    holderId: o.holderId,
    suspendReason: o.suspendReason,
    parentOrderId: o.parentOrderId,
    repeatOfOrderId: o.repeatOfOrderId,
    acceptedAt: o.acceptedAt.toISOString(),
    completedAt: iso(o.completedAt),
    closedAt: iso(o.closedAt),
    version: o.version,
    ...names,
  };
}
export type WorkOrderView = ReturnType<typeof presentOrder>;
