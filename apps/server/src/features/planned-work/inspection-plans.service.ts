import {
  getArea,
  getInspectionPlan,
  insertInspectionPlan,
  insertInspectionTargets,
  listInspectionPlans,
  listInspectionTargets,
  setTargetOrder,
  type Db,
  type StoredInspectionPlan,
  type Tx,
} from '@daowei/db';
import { DomainError, isTargetDue } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { PLANNERS } from './care-agreements.service.js';
import { READERS, type InspectionAccess, type InspectionDeps } from './inspection-access.js';
import type { PlanBody } from './planned-work.schemas.js';
import { seesVendor, vendorFor } from './placement.js';

/**
 * WO-17: yearly inspection plans generate inspection orders once per target (the target row keeps its
 * order), each when its month is due.
 */
export function createInspectionPlanService(
  { db, workOrders }: InspectionDeps,
  { policy, require, today }: InspectionAccess,
) {
  async function visiblePlan(q: Db, auth: AuthContext, id: string, forUpdate = false) {
    const plan = await getInspectionPlan(q, auth.tenantId, id, { forUpdate });
    if (!plan || !seesVendor(auth, plan.vendorId)) throw new DomainError('NOT_FOUND', 'Plan not found', { id });
    return plan;
  }

  async function generateIn(tx: Tx, auth: AuthContext, plan: StoredInspectionPlan) {
    const day = await today(tx, auth.tenantId);
    let created = 0;
    for (const { target } of await listInspectionTargets(tx, auth.tenantId, plan.id)) {
      if (target.orderId || !isTargetDue(policy, plan.year, target.month, day)) continue;
      const order = await workOrders.createIn(tx, auth, {
        type: 'inspection',
        vendorId: plan.vendorId,
        priority: 'normal',
        acceptanceSerial: `INSP-${plan.id.slice(0, 8)}-${target.id.slice(0, 8)}`,
        product: 'gas_safety',
        business: 'planned_inspection',
        productNumber: `INSP-${plan.year}-${String(target.month).padStart(2, '0')}`,
        customer: { name: target.customerName, phone: target.contactPhone, address: target.address },
        ...(target.areaId ? { areaId: target.areaId } : {}),
        customerMessage: `${plan.name} (${plan.year}-${String(target.month).padStart(2, '0')})`,
        warranty: 'unknown',
      } as Parameters<WorkOrderService['createIn']>[2]);
      await setTargetOrder(tx, auth.tenantId, target.id, order.id);
      created++;
    }
    return { created };
  }

  async function planDetail(q: Db, auth: AuthContext, plan: StoredInspectionPlan) {
    const targets = await listInspectionTargets(q, auth.tenantId, plan.id);
    return {
      ...plan,
      createdAt: plan.createdAt.toISOString(),
      targets: targets.map(({ target, order }) => ({
        ...target,
        createdAt: target.createdAt.toISOString(),
        order: order?.id ? order : null,
      })),
    };
  }

  return {
    async createPlan(auth: AuthContext, body: PlanBody, key: string | null) {
      require(auth, PLANNERS);
      const addresses = body.targets.map((t) => t.address);
      if (new Set(addresses).size !== addresses.length) {
        throw new DomainError('VALIDATION_FAILED', 'An address is listed twice', { field: 'targets' });
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'inspection-plan', body }, async () => {
          const vendorId = await vendorFor(tx, auth, { vendorId: body.vendorId });
          // Unknown areas are named before anything is written (a foreign one is unknown too).
          for (const areaId of new Set(body.targets.map((t) => t.areaId).filter((a) => a !== undefined))) {
            if (!(await getArea(tx, auth.tenantId, areaId))) {
              const i = body.targets.findIndex((t) => t.areaId === areaId);
              throw new DomainError('VALIDATION_FAILED', 'Unknown area', { field: `targets.${i}.areaId` });
            }
          }
          const plan = await insertInspectionPlan(tx, auth.tenantId, {
            vendorId,
            year: body.year,
            name: body.name,
            createdBy: auth.personId,
          });
          await insertInspectionTargets(
            tx,
            auth.tenantId,
            body.targets.map((t) => ({ ...t, planId: plan.id, areaId: t.areaId ?? null })),
          );
          const generated = await generateIn(tx, auth, plan);
          return { ...(await planDetail(tx, auth, plan)), generated };
        }),
      );
    },

    async listPlans(auth: AuthContext, limit: number) {
      require(auth, READERS);
      const rows = await listInspectionPlans(db, auth.tenantId, auth.vendorId, limit);
      return {
        items: rows.map((r) => ({
          ...r.plan,
          createdAt: r.plan.createdAt.toISOString(),
          targets: r.targets,
          generated: r.generated,
        })),
      };
    },

    async getPlan(auth: AuthContext, id: string) {
      require(auth, READERS);
      return planDetail(db, auth, await visiblePlan(db, auth, id));
    },

    async generate(auth: AuthContext, id: string, key: string | null) {
      require(auth, PLANNERS);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'inspection-generate', id }, async () => {
          const plan = await visiblePlan(tx, auth, id, true);
          const generated = await generateIn(tx, auth, plan);
          return { ...(await planDetail(tx, auth, plan)), generated };
        }),
      );
    },
  };
}
