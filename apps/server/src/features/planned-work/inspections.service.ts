import {
  getArea,
  getInspectionPlan,
  getNotice,
  getNoticeByOrder,
  getTargetByOrder,
  getWorkOrder,
  insertInspectionPlan,
  insertInspectionTargets,
  insertNotice,
  listFindings,
  listInspectionCrew,
  listInspectionPlans,
  listInspectionTargets,
  listOverdueNotices,
  replaceInspectionCrew,
  setTargetOrder,
  updateNotice,
  upsertFinding,
  type Db,
  type StoredInspectionPlan,
  type StoredNotice,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  assertInspectorCrew,
  canSeeOrder,
  checkFinding,
  checkImage,
  checkNoticeAnswer,
  DomainError,
  isHolder,
  isNoticeOverdue,
  isOpenStatus,
  isTargetDue,
  localDate,
  rectificationDeadline,
  type PlannedWorkPolicy,
  type PolicyPack,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { assertNoOfflineConflict } from '../visits/offline-conflict.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { PLANNERS } from './care-agreements.service.js';
import type {
  FindingBody,
  InspectorsBody,
  NoticeAnswerBody,
  NoticeRectifiedBody,
  PlanBody,
} from './planned-work.schemas.js';
import { seesVendor, vendorFor, vendorPerson } from './placement.js';
import { crewOf, decodeImage } from './inspection-crew.js';

const READERS: readonly Position[] = [
  ...PLANNERS,
  'team_lead',
  'hotline_agent',
  'vendor_manager',
  'monitor',
  'support',
];
/** Who puts a crew together (those who may dispatch, WO-06). */
const DISPATCHERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];
/** An order in these states is with its crew: changing the crew does not re-dispatch it. */
const WORKING = ['taken', 'appointment_confirmed', 'en_route', 'on_site', 'suspended'];

export type InspectionService = ReturnType<typeof createInspectionService>;

/**
 * WO-17: yearly inspection plans generate inspection orders (once per target: the target row keeps
 * its order); an order is assigned to a crew of at least the policy's number of inspectors; the crew
 * records findings per item; hazards produce one rectification notice with its deadline, which the
 * customer signs — or the refusal and its reason are recorded.
 */
