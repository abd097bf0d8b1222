import { getNoticeByOrder, listCrewOrdersNotHeld, type Db } from '@daowei/db';
import { DomainError, OPEN_STATUSES } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { crewOf } from './inspection-crew.js';
import type { InspectionService } from './inspections.service.js';
import type { NoticeAnswerBody } from './planned-work.schemas.js';

/**
 * WO-17 on the inspectors' phones, beside the inspection service: the second member's to-do entries
 * (the order is held by the lead, so the ordinary to-do list never shows it to him), and the answer to
 * an order's notice reached by the order — a phone that issued the notice offline does not know the
 * notice's id yet when the customer signs it (ENG-07).
 */
export function createInspectionPhoneService({ db, inspections }: { db: Db; inspections: InspectionService }) {
  return {
    async crewTodo(auth: AuthContext) {
      const orders = await listCrewOrdersNotHeld(db, auth.tenantId, auth.personId, OPEN_STATUSES);
      const items = [];
      for (const o of orders) {
        const crew = await crewOf(db, auth.tenantId, o.id);
        const lead = crew.find((c) => c.lead);
        items.push({
          orderId: o.id,
          number: o.number,
          status: o.status,
          contactName: o.contactName,
          address: o.address,
          appointment: o.appointment
            ? { start: o.appointment.start.toISOString(), end: o.appointment.end.toISOString() }
            : null,
          lead: lead ? { personId: lead.personId, name: lead.name } : null,
          role: 'second' as const,
        });
      }
      return { items };
    },

    async answerOfOrder(
      auth: AuthContext,
      orderId: string,
      body: NoticeAnswerBody,
      key: string | null,
      queuedAt: Date | null,
    ) {
      const notice = await getNoticeByOrder(db, auth.tenantId, orderId);
      if (!notice) throw new DomainError('NOT_FOUND', 'No rectification notice on this order', { id: orderId });
      return inspections.answerNotice(auth, notice.id, body, key, queuedAt);
    },
  };
}

export type InspectionPhoneService = ReturnType<typeof createInspectionPhoneService>;
