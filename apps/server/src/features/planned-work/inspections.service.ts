import { getNoticeByOrder, getWorkOrder, replaceInspectionCrew, upsertFinding } from '@daowei/db';
import { assertInspectorCrew, checkFinding, DomainError } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { createInspectionAccess, DISPATCHERS, type InspectionDeps } from './inspection-access.js';
import { createInspectionNoticeService } from './inspection-notices.service.js';
import { createInspectionPlanService } from './inspection-plans.service.js';
import type { FindingBody, InspectorsBody } from './planned-work.schemas.js';
import { vendorPerson } from './placement.js';

/** An order in these states is with its crew: changing the crew does not re-dispatch it. */
const WORKING = ['taken', 'appointment_confirmed', 'en_route', 'on_site', 'suspended'];

export type InspectionService = ReturnType<typeof createInspectionService>;

/**
 * WO-17: yearly inspection plans generate inspection orders (inspection-plans.service.ts); an order is
 * assigned to a crew of at least the policy's number of inspectors; the crew records findings per item
 * (here); hazards produce one rectification notice with its deadline, which the customer signs — or the
 * refusal and its reason are recorded (inspection-notices.service.ts).
 */
export function createInspectionService(deps: InspectionDeps) {
  const { db, clock, workOrders } = deps;
  const access = createInspectionAccess(deps);
  const { policy, require, readableOrder, writableOrder, inspectionDetail } = access;
  return {
    ...createInspectionPlanService(deps, access),
    /**
     * WO-17: the crew (lead first). Fewer than the policy's inspectors is refused with
     * WO_INSPECTORS_REQUIRED; the order is then offered to the lead (unless the lead already works it).
     */
    async assignInspectors(auth: AuthContext, orderId: string, body: InspectorsBody, key: string | null) {
      require(auth, DISPATCHERS);
      assertInspectorCrew(policy, body.personIds);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'inspectors', orderId, body }, async () => {
          const { order } = await readableOrder(tx, auth, orderId);
          for (const [i, id] of body.personIds.entries()) {
            await vendorPerson(tx, auth, order.vendorId, id, `personIds.${i}`);
          }
          await replaceInspectionCrew(tx, auth.tenantId, order.id, body.personIds, clock.now(), auth.personId);
          const lead = body.personIds[0]!;
          if (!(WORKING.includes(order.status) && order.holderId === lead)) {
            await workOrders.actIn(tx, auth, order.id, {
              action: 'dispatch',
              toPersonId: lead,
              remark: body.remark ?? 'inspection crew',
            });
          }
          return inspectionDetail(tx, auth, (await getWorkOrder(tx, auth.tenantId, order.id))!);
        }),
      );
    },

    async detail(auth: AuthContext, orderId: string) {
      const { order } = await readableOrder(db, auth, orderId);
      return inspectionDetail(db, auth, order);
    },

    async recordFinding(
      auth: AuthContext,
      orderId: string,
      body: FindingBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      checkFinding(policy, { item: body.item, result: body.result, hazardLevel: body.hazardLevel ?? null });
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'finding', orderId, body }, async () => {
          const { order } = await writableOrder(tx, auth, orderId, queuedAt);
          if (await getNoticeByOrder(tx, auth.tenantId, order.id)) {
            throw new DomainError('CONFLICT', 'The rectification notice is issued: findings are final', { orderId });
          }
          await upsertFinding(tx, auth.tenantId, {
            orderId: order.id,
            item: body.item,
            result: body.result,
            hazardLevel: body.hazardLevel ?? null,
            note: body.note ?? null,
            recordedAt: queuedAt && queuedAt < clock.now() ? queuedAt : clock.now(), // ENG-07: the phone's time
            recordedBy: auth.personId,
          });
          return inspectionDetail(tx, auth, order);
        }),
      );
    },

    ...createInspectionNoticeService(deps, access),
  };
}
