import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@daowei/db';
import { DEFAULT_POLICY_PACK, type PolicyPack } from '@daowei/domain';
import { frameworkErrors, installErrorHandler } from './http/error-handler.js';
import { registerOpenApi } from './http/openapi.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { rejectUnstorableText } from './http/text-guard.js';
import { registerWebApp } from './http/web-static.js';
import { systemClock, type Clock } from './platform/clock.js';
import { createServices, type Services } from './services.js';
import { authHook } from './features/auth/auth.hook.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { metaRoutes } from './features/meta/meta.routes.js';
import { orgRoutes } from './features/org/org.routes.js';
import { workOrderRoutes } from './features/work-orders/work-order.routes.js';
import { partsRoutes } from './features/parts/parts.routes.js';
import { partsMovementRoutes } from './features/parts/parts-movements.routes.js';
import { payRoutes } from './features/pay/pay.routes.js';
import { partsExcelRoutes } from './features/parts/parts-excel.routes.js';
import { slaRoutes } from './features/sla/sla.routes.js';
import { notificationRoutes } from './features/notifications/notification.routes.js';
import { notifyRoutes } from './features/notifications/notify.routes.js';
import { registerNotifyJobs } from './jobs/notify.jobs.js';
import { calendarRoutes } from './features/calendar/calendar.routes.js';
import { visitRoutes } from './features/visits/visit.routes.js';
import { careRoutes } from './features/planned-work/care.routes.js';
import { inspectionRoutes } from './features/planned-work/inspection.routes.js';
import { onsiteReportRoutes } from './features/visits/onsite-reports.routes.js';
import { deskRoutes } from './features/desk/desk.routes.js';
import { deskWorkRoutes } from './features/desk/desk-work.routes.js';
import { batchIncidentRoutes } from './features/desk/batch-incidents.routes.js';
import { selfServiceReportRoutes } from './features/desk/self-service-report.routes.js';
import { shiftRoutes } from './features/shifts/shifts.routes.js';
import { coverageClaimsRoutes } from './features/desk/coverage-claims.routes.js';
import { dispatchRoutes } from './features/dispatch/dispatch.routes.js';
import { appointmentRoutes } from './features/appointments/appointments.routes.js';
import { callbackRoutes } from './features/callbacks/callback.routes.js';
import { kpiRoutes } from './features/kpis/kpi.routes.js';
import { complaintRoutes } from './features/complaints/complaint.routes.js';
import { assessmentRoutes } from './features/assessment/assessment.routes.js';
import { registerAssessmentJobs } from './jobs/assessment.jobs.js';
import { registerCareJobs } from './jobs/care.jobs.js';
import { registerCallbackJobs } from './jobs/callback.jobs.js';
import { registerKpiJobs } from './jobs/kpi.jobs.js';
import { exportRoutes } from './features/exports/export.routes.js';
import type { JobQueue } from './platform/jobs.js';
import { registerSlaJobs } from './jobs/sla.jobs.js';
import { registerDeskJobs } from './jobs/desk.jobs.js';
import { registerAppointmentJobs } from './jobs/appointment.jobs.js';

export interface AppOptions {
  database: Database;
  clock?: Clock;
  policy?: PolicyPack;
  /** Built web app to serve at /; skipped when absent. */
  webDist?: string;
  logger?: boolean | { level: string };
  /**
   * Persisted job queue for SLA timers (main.ts passes the real one, timer tests one on their own
   * schema). Without it clocks are still stored and their status computed at read time; nothing fires.
   */
  jobs?: JobQueue;
}

export type App = FastifyInstance;

/** Builds the HTTP app around one database. Used by main.ts, the tests (app.inject) and the benchmarks. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const services: Services = createServices({
    db: opts.database.db,
    clock: opts.clock ?? systemClock,
    policy: opts.policy ?? DEFAULT_POLICY_PACK,
    jobs: opts.jobs,
  });

  // Timer handlers first: the SLA service inserts jobs into queues that `work` creates.
  // INT-01 first: any business change may queue a customer message with its delivery job.
  if (opts.jobs) await registerNotifyJobs(opts.jobs, services.notifications);
  if (opts.jobs) await registerSlaJobs(opts.jobs, opts.database.db, services.sla);
  if (opts.jobs) await registerDeskJobs(opts.jobs, services.deskTasks, services.coverageClaims);
  if (opts.jobs) await registerAppointmentJobs(opts.jobs, services.appointments);
  if (opts.jobs) await registerAssessmentJobs(opts.jobs, opts.database.db, services.assessment);
  if (opts.jobs) await registerCareJobs(opts.jobs, services.careAgreements); // WO-16 rolling horizon
  if (opts.jobs) await registerCallbackJobs(opts.jobs, opts.database.db, services.spotChecks);
  if (opts.jobs) await registerKpiJobs(opts.jobs, opts.database.db); // KPI-01 stale days rebuilt each minute

  await registerSecurityHeaders(app);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', authHook(services.auth));
  app.addHook('preValidation', rejectUnstorableText);

  await app.register(authRoutes(services), { prefix: '/api' });
  await app.register(metaRoutes(services), { prefix: '/api' });
  await app.register(orgRoutes(services), { prefix: '/api' });
  await app.register(workOrderRoutes(services), { prefix: '/api' });
  await app.register(partsRoutes(services), { prefix: '/api' });
  await app.register(partsMovementRoutes(services), { prefix: '/api' });
  await app.register(payRoutes(services), { prefix: '/api' });
  await app.register(partsExcelRoutes(services), { prefix: '/api' });
  await app.register(slaRoutes(services), { prefix: '/api' });
  await app.register(notificationRoutes(services), { prefix: '/api' });
  await app.register(notifyRoutes(services), { prefix: '/api' });
  await app.register(calendarRoutes(services), { prefix: '/api' });
  await app.register(visitRoutes(services), { prefix: '/api' });
  await app.register(careRoutes(services), { prefix: '/api' });
  await app.register(inspectionRoutes(services), { prefix: '/api' });
  await app.register(onsiteReportRoutes(services), { prefix: '/api' });
  await app.register(deskRoutes(services), { prefix: '/api' });
  await app.register(deskWorkRoutes(services), { prefix: '/api' });
  await app.register(batchIncidentRoutes(services), { prefix: '/api' });
  await app.register(selfServiceReportRoutes(services), { prefix: '/api' });
  await app.register(shiftRoutes(services), { prefix: '/api' });
  await app.register(coverageClaimsRoutes(services), { prefix: '/api' });
  await app.register(dispatchRoutes(services), { prefix: '/api' });
  await app.register(appointmentRoutes(services), { prefix: '/api' });
  await app.register(callbackRoutes(services), { prefix: '/api' });
  await app.register(kpiRoutes(services), { prefix: '/api' });
  await app.register(complaintRoutes(services), { prefix: '/api' });
  await app.register(assessmentRoutes(services), { prefix: '/api' });
  await app.register(exportRoutes(services), { prefix: '/api' });
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, database: opts.database.kind }));

  if (opts.webDist) await registerWebApp(app, opts.webDist);
  await app.ready();
  return app;
}
