import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageLoading } from './components/PageLoading';
import { landingPath } from './session/landing';
import { RequireAuth } from './session/RequireAuth';
import { useSession } from './session/SessionContext';

// The desktop console and the phone pages are separate chunks: a phone never loads antd at all (the
// console, login and 404 pages get antd's context from AntdShell, loaded with them) — issue 4 budget.
const AntdShell = lazy(() => import('./components/AntdShell'));
const LoginPage = lazy(() => import('./LoginPage').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() => import('./components/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const ConsoleLayout = lazy(() => import('./console/ConsoleLayout'));
const WorkOrderListPage = lazy(() => import('./console/orders/WorkOrderListPage'));
const WorkOrderDetailPage = lazy(() => import('./console/orders/WorkOrderDetailPage'));
const ExternalAccountsPage = lazy(() => import('./console/admin/ExternalAccountsPage'));
const DispatchBoardPage = lazy(() => import('./console/dispatch/DispatchBoardPage'));
// KPI-01: ECharts lives in these chunks only.
const KpiDashboardPage = lazy(() => import('./console/kpis/KpiDashboardPage'));
const KpiDrillPage = lazy(() => import('./console/kpis/KpiDrillPage'));
const CallbackQueuePage = lazy(() => import('./console/callbacks/CallbackQueuePage'));
const SpotCheckQueuePage = lazy(() => import('./console/callbacks/SpotCheckQueuePage'));
const ComplaintsPage = lazy(() => import('./console/complaints/ComplaintsPage'));
const StaffComplaintLogPage = lazy(() => import('./console/complaints/StaffComplaintLogPage'));
const AssessmentPage = lazy(() => import('./console/assessment/AssessmentPage'));
const KpiReportsPage = lazy(() => import('./console/reports/KpiReportsPage'));
// SLA-01/04/09 (issue 8): coordinators' at-risk view and the calendar admin.
const AtRiskPage = lazy(() => import('./console/sla/AtRiskPage'));
const CalendarAdminPage = lazy(() => import('./console/sla/CalendarAdminPage'));
const PartsStockPage = lazy(() => import('./console/parts/PartsStockPage'));
const HotlineIntakePage = lazy(() => import('./console/desk/HotlineIntakePage'));
const CarryInPage = lazy(() => import('./console/desk/CarryInPage'));
const CarryInReceiptPage = lazy(() => import('./console/desk/CarryInReceiptPage'));
const ScriptsAdminPage = lazy(() => import('./console/desk/ScriptsAdminPage'));
// INT-01: customer message log and templates.
const NotifyOutboxPage = lazy(() => import('./console/notify/NotifyOutboxPage'));
const NotifyTemplatesPage = lazy(() => import('./console/notify/NotifyTemplatesPage'));
const IncidentsPage = lazy(() => import('./console/desk/IncidentsPage'));
const IncidentDetailPage = lazy(() => import('./console/desk/IncidentDetailPage'));
const CoverageClaimsPage = lazy(() => import('./console/desk/CoverageClaimsPage'));
const ShiftsPage = lazy(() => import('./console/shifts/ShiftsPage'));
const OnsiteReportsPage = lazy(() => import('./console/visits/OnsiteReportsPage'));
// WO-16/17: recurring care and planned inspections.
const CareAgreementsPage = lazy(() => import('./console/planned/CareAgreementsPage'));
const CareAgreementDetailPage = lazy(() => import('./console/planned/CareAgreementDetailPage'));
const CareUpcomingPage = lazy(() => import('./console/planned/CareUpcomingPage'));
const InspectionPlansPage = lazy(() => import('./console/planned/InspectionPlansPage'));
const InspectionPlanDetailPage = lazy(() => import('./console/planned/InspectionPlanDetailPage'));
const OverdueNoticesPage = lazy(() => import('./console/planned/OverdueNoticesPage'));
const NoticePrintPage = lazy(() => import('./console/planned/NoticePrintPage'));
const MobileCareVisitPage = lazy(() => import('./mobile/planned/MobileCareVisitPage'));
const MobileInspectionPage = lazy(() => import('./mobile/planned/MobileInspectionPage'));
const MobileLayout = lazy(() => import('./mobile/MobileLayout'));
const MyTodoPage = lazy(() => import('./mobile/MyTodoPage'));
const MobileOrderDetailPage = lazy(() => import('./mobile/orders/MobileOrderDetailPage'));
const MobileConfirmationPage = lazy(() => import('./mobile/visit/MobileConfirmationPage'));
const OutboxPage = lazy(() => import('./mobile/offline/OutboxPage'));
// A phone opening /m/… fetches its layout and first page together, not one round trip after the other
// (on a slow 3G link each round trip costs seconds).
if (window.location.pathname.startsWith('/m')) {
  void import('./mobile/MobileLayout');
  void import('./mobile/MyTodoPage');
}
// DESK-06: the customer's page; public, so outside RequireAuth.
const SelfServicePage = lazy(() => import('./selfservice/SelfServicePage'));

function Landing() {
  const { me, status } = useSession();
  if (status !== 'ready' || !me) return <Navigate to="/login" replace />;
  return <Navigate to={landingPath(me.position)} replace />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route
          path="/login"
          element={
            <AntdShell>
              <LoginPage />
            </AntdShell>
          }
        />
        <Route path="/s/:token" element={<SelfServicePage />} />
        <Route
          element={
            <RequireAuth>
              <AntdShell>
                <ConsoleLayout />
              </AntdShell>
            </RequireAuth>
          }
        >
          <Route path="/orders" element={<WorkOrderListPage />} />
          <Route path="/orders/:id" element={<WorkOrderDetailPage />} />
          <Route path="/admin/external-accounts" element={<ExternalAccountsPage />} />
          <Route path="/dispatch" element={<DispatchBoardPage />} />
          <Route path="/kpis" element={<KpiDashboardPage />} />
          <Route path="/kpis/orders" element={<KpiDrillPage />} />
          <Route path="/callbacks" element={<CallbackQueuePage />} />
          <Route path="/callbacks/spot-checks" element={<SpotCheckQueuePage />} />
          <Route path="/complaints" element={<ComplaintsPage />} />
          <Route path="/complaints/staff-log" element={<StaffComplaintLogPage />} />
          <Route path="/assessment" element={<AssessmentPage />} />
          <Route path="/kpi-reports" element={<KpiReportsPage />} />
          <Route path="/sla/at-risk" element={<AtRiskPage />} />
          <Route path="/admin/calendar" element={<CalendarAdminPage />} />
          <Route path="/parts" element={<PartsStockPage />} />
          <Route path="/desk/intake" element={<HotlineIntakePage />} />
          <Route path="/desk/carry-in" element={<CarryInPage />} />
          <Route path="/desk/carry-in/:id/receipt" element={<CarryInReceiptPage />} />
          <Route path="/desk/scripts" element={<ScriptsAdminPage />} />
          <Route path="/notify/outbox" element={<NotifyOutboxPage />} />
          <Route path="/notify/templates" element={<NotifyTemplatesPage />} />
          <Route path="/desk/incidents" element={<IncidentsPage />} />
          <Route path="/desk/incidents/:id" element={<IncidentDetailPage />} />
          <Route path="/desk/coverage-claims" element={<CoverageClaimsPage />} />
          <Route path="/shifts" element={<ShiftsPage />} />
          <Route path="/onsite-reports" element={<OnsiteReportsPage />} />
          <Route path="/care/agreements" element={<CareAgreementsPage />} />
          <Route path="/care/agreements/:id" element={<CareAgreementDetailPage />} />
          <Route path="/care/visits" element={<CareUpcomingPage />} />
          <Route path="/inspections/plans" element={<InspectionPlansPage />} />
          <Route path="/inspections/plans/:id" element={<InspectionPlanDetailPage />} />
          <Route path="/inspections/overdue" element={<OverdueNoticesPage />} />
          <Route path="/inspections/notices/:id/print" element={<NoticePrintPage />} />
        </Route>
        <Route
          path="/m"
          element={
            <RequireAuth>
              <MobileLayout />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/m/todo" replace />} />
          <Route path="todo" element={<MyTodoPage />} />
          <Route path="orders/:id" element={<MobileOrderDetailPage />} />
          <Route path="orders/:id/confirm" element={<MobileConfirmationPage />} />
          <Route path="care/:id" element={<MobileCareVisitPage />} />
          <Route path="inspection/:id" element={<MobileInspectionPage />} />
          <Route path="outbox" element={<OutboxPage />} />
        </Route>
        <Route path="/" element={<Landing />} />
        <Route
          path="*"
          element={
            <AntdShell>
              <NotFoundPage />
            </AntdShell>
          }
        />
      </Routes>
    </Suspense>
  );
}
