import type { Db } from '@daowei/db';
import {
  DEFAULT_DISPATCH_POLICY,
  DEFAULT_PARTS_POLICY,
  DEFAULT_PAY_POLICY,
  type DispatchPolicy,
  type PartsPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { Clock } from './platform/clock.js';
import type { JobQueue } from './platform/jobs.js';
import { DEFAULT_DESK_POLICY, type DeskPolicy } from '@daowei/domain';
import { createScriptsService } from './features/desk/scripts.service.js';
import { createSelfServiceService } from './features/desk/self-service.service.js';
import { createIntakeService } from './features/desk/intake.service.js';
import { createDeskTasksService } from './features/desk/desk-tasks.service.js';
import { createCarryInService } from './features/desk/carry-in.service.js';
import { createCustomerMessagesService } from './features/desk/customer-messages.service.js';
import { createDeskNotices } from './features/desk/desk-notices.js';
import { createCoverageClaimsService } from './features/desk/coverage-claims.service.js';
import { createBatchIncidentService } from './features/desk/batch-incidents.service.js';
import { createDeskPromises } from './features/desk/desk-promises.js';
import { createSelfServiceReportService } from './features/desk/self-service-report.service.js';
import { createShiftsService } from './features/shifts/shifts.service.js';
import { createSlaService } from './features/sla/sla.service.js';
import { createSlaPolicyService } from './features/sla/sla-policy.service.js';
import { createTenantSlaPolicies } from './features/sla/tenant-sla-policy.js';
import { createCalendarSettingsService } from './features/calendar/calendar-settings.service.js';
import { createNotificationService } from './features/notifications/notification.service.js';
import { createTenantCalendars } from './features/calendar/tenant-calendar.js';
import { createCalendarService } from './features/calendar/calendar.service.js';
import { createVisitService } from './features/visits/visit.service.js';
import { plannedWorkServices } from './features/planned-work/planned-work.services.js';
import { createVisitOrderHooks } from './features/visits/visit-order-hooks.js';
import { createOnsiteReportsService } from './features/visits/onsite-reports.service.js';
import { createAuthService } from './features/auth/auth.service.js';
import { createOrgService } from './features/org/org.service.js';
import { createWorkOrderService } from './features/work-orders/work-order.service.js';
import { createBorrowService } from './features/parts/borrow.service.js';
import { createStockService } from './features/parts/stock.service.js';
import { createMovementService } from './features/parts/movement.service.js';
import { createLowStockService } from './features/parts/low-stock.service.js';
import { createTakeBackService } from './features/parts/take-back.service.js';
import { createPayService } from './features/pay/pay.service.js';
import { createPartsExcelService } from './features/parts/parts-excel.service.js';
import { createDispatchService } from './features/dispatch/dispatch.service.js';
import { createAppointmentService } from './features/appointments/appointments.service.js';
import { createCallbackService } from './features/callbacks/callback.service.js';
import { createKpiService } from './features/kpis/kpi.service.js';
import { createComplaintService } from './features/complaints/complaint.service.js';
import { createSpotCheckService } from './features/callbacks/spot-check.service.js';
import { createAssessmentService } from './features/assessment/assessment.service.js';
import { createKpiReportService } from './features/kpis/kpi-reports.service.js';
import { createExportLogService } from './features/exports/export-log.service.js';
import { createOrderExportService } from './features/exports/order-export.service.js';

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  /** PART-02/03 rules; the default pack until parts policies are chosen per tenant. */
  partsPolicy?: PartsPolicy;
  /** DSP-03/04 rules; the default pack until dispatch policies are chosen per tenant. */
  dispatchPolicy?: DispatchPolicy;
  /** DESK-04/06 rules; the default pack until desk policies are chosen per tenant. */
  deskPolicy?: DeskPolicy;
  /** Persisted timers (SLA warnings and breaches); without it clocks are stored but nothing fires. */
  jobs?: JobQueue | undefined;
}

