import type { CauseCategory, SymptomReproduced } from '@daowei/domain';
import { apiRequest } from './http';

/** ENG-06: what GET/POST /api/work-orders/:id/confirmation answer (docs/api.md "Visit records"). */
export interface VisitConfirmation {
  id: string;
  satisfaction: number;
  comment: string | null;
  declinedToSign: boolean;
  signatureType: string | null;
  confirmedAt: string;
}

export interface ConfirmationBody {
  satisfaction: number;
  comment?: string;
  declinedToSign: boolean;
  /** PNG data URL from the signature pad; absent when the customer declined to sign. */
  signature?: string;
}

const base = (id: string) => `/work-orders/${encodeURIComponent(id)}`;

export const visitsApi = {
  confirmation: (id: string) =>
    apiRequest<{ satisfactionMax: number; confirmation: VisitConfirmation | null }>('GET', `${base(id)}/confirmation`),
  confirm: (id: string, body: ConfirmationBody, idempotencyKey: string) =>
    apiRequest<VisitConfirmation>('POST', `${base(id)}/confirmation`, { body, idempotencyKey }),
};

/** ENG-02/03: GET /api/work-orders/:id/checklist. */
export interface LabelledItem {
  code: string;
  label: { 'zh-CN': string; en: string };
}
export interface VisitChecklist {
  steps: (LabelledItem & { doneAt: string | null })[];
  kit: LabelledItem[];
  departure: {
    averageKmh: number;
    detourFactor: number;
    defaultTravelMinutes: number;
    bufferMinutes: number;
    arriveEarlyMinutes: number;
  };
  /** APT-03: the doorstep protocol of the policy (absent from an older cached answer). */
  noAccess?: {
    minWaitMinutes: number;
    callOutcomes: LabelledItem[];
    neighbourOutcomes: LabelledItem[];
    notePhotoRequired: boolean;
  };
  /** WO-15: the kinds of network change the engineer may report. */
  resourceChangeKinds?: LabelledItem[];
  /** ENG-05: the policy's observation limit and whether this order type closes only once diagnosed. */
  diagnosis?: { maxObservedMinutes: number; required: boolean };
}

/** ENG-04: GET /api/work-orders/:id/consents. */
export interface ConsentKinds {
  kinds: (LabelledItem & { needsBackupConfirmed: boolean; needsQuotedPrice: boolean })[];
  items: { id: string; kind: string; signedAt: string }[];
}

/** ENG-05: GET /api/work-orders/:id/diagnosis. */
export interface VisitDiagnosis {
  symptomReproduced: SymptomReproduced;
  observedMinutes: number;
  causeCategory: CauseCategory;
  finding: string;
  recordedAt: string;
}
export interface DiagnosisView {
  maxObservedMinutes: number;
  required: boolean;
  /** The diagnosis of the current visit (since the last departure), or null. */
  diagnosis: VisitDiagnosis | null;
  last: VisitDiagnosis | null;
}

/** DESK-04: a script the engineer explains a cause category with. */
export interface CauseScript {
  id: string;
  title: string;
  text: string;
}

export const visitReads = {
  /** The tenant's scripts for explaining one cause category (ENG-05 diagnosis panel). */
  causeScripts: (cause: CauseCategory) =>
    apiRequest<{ items: CauseScript[] }>('GET', `/scripts?situation=cause_explanation&cause=${cause}`),
  diagnosis: (id: string) => apiRequest<DiagnosisView>('GET', `${base(id)}/diagnosis`),
  checklist: (id: string) => apiRequest<VisitChecklist>('GET', `${base(id)}/checklist`),
  consents: (id: string) => apiRequest<ConsentKinds>('GET', `${base(id)}/consents`),
  attachments: (id: string) =>
    apiRequest<{ items: { id: string; kind: string; caption: string | null; uploadedAt: string }[] }>(
      'GET',
      `${base(id)}/attachments`,
    ),
};
