import type { Db } from '@daowei/db';
import { DEFAULT_PLANNED_WORK_POLICY, type PlannedWorkPolicy, type PolicyPack } from '@daowei/domain';
import type { Clock } from '../../platform/clock.js';
import type { TenantCalendars } from '../calendar/tenant-calendar.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import { createCareAgreementService } from './care-agreements.service.js';
import { createCareVisitService } from './care-visits.service.js';
import { createInspectionPhoneService } from './inspection-phone.service.js';
import { createInspectionService } from './inspections.service.js';

/** WO-16/WO-17 services, spread into the container (the default planned-work pack until chosen per tenant). */
export function plannedWorkServices(deps: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  workOrders: Pick<WorkOrderService, 'createIn' | 'actIn'>;
  calendars: TenantCalendars;
  planned?: PlannedWorkPolicy;
}) {
  const planned = deps.planned ?? DEFAULT_PLANNED_WORK_POLICY;
  const careAgreements = createCareAgreementService({ ...deps, planned });
  const inspections = createInspectionService({ ...deps, planned });
  return {
    plannedWork: planned,
    careAgreements,
    careVisits: createCareVisitService({ ...deps, planned, agreements: careAgreements }),
    inspections,
    inspectionPhone: createInspectionPhoneService({ db: deps.db, inspections }),
  };
}
