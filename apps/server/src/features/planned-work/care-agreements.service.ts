import {
  findOrCreateCustomer,
  getCareAgreement,
  getPerson,
  insertCareAgreement,
  listActiveCareAgreementIds,
  listPositions,
  insertCareVisit,
  listAgreementVisitDates,
  listAgreementVisits,
  listCareAgreements,
  listCareVisitCalls,
  listPlannedVisitsFrom,
  listUpcomingCareVisits,
  updateCareAgreement,
  updateCareVisit,
  type Db,
  type StoredCareAgreement,
  type StoredCareVisit,
  type Tx,
} from '@daowei/db';
import {
  addDays,
  careVisitWindow,
  checkAgreementContents,
  DomainError,
  localDate,
  planCareVisits,
  type BusinessCalendar,
  type PlannedWorkPolicy,
  type Position,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import type { AgreementBody, AgreementStatusBody, AgreementsQuery, UpcomingQuery } from './planned-work.schemas.js';
import { seesVendor, vendorFor, vendorPerson } from './placement.js';

/** Who keeps agreements and plans: they may open orders, dispatch and cancel them (WO-01/06). */
export const PLANNERS: readonly Position[] = ['coordinator', 'station_manager', 'admin'];
/** Who may read them as well (the station's desk and managers). */
const READERS: readonly Position[] = [
  ...PLANNERS,
  'team_lead',
  'hotline_agent',
  'vendor_manager',
  'monitor',
  'support',
];
/** Orders not yet started: pausing or ending an agreement cancels these. */
const NOT_STARTED = ['created', 'triaged', 'assigned', 'taken', 'appointment_confirmed', 'returned'];

export type CareAgreementService = ReturnType<typeof createCareAgreementService>;

/** A public holiday or a tenant closure day — not a plain weekend (home care works weekends). */
export function holidayOf(calendar: BusinessCalendar) {
  return (date: string) => {
    const day = calendar.dayOf(date);
    return !day.working && day.source !== 'weekly' ? (day.name ?? 'closed') : null;
  };
}

/**
 * WO-16: service agreements and the visits they generate. Generation runs with the agreement row
 * locked and the (agreement, scheduled date) pair unique, so re-running it — by the planner, the
 * daily job or two at once — never duplicates a visit; each visit is a care_visit order made through
 * the work-order service (numbering, events, SLA clocks) and offered to the agreement's carer.
 */
export function createCareAgreementService({
  db,
  clock,
  planned,
  workOrders,
  calendars,
}: {
  db: Db;
  clock: Clock;
  planned: PlannedWorkPolicy;
  workOrders: Pick<WorkOrderService, 'createIn' | 'actIn'>;
  calendars: TenantCalendars;
}) {
  const policy = planned.care;
  const notFound = (id: string) => new DomainError('NOT_FOUND', 'Agreement not found', { id });

  function require(auth: AuthContext, positions: readonly Position[]) {
    if (!positions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', `This needs one of the positions: ${positions.join(', ')}`);
    }
  }

  async function visible(q: Db, auth: AuthContext, id: string, forUpdate = false) {
    const a = await getCareAgreement(q, auth.tenantId, id, { forUpdate });
    if (!a || !seesVendor(auth, a.vendorId)) throw notFound(id);
    return a;
  }

  /** Generates the missing visits up to the policy's horizon; returns how many orders were made. */
  async function generateIn(tx: Tx, auth: AuthContext, agreement: StoredCareAgreement, aheadDays = 0) {
    if (agreement.status !== 'active') return { created: 0, skipped: 0 };
    const calendar = await calendars(tx, auth.tenantId);
    const now = clock.now();
    const today = localDate(now, calendar.timeZone);
    const plan = planCareVisits(
      {
        schedule: agreement.schedule,
        startDate: agreement.startDate,
        endDate: agreement.endDate,
        holidayHandling: agreement.holidayHandling,
        today,
        aheadDays: Math.max(aheadDays, policy.generateAheadDays),
        known: await listAgreementVisitDates(tx, auth.tenantId, agreement.id),
      },
      holidayOf(calendar),
    );
    let created = 0;
    let skipped = 0;
    for (const p of plan) {
      const row = await insertCareVisit(tx, auth.tenantId, {
        agreementId: agreement.id,
        occurrenceDate: p.occurrenceDate,
        plannedDate: p.plannedDate,
        holiday: p.holiday,
        state: p.plannedDate ? 'planned' : 'skipped',
        contents: agreement.contents,
      });
      if (!row || !p.plannedDate) {
        if (row) skipped++;
        continue;
      }
      const order = await workOrders.createIn(tx, auth, {
        type: 'care_visit',
        vendorId: agreement.vendorId,
        priority: 'normal',
        acceptanceSerial: `CARE-${agreement.id.slice(0, 8)}-${p.occurrenceDate}`,
        product: 'home_care',
        business: 'recurring_visit',
        productNumber: `HC-${agreement.id.slice(0, 8)}`,
        customer: { name: agreement.contactName, phone: agreement.contactPhone, address: agreement.address },
        ...(agreement.areaId ? { areaId: agreement.areaId } : {}),
        appointment: careVisitWindow(agreement.schedule, p.plannedDate, calendar.timeZone),
        warranty: 'unknown',
      } as Parameters<WorkOrderService['createIn']>[2]);
      await updateCareVisit(tx, auth.tenantId, row.id, { orderId: order.id });
      if (agreement.carerId) {
        await workOrders.actIn(tx, auth, order.id, {
          action: 'dispatch',
          toPersonId: agreement.carerId,
          remark: p.holiday ? `care visit moved from ${p.occurrenceDate} (${p.holiday})` : 'care visit',
        });
      }
      created++;
    }
    return { created, skipped };
  }

  async function detailOf(q: Db, auth: AuthContext, a: StoredCareAgreement) {
    const visits = await listAgreementVisits(q, auth.tenantId, a.id);
    const calls = await listCareVisitCalls(
      q,
      auth.tenantId,
      visits.map((v) => v.visit.id),
    );
    const { timeZone } = await calendars(q, auth.tenantId);
    return {
      ...presentAgreement(a),
      visits: visits.map(({ visit, order }) => ({
        ...presentVisit(visit, order?.appointmentStart ?? null, timeZone),
        order: order?.id
          ? { ...order, appointmentStart: iso(order.appointmentStart), appointmentEnd: iso(order.appointmentEnd) }
          : null,
        calls: calls.filter((c) => c.visitId === visit.id).map((c) => ({ ...c, calledAt: c.calledAt.toISOString() })),
      })),
    };
  }

  /**
   * The agreement's planner, for generation nobody clicked (the daily job): its creator in a planning
   * position they still hold, or null (then the agreement waits for a planner to generate).
   */
  async function plannerContext(q: Db, tenantId: string, a: StoredCareAgreement): Promise<AuthContext | null> {
    const person = await getPerson(q, tenantId, a.createdBy);
    const positions = person?.active ? await listPositions(q, tenantId, person.id) : [];
    const position = PLANNERS.find((p) => positions.includes(p));
    if (!person || !position) return null;
    return {
      tenantId,
      personId: person.id,
      personName: person.name,
      position,
      positions,
      unitIds: [person.unitId],
      vendorId: person.vendorId,
      sessionId: 'care.generate',
    };
  }

  return {
    generateIn,

    /** The daily job: every active agreement of every tenant filled up to the horizon, one transaction each. */
    async generateDue() {
      let created = 0;
      for (const { tenantId, id } of await listActiveCareAgreementIds(db)) {
        created += await db.transaction(async (tx) => {
          const a = await getCareAgreement(tx, tenantId, id, { forUpdate: true });
          const auth = a && (await plannerContext(tx, tenantId, a));
          return a && auth ? (await generateIn(tx, auth, a)).created : 0;
        });
      }
      return { created };
    },

    async create(auth: AuthContext, body: AgreementBody, key: string | null) {
      require(auth, PLANNERS);
      checkAgreementContents(policy, body.contents);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'care-agreement', body }, async () => {
          const vendorId = await vendorFor(tx, auth, body);
          if (body.carerId) await vendorPerson(tx, auth, vendorId, body.carerId, 'carerId');
          const { customer } = await findOrCreateCustomer(tx, auth.tenantId, {
            name: body.customer.name,
            phone: body.customer.phone,
            address: body.customer.address,
            areaId: body.areaId ?? null,
          });
          const agreement = await insertCareAgreement(tx, auth.tenantId, {
            vendorId,
            customerId: customer.id,
            contactName: body.customer.name,
            contactPhone: body.customer.phone,
            address: body.customer.address,
            areaId: body.areaId ?? null,
            contents: body.contents,
            schedule: body.schedule,
            holidayHandling: body.holidayHandling ?? policy.defaultHolidayHandling,
            startDate: body.startDate,
            endDate: body.endDate ?? null,
            carerId: body.carerId ?? null,
            note: body.note ?? null,
            status: 'active',
            statusReason: null,
            statusChangedAt: null,
            createdBy: auth.personId,
          });
          const generated = await generateIn(tx, auth, agreement);
          return { ...(await detailOf(tx, auth, agreement)), generated };
        }),
      );
    },

    async list(auth: AuthContext, q: AgreementsQuery) {
      require(auth, READERS);
      const rows = await listCareAgreements(db, auth.tenantId, {
        vendorId: auth.vendorId,
        status: q.status,
        limit: q.limit,
      });
      return { items: rows.map(presentAgreement) };
    },

    async get(auth: AuthContext, id: string) {
      require(auth, READERS);
      return detailOf(db, auth, await visible(db, auth, id));
    },

    /** Fills the horizon now (the daily job does the same); answers what was made. */
    async generate(auth: AuthContext, id: string, key: string | null) {
      require(auth, PLANNERS);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'care-generate', id }, async () => {
          const a = await visible(tx, auth, id, true);
          const generated = await generateIn(tx, auth, a);
          return { ...(await detailOf(tx, auth, a)), generated };
        }),
      );
    },

    /**
     * Pause, resume or end. Pausing or ending cancels the generated visits that have not started
     * (their orders are cancelled with the reason); resuming generates again from today.
     */
    async setStatus(auth: AuthContext, id: string, body: AgreementStatusBody, key: string | null) {
      require(auth, PLANNERS);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'care-status', id, body }, async () => {
          const a = await visible(tx, auth, id, true);
          if (a.status === 'ended') {
            throw new DomainError('CONFLICT', 'The agreement has ended', { status: a.status });
          }
          if (a.status === body.status) {
            throw new DomainError('CONFLICT', `The agreement is ${a.status} already`, { status: a.status });
          }
          const updated = await updateCareAgreement(tx, auth.tenantId, a.id, {
            status: body.status,
            statusReason: body.reason,
            statusChangedAt: clock.now(),
          });
          let cancelled = 0;
          if (body.status !== 'active') {
            const calendar = await calendars(tx, auth.tenantId);
            const today = localDate(clock.now(), calendar.timeZone);
            for (const { visit, order } of await listPlannedVisitsFrom(tx, auth.tenantId, a.id, today)) {
              if (order?.id && !NOT_STARTED.includes(order.status ?? '')) continue;
              if (order?.id) {
                await workOrders.actIn(tx, auth, order.id, { action: 'cancel', reason: body.reason });
              }
              await updateCareVisit(tx, auth.tenantId, visit.id, { state: 'cancelled', cancelReason: body.reason });
              cancelled++;
            }
          }
          const generated = await generateIn(tx, auth, updated);
          return { ...(await detailOf(tx, auth, updated)), cancelled, generated };
        }),
      );
    },

    /** Planned visits in a date range (default: today and the policy's horizon), across agreements. */
    async upcoming(auth: AuthContext, q: UpcomingQuery) {
      require(auth, READERS);
      const calendar = await calendars(db, auth.tenantId);
      const from = q.from ?? localDate(clock.now(), calendar.timeZone);
      const to = q.to ?? addDays(from, policy.generateAheadDays);
      const rows = await listUpcomingCareVisits(db, auth.tenantId, {
        vendorId: auth.vendorId,
        from,
        to,
        limit: q.limit,
        timeZone: calendar.timeZone,
      });
      return {
        from,
        to,
        items: rows.map(({ visit, order, agreement }) => ({
          ...presentVisit(visit, order?.appointmentStart ?? null, calendar.timeZone),
          agreement,
          order: order?.id
            ? { ...order, appointmentStart: iso(order.appointmentStart), appointmentEnd: iso(order.appointmentEnd) }
            : null,
        })),
      };
    },
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentAgreement(a: StoredCareAgreement) {
  const { version: _v, createdAt, statusChangedAt, ...rest } = a;
  return { ...rest, createdAt: createdAt.toISOString(), statusChangedAt: iso(statusChangedAt) };
}

/**
 * A visit as the API shows it. `plannedDate` is the day it takes place: the order's appointment when
 * the visit was moved through it (APT-01/02 reschedule), else the generated date.
 */
export function presentVisit(v: StoredCareVisit, appointmentStart: Date | null = null, timeZone?: string) {
  return {
    ...v,
    plannedDate: appointmentStart && timeZone ? localDate(appointmentStart, timeZone) : v.plannedDate,
    contentConfirmedAt: iso(v.contentConfirmedAt),
    evaluatedAt: iso(v.evaluatedAt),
    nextBookedAt: iso(v.nextBookedAt),
    createdAt: v.createdAt.toISOString(),
  };
}
