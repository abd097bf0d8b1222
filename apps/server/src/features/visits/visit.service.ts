import {
  countAttachments,
  getAttachmentData,
  getConfirmation,
  getForUpdate,
  getWorkOrder,
  insertAttachment,
  insertConfirmation,
  insertConsent,
  listAttachments,
  listChecklistTicks,
  listConsents,
  tickChecklist,
  appendEvent,
  listOrderEventsByAction,
  type Db,
  type StoredWorkOrder,
  type Tx,
} from '@daowei/db';
import {
  assertDiagnosisRecorded,
  assertSpeedTestPresent,
  checkDiagnosis,
  canSeeOrder,
  checkChecklist,
  checkConfirmation,
  checkConsent,
  checkImage,
  DomainError,
  isHolder,
  isOpenStatus,
  type PolicyPack,
  type VisitPolicy,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { assertNoOfflineConflict } from './offline-conflict.js';
import { DEFAULT_PLANNED_WORK_POLICY } from '@daowei/domain';
import { assertCareReadyToSign } from '../planned-work/care-sign-check.js';
import { viewerOf } from '../../http/viewer.js';
import type { AttachmentBody, ChecklistBody, ConfirmationBody, ConsentBody, DiagnosisBody } from './visit.schemas.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';

/** Base64 (bare or as a data URL) to bytes; the domain then checks size and magic bytes. */
export function decodeImage(data: string): Uint8Array {
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(data.slice(comma + 1), 'base64'));
}

/**
 * WO-14: a slow-speed fault completes only with a speed-test screenshot. Called by the work-order
 * service inside the completing transaction (the same place PART-03 is checked).
 */
export async function assertVisitReadyToComplete(tx: Db, policy: VisitPolicy, order: StoredWorkOrder) {
  assertSpeedTestPresent(policy, order, await countAttachments(tx, order.tenantId, order.id, 'speed_test'));
  const { visited, diagnosis } = await diagnosisOfVisit(tx, order);
  assertDiagnosisRecorded(policy, order, { visited, diagnosed: diagnosis !== null }); // ENG-05
}

/**
 * ENG-05: "this visit" starts at the last departure; it needs a diagnosis once the engineer checked in
 * on it (a trip ended before arriving — the customer called it off on the way — has nothing observed on
 * site). The diagnosis of the visit is the latest one since the departure (a re-diagnosis supersedes,
 * the history keeps both). `last`: the latest ever, what the order page shows once the visit is over.
 */
export async function diagnosisOfVisit(q: Db, order: StoredWorkOrder) {
  const events = await listOrderEventsByAction(q, order.tenantId, [order.id], ['depart', 'arrive', 'diagnosis']);
  const lastSeq = (action: string) => events.filter((e) => e.action === action).reduce((m, e) => Math.max(m, e.seq), 0);
  const since = lastSeq('depart');
  const last =
    events
      .filter((e) => e.action === 'diagnosis')
      .sort((a, b) => a.seq - b.seq)
      .at(-1) ?? null;
  const current = last && since > 0 && last.seq > since ? last : null;
  return { visited: since > 0 && lastSeq('arrive') > since, diagnosis: current, last };
}

/**
 * ENG-03/04/06, WO-14: what the engineer records on site. Writes are the holder's, while the order is
 * open, each in one transaction with the order row locked (a reassignment cannot interleave) and an
 * Idempotency-Key honoured (ENG-07 offline retries); anyone who may see the order may read.
 */
