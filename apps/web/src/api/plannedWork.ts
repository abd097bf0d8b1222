import { apiRequest } from './http';

/** WO-16/WO-17 shapes of docs/api.md "Recurring care visits" and "Planned inspections". */
export interface Labelled {
  code: string;
  label: { 'zh-CN': string; en: string };
}

export type CareSchedule =
  | { kind: 'weekly'; everyWeeks: number; weekdays: number[]; start: string; end: string }
  | { kind: 'monthly'; nth: number; weekday: number; start: string; end: string };

export interface CareAgreement {
  id: string;
  vendorId: string;
  contactName: string;
  contactPhone: string;
  address: string;
  areaId: string | null;
  contents: string[];
  schedule: CareSchedule;
  holidayHandling: 'skip' | 'next_day' | 'keep';
  startDate: string;
  endDate: string | null;
  carerId: string | null;
  note: string | null;
  status: 'active' | 'paused' | 'ended';
  statusReason: string | null;
  createdAt: string;
}

export interface CareVisitOrder {
  id: string;
  number: string;
  status: string;
  holderId: string | null;
  appointmentStart: string | null;
  appointmentEnd: string | null;
}

export interface CareCall {
  id: string;
  outcome: string;
  confirms: boolean;
  note: string | null;
  calledAt: string;
}

export interface CareVisit {
  id: string;
  agreementId: string;
  occurrenceDate: string;
  plannedDate: string | null;
  holiday: string | null;
  state: 'planned' | 'skipped' | 'cancelled';
  contents: string[];
  ticks: Record<string, string>;
  contentConfirmedAt: string | null;
  condition: string | null;
  rating: number | null;
  evaluationNote: string | null;
  evaluatedAt: string | null;
  nextVisitId: string | null;
  nextBookedAt: string | null;
  cancelReason: string | null;
  order?: CareVisitOrder | null;
  calls?: CareCall[];
  agreement?: { id: string; contactName: string; address: string; carerId: string | null };
}

export interface AgreementDetail extends CareAgreement {
  visits: CareVisit[];
  generated?: { created: number; skipped: number };
  cancelled?: number;
}

export interface CareVisitDetail {
  visit: CareVisit;
  agreement: CareAgreement;
  calls: CareCall[];
  closingChecks: Labelled[];
  contentsCatalogue: Labelled[];
  phoneOutcomes: (Labelled & { confirms: boolean })[];
  conditions: Labelled[];
  ratingMax: number;
  nextProposal: {
    date: string;
    orderId: string | null;
    orderNumber: string | null;
    appointmentStart: string | null;
    appointmentEnd: string | null;
  } | null;
}

export interface NewAgreement {
  customer: { name: string; phone: string; address: string };
  areaId?: string;
  contents: string[];
  schedule: CareSchedule;
  holidayHandling?: 'skip' | 'next_day' | 'keep';
  startDate: string;
  endDate?: string;
  carerId?: string;
  note?: string;
}

const order = (id: string) => `/work-orders/${encodeURIComponent(id)}`;

export const careApi = {
  agreements: (status?: string) =>
    apiRequest<{ items: CareAgreement[] }>('GET', '/care-agreements', { query: { status } }).then((r) => r.items),
  agreement: (id: string) => apiRequest<AgreementDetail>('GET', `/care-agreements/${encodeURIComponent(id)}`),
  create: (body: NewAgreement, idempotencyKey: string) =>
    apiRequest<AgreementDetail>('POST', '/care-agreements', { body, idempotencyKey }),
  generate: (id: string) => apiRequest<AgreementDetail>('POST', `/care-agreements/${encodeURIComponent(id)}/generate`),
  setStatus: (id: string, status: CareAgreement['status'], reason: string, idempotencyKey: string) =>
    apiRequest<AgreementDetail>('POST', `/care-agreements/${encodeURIComponent(id)}/status`, {
      body: { status, reason },
      idempotencyKey,
    }),
  upcoming: (from?: string, to?: string) =>
    apiRequest<{ from: string; to: string; items: CareVisit[] }>('GET', '/care-visits', { query: { from, to } }),
  visit: (orderId: string) => apiRequest<CareVisitDetail>('GET', `${order(orderId)}/care-visit`),
  call: (orderId: string, body: { outcome: string; note?: string; contents?: string[] }, idempotencyKey: string) =>
    apiRequest<CareVisitDetail>('POST', `${order(orderId)}/care-visit/calls`, { body, idempotencyKey }),
  tick: (orderId: string, items: string[], idempotencyKey: string) =>
    apiRequest<CareVisitDetail>('POST', `${order(orderId)}/care-visit/ticks`, { body: { items }, idempotencyKey }),
  evaluate: (orderId: string, body: { condition: string; rating: number; note?: string }, idempotencyKey: string) =>
    apiRequest<CareVisitDetail>('POST', `${order(orderId)}/care-visit/evaluation`, { body, idempotencyKey }),
  bookNext: (orderId: string, idempotencyKey: string) =>
    apiRequest<CareVisitDetail>('POST', `${order(orderId)}/care-visit/next`, { idempotencyKey }),
};

