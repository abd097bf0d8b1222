import { getNotice, insertNotice, listFindings, listOverdueNotices, updateNotice } from '@daowei/db';
import { assertInspectorCrew, checkImage, checkNoticeAnswer, DomainError, rectificationDeadline } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { runIdempotent } from '../../platform/idempotency.js';
import {
  DISPATCHERS,
  presentNotice,
  READERS,
  type InspectionAccess,
  type InspectionDeps,
} from './inspection-access.js';
import { crewOf, decodeImage } from './inspection-crew.js';
import type { NoticeAnswerBody, NoticeRectifiedBody } from './planned-work.schemas.js';

/**
 * WO-17: the rectification notice of an inspection's hazards, with its deadline; the customer signs it
 * or refuses with a reason; the fix is recorded; overdue notices are listed; the printable notice.
 */
export function createInspectionNoticeService(
  { db, clock, policy: pack }: InspectionDeps,
  { policy, require, today, readableOrder, writableOrder, inspectionDetail }: InspectionAccess,
) {
  return {
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