/** All services of one app instance; routes receive this and call exactly one method per request. */
export function createServices(deps: ServiceDeps) {
  const partsPolicy = deps.partsPolicy ?? DEFAULT_PARTS_POLICY;
  const notifications = createNotificationService(deps);
  const calendars = createTenantCalendars();
  // SLA-02: the tenant's current policy version, shared by the clocks and the policy editor.
  const slaPolicies = createTenantSlaPolicies(deps.policy.sla);
  const sla = createSlaService({ ...deps, notifications, calendars, policies: slaPolicies });
  const callbacks = createCallbackService({ ...deps, sla });
  const visitHooks = createVisitOrderHooks({ policy: deps.policy, notifications });
  const deskPolicy = deps.deskPolicy ?? DEFAULT_DESK_POLICY;
  const scripts = createScriptsService({ ...deps, deskPolicy });
  const promises = createDeskPromises({ sla }); // SLA-05
  // WO-11: new faults are clustered in their own transaction (the work-order service calls it).
  const batchIncidents = createBatchIncidentService({
    ...deps,
    deskPolicy,
    notifications,
    scripts,
    sla,
    callbacks,
    promises,
  });
  const workOrders = createWorkOrderService({
    ...deps,
    customerNotices: notifications.customerNotices,
    sla,
    callbacks,
    visitHooks,
    batchFaults: batchIncidents,
    slaPolicies,
  });
  const dispatchPolicy = deps.dispatchPolicy ?? DEFAULT_DISPATCH_POLICY;
  const exportLog = createExportLogService(deps);
  const notices = createDeskNotices({ notifications, deskPolicy });
  const selfService = createSelfServiceService({
    ...deps,
    deskPolicy,
    sla,
    onUrge: notices.urged,
    onReschedule: notices.customerRescheduled,
    slaPolicies,
  });
  const deskTasks = createDeskTasksService({ ...deps, scripts, onDue: notices.taskDue });
  return {
    policy: deps.policy,
    clock: deps.clock,
    auth: createAuthService(deps),
    org: createOrgService(deps),
    sla,
    notifications,
    calendar: createCalendarService({ ...deps, calendars }),
    calendarSettings: createCalendarSettingsService(deps),
    slaPolicy: createSlaPolicyService({ ...deps, shipped: deps.policy.sla, policies: slaPolicies }),
    workOrders,
    visits: createVisitService({ ...deps, slaPolicies }),
    ...plannedWorkServices({ ...deps, workOrders, calendars }), // WO-16/17
    onsiteReports: createOnsiteReportsService({ ...deps, sla, notifications }),
    callbacks,
    complaints: createComplaintService({ ...deps, workOrders }),
    spotChecks: createSpotCheckService({ ...deps, callbacks }),
    kpis: createKpiService({ ...deps, slaPolicies }),
    assessment: createAssessmentService(deps),
    kpiReports: createKpiReportService({ db: deps.db, exportLog }),
    exportLog,
    orderExport: createOrderExportService({ workOrders, exportLog }),
    dispatch: createDispatchService({ db: deps.db, clock: deps.clock, dispatchPolicy, workOrders, notifications }),
    appointments: createAppointmentService({
      ...deps,
      dispatchPolicy,
      workOrders,
      notifications,
      onCustomerReached: promises.customerReached,
      slaPolicies,
    }),
    partsPolicy,
    stock: createStockService({ ...deps, partsPolicy }),
    borrows: createBorrowService({ ...deps, partsPolicy }),
    movements: createMovementService({ ...deps, partsPolicy }),
    lowStock: createLowStockService({ ...deps, partsPolicy }),
    takeBacks: createTakeBackService({ ...deps, partsPolicy }),
    pay: createPayService({ ...deps, partsPolicy, payPolicy: DEFAULT_PAY_POLICY }),
    partsExcel: createPartsExcelService({
      ...deps,
      partsPolicy,
      exportLog,
      pay: createPayService({ ...deps, partsPolicy, payPolicy: DEFAULT_PAY_POLICY }),
    }),
    deskPolicy,
    scripts,
    selfService,
    deskTasks,
    intake: createIntakeService({
      ...deps,
      deskPolicy,
      workOrders,
      selfService,
      deskTasks,
      scripts,
      promises,
      slaPolicies,
      calendars,
    }),
    carryIn: createCarryInService({
      ...deps,
      deskPolicy,
      scripts,
      onReady: notices.carryInReady,
      sla,
      callbacks,
      slaPolicies,
      calendars,
    }),
    customerMessages: createCustomerMessagesService({ ...deps, scripts }),
    coverageClaims: createCoverageClaimsService({
      ...deps,
      notifications,
      scripts,
      calendarOf: calendars,
      slaPolicies,
    }),
    batchIncidents,
    selfServiceReport: createSelfServiceReportService({ ...deps, workOrders, selfService }),
    shifts: createShiftsService(deps), // ORG-06
  };
}

export type Services = ReturnType<typeof createServices>;