export interface InspectionTarget {
  id: string;
  customerName: string;
  contactPhone: string;
  address: string;
  month: number;
  order: { id: string; number: string; status: string } | null;
}

export interface InspectionPlan {
  id: string;
  year: number;
  name: string;
  createdAt: string;
  targets: number | InspectionTarget[];
  generated?: number | { created: number };
}

export interface Notice {
  id: string;
  orderId: string;
  number: string;
  hazards: { item: string; level: string; note: string | null }[];
  deadline: string;
  issuedAt: string;
  signed: boolean | null;
  hasSignature: boolean;
  refusalReason: string | null;
  refusalNote: string | null;
  answeredAt: string | null;
  rectifiedAt: string | null;
  rectifiedNote: string | null;
  overdue: boolean;
  order?: { id: string; number: string; contactName: string; address: string };
}

export interface CrewMember {
  personId: string;
  name: string;
  lead: boolean;
}

export interface InspectionDetail {
  orderId: string;
  orderNumber: string;
  status: string;
  planId: string | null;
  minInspectors: number;
  items: Labelled[];
  hazardLevels: (Labelled & { rectifyDays: number })[];
  refusalReasons: Labelled[];
  crew: CrewMember[];
  findings: {
    item: string;
    result: 'ok' | 'hazard' | 'not_applicable';
    hazardLevel: string | null;
    note: string | null;
  }[];
  notice: Notice | null;
}

export interface NoticePrint {
  notice: Notice;
  order: { id: string; number: string; contactName: string; address: string };
  crew: CrewMember[];
  items: Labelled[];
  hazardLevels: (Labelled & { rectifyDays: number })[];
  refusalReasons: Labelled[];
}

export interface NewPlan {
  year: number;
  name: string;
  targets: { customerName: string; contactPhone: string; address: string; areaId?: string; month: number }[];
}

/** WO-17 / ENG-01: an inspection the caller joins as the second inspector (GET /api/inspections/crew-todo). */
export interface CrewTodoItem {
  orderId: string;
  number: string;
  status: string;
  contactName: string;
  address: string;
  appointment: { start: string; end: string } | null;
  lead: { personId: string; name: string } | null;
  role: 'second';
}

export const inspectionApi = {
  crewTodo: () => apiRequest<{ items: CrewTodoItem[] }>('GET', '/inspections/crew-todo').then((r) => r.items),
  plans: () => apiRequest<{ items: InspectionPlan[] }>('GET', '/inspection-plans').then((r) => r.items),
  plan: (id: string) =>
    apiRequest<InspectionPlan & { targets: InspectionTarget[] }>('GET', `/inspection-plans/${encodeURIComponent(id)}`),
  createPlan: (body: NewPlan, idempotencyKey: string) =>
    apiRequest<InspectionPlan & { targets: InspectionTarget[] }>('POST', '/inspection-plans', { body, idempotencyKey }),
  generate: (id: string) =>
    apiRequest<InspectionPlan & { targets: InspectionTarget[] }>(
      'POST',
      `/inspection-plans/${encodeURIComponent(id)}/generate`,
    ),
  assign: (orderId: string, personIds: string[], idempotencyKey: string) =>
    apiRequest<InspectionDetail>('POST', `${order(orderId)}/inspectors`, { body: { personIds }, idempotencyKey }),
  detail: (orderId: string) => apiRequest<InspectionDetail>('GET', `${order(orderId)}/inspection`),
  finding: (
    orderId: string,
    body: { item: string; result: string; hazardLevel?: string; note?: string },
    idempotencyKey: string,
  ) => apiRequest<InspectionDetail>('POST', `${order(orderId)}/inspection/findings`, { body, idempotencyKey }),
  issueNotice: (orderId: string, idempotencyKey: string) =>
    apiRequest<InspectionDetail>('POST', `${order(orderId)}/rectification-notice`, { idempotencyKey }),
  answer: (
    noticeId: string,
    body: { signature?: string; refusalReason?: string; refusalNote?: string },
    idempotencyKey: string,
  ) =>
    apiRequest<InspectionDetail>('POST', `/rectification-notices/${encodeURIComponent(noticeId)}/answer`, {
      body,
      idempotencyKey,
    }),
  rectified: (noticeId: string, note: string, idempotencyKey: string) =>
    apiRequest<Notice>('POST', `/rectification-notices/${encodeURIComponent(noticeId)}/rectified`, {
      body: { note },
      idempotencyKey,
    }),
  notice: (noticeId: string) =>
    apiRequest<NoticePrint>('GET', `/rectification-notices/${encodeURIComponent(noticeId)}`),
  overdue: () =>
    apiRequest<{ today: string; items: Notice[] }>('GET', '/rectification-notices/overdue').then((r) => r.items),
};