export function createInspectionService({
  db,
  clock,
  policy: pack,
  planned,
  workOrders,
  calendars,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  planned: PlannedWorkPolicy;
  workOrders: Pick<WorkOrderService, 'createIn' | 'actIn'>;
  calendars: TenantCalendars;
}) {
  const policy = planned.inspection;
  const require = (auth: AuthContext, positions: readonly Position[]) => {
    if (!positions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', `This needs one of the positions: ${positions.join(', ')}`);
    }
  };
  const today = async (q: Db, tenantId: string) => localDate(clock.now(), (await calendars(q, tenantId)).timeZone);

  async function visiblePlan(q: Db, auth: AuthContext, id: string, forUpdate = false) {
    const plan = await getInspectionPlan(q, auth.tenantId, id, { forUpdate });
    if (!plan || !seesVendor(auth, plan.vendorId)) throw new DomainError('NOT_FOUND', 'Plan not found', { id });
    return plan;
  }

  /** The order for reading: visible to whoever may see it, and to every member of its crew. */
  async function readableOrder(q: Db, auth: AuthContext, id: string) {
    const order = await getWorkOrder(q, auth.tenantId, id);
    const crew = order ? await listInspectionCrew(q, auth.tenantId, order.id) : [];
    if (!order || order.type !== 'inspection') throw new DomainError('NOT_FOUND', 'Inspection not found', { id });
    if (!canSeeOrder(order, viewerOf(auth)) && !crew.some((c) => c.personId === auth.personId)) {
      throw new DomainError('NOT_FOUND', 'Inspection not found', { id });
    }
    return { order, crew };
  }

  /**
   * Crew members (the holder among them) record while the order is open. ENG-07: a record the phone
   * queued offline is a named conflict once its author left the crew or the order was closed.
   */
  async function writableOrder(tx: Tx, auth: AuthContext, id: string, queuedAt: Date | null = null) {
    const order = await getWorkOrder(tx, auth.tenantId, id);
    const inCrew = order && (await listInspectionCrew(tx, auth.tenantId, id)).some((c) => c.personId === auth.personId);
    await assertNoOfflineConflict(
      tx,
      auth,
      order && inCrew ? { ...order, holderId: auth.personId } : order,
      'inspection',
      queuedAt,
    );
    const facts = await readableOrder(tx, auth, id);
    if (!isHolder(facts.order, viewerOf(auth)) && !facts.crew.some((c) => c.personId === auth.personId)) {
      throw new DomainError('WO_NOT_HOLDER', 'Only the inspection crew records the inspection', { id });
    }
    if (!isOpenStatus(facts.order.status)) {
      throw new DomainError('WO_INVALID_TRANSITION', `The order is ${facts.order.status}: the record is closed`, {
        status: facts.order.status,
      });
    }
    return facts;
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

  async function inspectionDetail(q: Db, auth: AuthContext, order: StoredWorkOrder) {
    const [crew, findings, notice, target] = await Promise.all([
      crewOf(q, auth.tenantId, order.id),
      listFindings(q, auth.tenantId, order.id),
      getNoticeByOrder(q, auth.tenantId, order.id),
      getTargetByOrder(q, auth.tenantId, order.id),
    ]);
    return {
      orderId: order.id,
      orderNumber: order.number,
      status: order.status,
      planId: target?.planId ?? null,
      minInspectors: policy.minInspectors,
      items: policy.items,
      hazardLevels: policy.hazardLevels,
      refusalReasons: policy.refusalReasons,
      crew,
      findings: findings.map((f) => ({ ...f, recordedAt: f.recordedAt.toISOString() })),
      notice: notice ? presentNotice(notice, await today(q, auth.tenantId)) : null,
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

    /** The notice from the hazards found; its deadline from the policy's shortest rectification time. */
    async issueNotice(auth: AuthContext, orderId: string, key: string | null, queuedAt: Date | null = null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'notice', orderId }, async () => {
          const { order, crew } = await writableOrder(tx, auth, orderId, queuedAt);
          assertInspectorCrew(
            policy,
            crew.map((c) => c.personId),
          );
          const hazards = (await listFindings(tx, auth.tenantId, order.id)).filter((f) => f.result === 'hazard');
          const issuedOn = await today(tx, auth.tenantId);
          const deadline = rectificationDeadline(
            policy,
            issuedOn,
            hazards.map((h) => h.hazardLevel!),
          );
          const notice = await insertNotice(tx, auth.tenantId, {
            orderId: order.id,
            number: `ZG-${order.number}`,
            hazards: hazards.map((h) => ({ item: h.item, level: h.hazardLevel!, note: h.note })),
            deadline,
            issuedAt: clock.now(),
            issuedBy: auth.personId,
          });
          if (!notice)
            throw new DomainError('CONFLICT', 'The notice of this inspection is issued already', { orderId });
          return inspectionDetail(tx, auth, order);
        }),
      );
    },

    /** The customer signs, or refuses and the reason is recorded; answered once. */
    async answerNotice(
      auth: AuthContext,
      noticeId: string,
      body: NoticeAnswerBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      const answer = {
        signed: body.signature !== undefined,
        refusalReason: body.refusalReason ?? null,
        refusalNote: body.refusalNote ?? null,
      };
      checkNoticeAnswer(policy, answer);
      const signature = body.signature === undefined ? null : decodeImage(body.signature);
      const signatureType = signature ? checkImage(pack.visit, signature, 'signature') : null;
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'notice-answer', noticeId, body }, async () => {
          const notice = await getNotice(tx, auth.tenantId, noticeId, { forUpdate: true });
          if (!notice) throw new DomainError('NOT_FOUND', 'Notice not found', { id: noticeId });
          const { order } = await writableOrder(tx, auth, notice.orderId, queuedAt);
          if (notice.signed !== null) {
            throw new DomainError('CONFLICT', 'The customer has answered this notice already', { id: noticeId });
          }
          await updateNotice(tx, auth.tenantId, notice.id, {
            signed: answer.signed,
            signature,
            signatureType,
            refusalReason: answer.refusalReason,
            refusalNote: answer.refusalNote,
            answeredAt: clock.now(),
          });
          return inspectionDetail(tx, auth, order);
        }),
      );
    },

    /** The hazard is fixed (checked by a re-visit or a photo): the notice leaves the overdue list. */
    async rectified(auth: AuthContext, noticeId: string, body: NoticeRectifiedBody, key: string | null) {
      require(auth, [...DISPATCHERS, 'onsite_engineer']);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'notice-rectified', noticeId, body }, async () => {
          const notice = await getNotice(tx, auth.tenantId, noticeId, { forUpdate: true });
          if (!notice) throw new DomainError('NOT_FOUND', 'Notice not found', { id: noticeId });
          await readableOrder(tx, auth, notice.orderId);
          if (notice.rectifiedAt) throw new DomainError('CONFLICT', 'Already recorded as rectified', { id: noticeId });
          const saved = await updateNotice(tx, auth.tenantId, notice.id, {
            rectifiedAt: clock.now(),
            rectifiedBy: auth.personId,
            rectifiedNote: body.note,
          });
          return presentNotice(saved, await today(tx, auth.tenantId));
        }),
      );
    },

    /** The printable notice: the notice, the order's customer and address, the crew, the items' names. */
    async notice(auth: AuthContext, noticeId: string) {
      const notice = await getNotice(db, auth.tenantId, noticeId);
      if (!notice) throw new DomainError('NOT_FOUND', 'Notice not found', { id: noticeId });
      const { order } = await readableOrder(db, auth, notice.orderId);
      return {
        notice: presentNotice(notice, await today(db, auth.tenantId)),
        order: { id: order.id, number: order.number, contactName: order.contactName, address: order.address },
        crew: await crewOf(db, auth.tenantId, order.id),
        items: policy.items,
        hazardLevels: policy.hazardLevels,
        refusalReasons: policy.refusalReasons,
      };
    },

    async noticeSignature(auth: AuthContext, noticeId: string) {
      const notice = await getNotice(db, auth.tenantId, noticeId);
      if (!notice) throw new DomainError('NOT_FOUND', 'Notice not found', { id: noticeId });
      await readableOrder(db, auth, notice.orderId);
      if (!notice.signature || !notice.signatureType)
        throw new DomainError('NOT_FOUND', 'No signature', { id: noticeId });
      return { data: notice.signature, contentType: notice.signatureType };
    },

    async overdue(auth: AuthContext, limit: number) {
      require(auth, READERS);
      const day = await today(db, auth.tenantId);
      const rows = await listOverdueNotices(db, auth.tenantId, { vendorId: auth.vendorId, today: day, limit });
      return {
        today: day,
        items: rows.map(({ notice, order }) => ({
          ...presentNotice(notice, day),
          order: { id: order.id, number: order.number, contactName: order.contactName, address: order.address },
        })),
      };
    },
  };
}

/** A notice as the API shows it: no image bytes (GET …/signature serves them), and whether it is overdue. */
export function presentNotice(n: StoredNotice, today: string) {
  const { signature, createdAt: _c, ...rest } = n;
  return {
    ...rest,
    hasSignature: signature !== null,
    issuedAt: n.issuedAt.toISOString(),
    answeredAt: n.answeredAt?.toISOString() ?? null,
    rectifiedAt: n.rectifiedAt?.toISOString() ?? null,
    overdue: isNoticeOverdue(n, today),
  };
}
