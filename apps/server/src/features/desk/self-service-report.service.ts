import { randomBytes } from 'node:crypto';
import { getWorkOrder, listCustomerOrders, type Db } from '@daowei/db';
import { CUSTOMER_STATUS_WORDS, DomainError, isOpenStatus, type Position } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import type { CreateBody } from '../work-orders/work-order.schemas.js';
import type { SelfServiceService } from './self-service.service.js';
import type { SelfReportBody } from './self-service-report.schemas.js';

export type SelfServiceReportService = ReturnType<typeof createSelfServiceReportService>;

/** How many of the customer's latest orders the duplicate check looks at (an open fault is recent). */
const DUPLICATE_LOOKBACK = 50;

/**
 * DESK-06 report a fault through the self-service link. The link proves who the customer is and which
 * line or device they have (the link's order), so the report needs only what is wrong: a fault order
 * for the same customer, product, address and area is opened for the desk (no staff actor; the event
 * says `via: self_service`), with the WO-12 repeat check, SLA clocks and WO-11 clustering of any fault,
 * and the customer gets the new order's own link to follow it. An open fault of the same product is
 * not opened twice: the answer names it (409 DESK_DUPLICATE_REPORT), as the desk's intake shows it.
 */
export function createSelfServiceReportService({
  db,
  clock,
  workOrders,
  selfService,
}: {
  db: Db;
  clock: Clock;
  workOrders: Pick<WorkOrderService, 'createIn'>;
  selfService: Pick<SelfServiceService, 'issueIn' | 'liveLinkIn'>;
}) {
  return {
    async report(token: string, body: SelfReportBody) {
      return db.transaction(async (tx) => {
        // The link row is locked: two taps on "report" are decided one after the other.
        const link = await selfService.liveLinkIn(tx, token, true);
        const base = await getWorkOrder(tx, link.tenantId, link.orderId);
        if (!base) throw new DomainError('NOT_FOUND', 'This link is not valid');
        const recent = await listCustomerOrders(tx, link.tenantId, base.customerId, {
          vendorId: base.vendorId,
          limit: DUPLICATE_LOOKBACK,
        });
        const open = recent.find(
          (o) => o.type === 'fault' && isOpenStatus(o.status) && o.productNumber === base.productNumber,
        );
        if (open) {
          throw new DomainError('DESK_DUPLICATE_REPORT', 'A report of this fault is already open', {
            number: open.number,
            sameOrder: open.id === base.id,
            statusText: CUSTOMER_STATUS_WORDS[open.status]['zh-CN'],
            statusTextEn: CUSTOMER_STATUS_WORDS[open.status].en,
          });
        }
        const customer: AuthContext = {
          tenantId: link.tenantId,
          personId: '',
          personName: '',
          position: 'hotline_agent' as Position,
          positions: [],
          unitIds: [],
          vendorId: base.vendorId,
          sessionId: '',
        };
        const order: CreateBody = {
          type: 'fault',
          acceptanceSerial: `SS-${clock.now().getTime().toString(36)}-${randomBytes(3).toString('hex')}`,
          priority: 'normal',
          product: base.product,
          business: base.business,
          productNumber: base.productNumber,
          customer: { name: base.contactName, phone: base.contactPhone, address: base.address },
          faultDescription: body.description,
          warranty: base.warranty,
          ...(base.areaId ? { areaId: base.areaId } : {}),
          ...(base.lat !== null && base.lng !== null ? { lat: base.lat, lng: base.lng } : {}),
          ...(base.broadband ? { broadband: base.broadband } : {}),
          ...(base.productModel ? { productModel: base.productModel } : {}),
        } as CreateBody;
        const created = await workOrders.createIn(tx, customer, order, { customerVia: 'self_service' });
        const next = await selfService.issueIn(tx, { tenantId: link.tenantId, personId: null }, created.id);
        return {
          order: {
            number: created.number,
            statusText: CUSTOMER_STATUS_WORDS[created.status]['zh-CN'],
            statusTextEn: CUSTOMER_STATUS_WORDS[created.status].en,
          },
          path: next.path,
          token: next.token,
        };
      });
    },
  };
}
