import {
  addShift,
  deleteShift,
  getPerson,
  getShift,
  getTenant,
  listPeople,
  listPositionsOf,
  listShifts,
  type Db,
} from '@daowei/db';
import { addDays, DomainError, expandWeeklyPattern, isWorker, zonedDateTime, type Position } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { RosterBody, ShiftsQuery } from './shifts.schemas.js';

export type ShiftsService = ReturnType<typeof createShiftsService>;

/** Who plans rosters: the people who plan the work. */
const PLANNERS: readonly Position[] = ['coordinator', 'team_lead', 'station_manager', 'admin'];
/** The longest range one roster view covers (a month and a bit). */
const MAX_VIEW_DAYS = 42;

/**
 * ORG-06 rosters, including evening and weekend shifts (错时服务): planners see the field staff of their
 * own vendor (operator staff: everyone) with their shifts over a few days, roster a weekly line for
 * several people at once (overlapping an existing shift is skipped, not doubled), and take a shift
 * out. The dispatch planner reads the same shifts (plan-request.adapter.ts).
 */
export function createShiftsService({ db, clock }: { db: Db; clock: Clock }) {
  function requirePlanner(auth: AuthContext) {
    if (!PLANNERS.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Rosters are planned by coordinators, team leads and managers', {
        position: auth.position,
      });
    }
  }

  async function timeZoneOf(tx: Db, tenantId: string) {
    return (await getTenant(tx, tenantId))?.timeZone ?? 'Asia/Shanghai';
  }

  /** The caller's vendor's field staff (a person of another vendor or tenant is not there). */
  async function staff(tx: Db, auth: AuthContext) {
    const people = await listPeople(tx, auth.tenantId, { vendorId: auth.vendorId, activeOnly: true });
    const positions = await listPositionsOf(
      tx,
      auth.tenantId,
      people.map((p) => p.id),
    );
    return people.filter((p) => (positions.get(p.id) ?? []).some(isWorker));
  }

  return {
    async list(auth: AuthContext, q: ShiftsQuery) {
      requirePlanner(auth);
      if (q.to < q.from || addDays(q.from, MAX_VIEW_DAYS) < q.to) {
        throw new DomainError('VALIDATION_FAILED', `Show 1 to ${MAX_VIEW_DAYS} days`, { field: 'to' });
      }
      const tz = await timeZoneOf(db, auth.tenantId);
      const people = await staff(db, auth);
      const shifts = await listShifts(db, auth.tenantId, {
        from: zonedDateTime(q.from, '00:00', tz),
        to: zonedDateTime(addDays(q.to, 1), '00:00', tz),
        personIds: people.map((p) => p.id),
      });
      return {
        timeZone: tz,
        people: people.map((p) => ({ id: p.id, name: p.name, unitId: p.unitId })),
        items: shifts.map((s) => ({
          id: s.id,
          personId: s.personId,
          kind: s.kind,
          start: s.start.toISOString(),
          end: s.end.toISOString(),
        })),
      };
    },

    async roster(auth: AuthContext, body: RosterBody, key: string | null) {
      requirePlanner(auth);
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'shifts.roster', body }, async () => {
          const tz = await timeZoneOf(tx, auth.tenantId);
          const visible = new Set((await staff(tx, auth)).map((p) => p.id));
          const unknown = body.personIds.find((id) => !visible.has(id));
          if (unknown) throw new DomainError('VALIDATION_FAILED', 'No such field engineer', { field: 'personIds' });
          let created = 0;
          let skipped = 0;
          for (const personId of body.personIds) {
            const planned = expandWeeklyPattern(
              { tenantId: auth.tenantId, personId, ...body },
              body.fromDate,
              body.toDate,
              tz,
            );
            if (planned.length === 0) continue;
            const existing = await listShifts(tx, auth.tenantId, {
              from: planned[0]!.start,
              to: planned.at(-1)!.end,
              personIds: [personId],
            });
            for (const s of planned) {
              const clash = existing.some((e) => e.start < s.end && s.start < e.end);
              if (clash) {
                skipped++;
                continue;
              }
              await addShift(tx, auth.tenantId, { personId, start: s.start, end: s.end, kind: s.kind });
              created++;
            }
          }
          return { created, skipped, at: clock.now().toISOString() };
        }),
      );
    },

    async remove(auth: AuthContext, id: string) {
      requirePlanner(auth);
      const shift = await getShift(db, auth.tenantId, id);
      const person = shift ? await getPerson(db, auth.tenantId, shift.personId) : null;
      if (!shift || !person || (auth.vendorId && person.vendorId !== auth.vendorId)) {
        throw new DomainError('NOT_FOUND', 'Shift not found', { id });
      }
      await deleteShift(db, auth.tenantId, id);
      return { id };
    },
  };
}
