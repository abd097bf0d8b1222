import {
  deleteUnitWorkingHours,
  getOrgUnit,
  listAreaZones,
  listOrgUnits,
  listUnitWorkingHours,
  setAreaTimeZone,
  upsertUnitWorkingHours,
  zoneOf,
  type Db,
  type StoredUnitHours,
} from '@daowei/db';
import { DEFAULT_CALENDAR_SPEC, DomainError, isSupervisor, isTimeZone, parseWorkingHours } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import type { WorkingHoursBody } from './calendar-settings.schemas.js';

export type CalendarSettingsService = ReturnType<typeof createCalendarSettingsService>;

/**
 * SLA-01 settings that shape an order's calendar: each area's time zone (operator admins) and each
 * team's working hours (operator admins for any unit; a vendor's admins and managers for their own).
 * Edits apply to new clocks, to resumed ones and on re-evaluate; a stored deadline never moves by itself.
 */
export function createCalendarSettingsService({ db, clock }: { db: Db; clock: Clock }) {
  function requireViewer(auth: AuthContext): void {
    if (!isSupervisor(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Calendar settings are for coordinators, managers and admins', {
        position: auth.position,
      });
    }
  }

  /** The unit, if the caller may set its hours; another vendor's unit answers like a missing one (SEC-02). */
  async function editableUnit(auth: AuthContext, unitId: string) {
    const editors = auth.vendorId === null ? ['admin'] : ['admin', 'vendor_manager', 'station_manager'];
    if (!editors.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'Working hours are set by admins and managers', { position: auth.position });
    }
    const unit = await getOrgUnit(db, auth.tenantId, unitId);
    if (!unit || (auth.vendorId !== null && unit.vendorId !== auth.vendorId)) {
      throw new DomainError('NOT_FOUND', 'Unit not found', { id: unitId });
    }
    if (unit.kind !== 'team' && unit.kind !== 'station') {
      throw new DomainError('VALIDATION_FAILED', 'Working hours belong to a team or a station', { field: 'unitId' });
    }
    return unit;
  }

  const visible = (auth: AuthContext, h: StoredUnitHours): boolean =>
    auth.vendorId === null || h.vendorId === auth.vendorId;

  return {
    async areas(auth: AuthContext) {
      requireViewer(auth);
      const tenantZone = await zoneOf(db, auth.tenantId, null);
      // Vendor staff see the areas their own stations serve (SEC-02), the operator's staff all of them.
      const own =
        auth.vendorId === null
          ? null
          : new Set((await listOrgUnits(db, auth.tenantId, { vendorId: auth.vendorId })).map((u) => u.id));
      const areas = (await listAreaZones(db, auth.tenantId)).filter((a) => !own || own.has(a.stationId));
      const items = areas.map((a) => ({
        ...a,
        effectiveTimeZone: a.timeZone ?? tenantZone,
      }));
      return { tenantTimeZone: tenantZone, items };
    },

    async setAreaZone(auth: AuthContext, areaId: string, timeZone: string | null) {
      if (auth.position !== 'admin' || auth.vendorId !== null) {
        throw new DomainError('FORBIDDEN', 'Area time zones are set by the operator’s admins', {
          position: auth.position,
        });
      }
      if (timeZone !== null && !isTimeZone(timeZone)) {
        throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${timeZone}"`, { field: 'timeZone' });
      }
      const area = await setAreaTimeZone(db, auth.tenantId, areaId, timeZone);
      if (!area) throw new DomainError('NOT_FOUND', 'Area not found', { id: areaId });
      return { ...area, effectiveTimeZone: area.timeZone ?? (await zoneOf(db, auth.tenantId, null)) };
    },

    async workingHours(auth: AuthContext) {
      requireViewer(auth);
      const items = (await listUnitWorkingHours(db, auth.tenantId)).filter((h) => visible(auth, h)).map(hoursView);
      // What a unit without its own hours follows: the shipped office and evening shifts.
      return { shipped: { weekly: DEFAULT_CALENDAR_SPEC.hours.weekly, holidays: 'observe' as const }, items };
    },

    async setWorkingHours(auth: AuthContext, unitId: string, body: WorkingHoursBody) {
      const unit = await editableUnit(auth, unitId);
      const hours = parseWorkingHours(body);
      await upsertUnitWorkingHours(db, auth.tenantId, unit.id, hours, auth.personId, clock.now());
      const saved = (await listUnitWorkingHours(db, auth.tenantId)).find((h) => h.unitId === unit.id);
      return hoursView(saved!);
    },

    async deleteWorkingHours(auth: AuthContext, unitId: string) {
      const unit = await editableUnit(auth, unitId);
      if (!(await deleteUnitWorkingHours(db, auth.tenantId, unit.id))) {
        throw new DomainError('NOT_FOUND', 'The unit has no own working hours', { id: unitId });
      }
      return { unitId, removed: true };
    },
  };
}

function hoursView(h: StoredUnitHours) {
  return {
    unitId: h.unitId,
    unitCode: h.unitCode,
    unitName: h.unitName,
    unitKind: h.unitKind,
    parentId: h.parentId,
    ...h.hours,
    updatedAt: h.updatedAt.toISOString(),
  };
}