export function createVisitService({
  db,
  clock,
  policy,
  slaPolicies,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  /** SLA-07: the tenant's current SLA policy version (how early to arrive), not the shipped one. */
  slaPolicies?: TenantSlaPolicies;
}) {
  const visit = policy.visit;
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);
  const notFound = (id: string) => new DomainError('NOT_FOUND', 'Work order not found', { id });

  async function readable(auth: AuthContext, id: string) {
    const order = await getWorkOrder(db, auth.tenantId, id);
    if (!order || !canSeeOrder(order, viewerOf(auth))) throw notFound(id);
    return order;
  }

  /** The order locked for a write by its holder while it is open; others hear why not. */
  async function writable(tx: Tx, auth: AuthContext, id: string, op: string, queuedAt: Date | null) {
    const order = await getForUpdate(tx, auth.tenantId, id);
    await assertNoOfflineConflict(tx, auth, order, op, queuedAt); // ENG-07
    if (!order || !canSeeOrder(order, viewerOf(auth))) throw notFound(id);
    if (!isHolder(order, viewerOf(auth))) {
      throw new DomainError('WO_NOT_HOLDER', 'Only the engineer holding the order records the visit', { id });
    }
    if (!isOpenStatus(order.status)) {
      throw new DomainError('WO_INVALID_TRANSITION', `The order is ${order.status}: the visit record is closed`, {
        status: order.status,
      });
    }
    return order;
  }

  function write<T>(
    auth: AuthContext,
    id: string,
    op: string,
    body: unknown,
    key: string | null,
    queuedAt: Date | null,
    fn: (tx: Tx, order: StoredWorkOrder) => Promise<T>,
  ) {
    return db.transaction((tx) =>
      runIdempotent(tx, auth, key, { op, id, body }, async () => fn(tx, await writable(tx, auth, id, op, queuedAt))),
    );
  }

  const iso = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));

  return {
    async addConsent(
      auth: AuthContext,
      id: string,
      body: ConsentBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      checkConsent(visit, body);
      const signature = decodeImage(body.signature);
      const signatureType = checkImage(visit, signature, 'signature');
      return write(auth, id, 'consent', body, key, queuedAt, async (tx, order) =>
        iso(
          await insertConsent(tx, auth.tenantId, {
            orderId: order.id,
            kind: body.kind,
            backupConfirmed: body.backupConfirmed ?? false,
            quotedPriceFen: body.quotedPriceFen ?? null,
            note: body.note ?? null,
            signature,
            signatureType,
            signedAt: clock.now(),
            recordedBy: auth.personId,
          }),
        ),
      );
    },

    async consents(auth: AuthContext, id: string) {
      const order = await readable(auth, id);
      const items = await listConsents(db, auth.tenantId, order.id);
      return { kinds: visit.consents, items: items.map(iso) };
    },

    async addAttachment(
      auth: AuthContext,
      id: string,
      body: AttachmentBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      const data = decodeImage(body.data);
      const contentType = checkImage(visit, data, 'data');
      return write(auth, id, 'attachment', body, key, queuedAt, async (tx, order) =>
        iso(
          await insertAttachment(tx, auth.tenantId, {
            orderId: order.id,
            kind: body.kind,
            contentType,
            data,
            caption: body.caption ?? null,
            uploadedBy: auth.personId,
            uploadedAt: clock.now(),
          }),
        ),
      );
    },

    async attachments(auth: AuthContext, id: string) {
      const order = await readable(auth, id);
      const items = await listAttachments(db, auth.tenantId, order.id);
      return { items: items.map(iso) };
    },

    /** The image itself, with the type sniffed at upload (never the client's claim). */
    async attachmentData(auth: AuthContext, id: string, attachmentId: string) {
      const order = await readable(auth, id);
      const row = await getAttachmentData(db, auth.tenantId, order.id, attachmentId);
      if (!row) throw new DomainError('NOT_FOUND', 'Attachment not found', { id: attachmentId });
      return row;
    },

    async tick(auth: AuthContext, id: string, body: ChecklistBody, key: string | null, queuedAt: Date | null = null) {
      return write(auth, id, 'checklist', body, key, queuedAt, async (tx, order) => {
        checkChecklist(visit, order, body.steps);
        await tickChecklist(tx, auth.tenantId, {
          orderId: order.id,
          steps: body.steps,
          doneAt: clock.now(),
          doneBy: auth.personId,
        });
        return checklistOf(tx, order);
      });
    },

    async checklist(auth: AuthContext, id: string) {
      return checklistOf(db, await readable(auth, id));
    },

    async confirm(
      auth: AuthContext,
      id: string,
      body: ConfirmationBody,
      key: string | null,
      queuedAt: Date | null = null,
    ) {
      checkConfirmation(visit, {
        satisfaction: body.satisfaction,
        declinedToSign: body.declinedToSign,
        hasSignature: body.signature !== undefined,
      });
      const signature = body.signature === undefined ? null : decodeImage(body.signature);
      const signatureType = signature ? checkImage(visit, signature, 'signature') : null;
      return write(auth, id, 'confirmation', body, key, queuedAt, async (tx, order) => {
        await assertCareReadyToSign(tx, DEFAULT_PLANNED_WORK_POLICY, order); // WO-16: valuables checked first
        const saved = await insertConfirmation(tx, auth.tenantId, {
          orderId: order.id,
          satisfaction: body.satisfaction,
          comment: body.comment ?? null,
          declinedToSign: body.declinedToSign,
          signature,
          signatureType,
          confirmedAt: clock.now(),
          recordedBy: auth.personId,
        });
        if (!saved) throw new DomainError('CONFLICT', 'The customer has already confirmed this visit', { id });
        return iso(saved);
      });
    },

    async confirmation(auth: AuthContext, id: string) {
      const order = await readable(auth, id);
      const saved = await getConfirmation(db, auth.tenantId, order.id);
      return { satisfactionMax: visit.satisfactionMax, confirmation: saved ? iso(saved) : null };
    },

    /**
     * ENG-05: the engineer's diagnosis, written into the order's history (status unchanged) so the
     * desk, the callback and the next engineer read it where they read everything else. On site only:
     * it is what was seen there. The finding is internal, so no forbidden-phrase check (DESK-04).
     */
    async diagnose(auth: AuthContext, id: string, body: DiagnosisBody, key: string | null, queuedAt: Date | null) {
      checkDiagnosis(visit, body);
      return write(auth, id, 'diagnosis', body, key, queuedAt, async (tx, order) => {
        // After the check-in of the current trip: on site, or put on hold / resumed since (waiting for a
        // part) — else a visited fault resumed without a new trip could never be diagnosed nor completed.
        if (!(await diagnosisOfVisit(tx, order)).visited) {
          throw new DomainError('WO_INVALID_TRANSITION', 'The diagnosis is recorded on site, after the check-in', {
            status: order.status,
          });
        }
        const { symptomReproduced, observedMinutes, causeCategory, finding } = body;
        await appendEvent(tx, auth.tenantId, {
          orderId: order.id,
          action: 'diagnosis',
          fromStatus: order.status,
          toStatus: order.status,
          actorId: auth.personId,
          actorPosition: auth.position,
          at: clock.now(),
          payload: { symptomReproduced, observedMinutes, causeCategory, finding },
        });
        return diagnosisView(tx, order);
      });
    },

    async diagnosis(auth: AuthContext, id: string) {
      return diagnosisView(db, await readable(auth, id));
    },
  };

  /** ENG-05: the limit the phone shows, the diagnosis of the current visit and the latest one ever. */
  async function diagnosisView(q: Db, order: StoredWorkOrder) {
    const { diagnosis, last } = await diagnosisOfVisit(q, order);
    const show = (e: typeof last) =>
      e && { ...e.payload, recordedAt: e.at.toISOString(), recordedBy: e.actorId, seq: e.seq };
    return {
      maxObservedMinutes: visit.diagnosis.maxObservedMinutes,
      required: visit.diagnosis.requiredFor.includes(order.type),
      diagnosis: show(diagnosis),
      last: show(last),
    };
  }

  /**
   * ENG-03: the order type's steps (policy data) with when each was ticked; ENG-02: the kit to take and
   * the numbers the phone needs to suggest the departure time (it works them out offline too).
   */
  async function checklistOf(q: Db, order: StoredWorkOrder) {
    const ticks = await listChecklistTicks(q, order.tenantId, order.id);
    const steps = (visit.checklists[order.type] ?? []).map((s) => {
      const t = ticks.find((x) => x.step === s.code);
      return { ...s, doneAt: t ? t.doneAt.toISOString() : null, doneBy: t?.doneBy ?? null };
    });
    const { appointment } = await slaPolicyOf(q, order.tenantId);
    const departure = { ...visit.departure, arriveEarlyMinutes: appointment.arriveEarlyMinutes };
    // APT-03 / WO-15: what the phone needs for the doorstep protocol and the change report, offline too.
    const { minWaitMinutes, callOutcomes, neighbourOutcomes, notePhotoRequired } = visit.noAccess;
    const noAccess = { minWaitMinutes, callOutcomes, neighbourOutcomes, notePhotoRequired };
    const resourceChangeKinds = visit.resourceChange.kinds;
    // ENG-05: the observation limit, so the phone's diagnosis form checks it offline too.
    const diagnosis = {
      maxObservedMinutes: visit.diagnosis.maxObservedMinutes,
      required: visit.diagnosis.requiredFor.includes(order.type),
    };
    return { steps, kit: visit.kit[order.type] ?? [], departure, noAccess, resourceChangeKinds, diagnosis };
  }
}

export type VisitService = ReturnType<typeof createVisitService>;
