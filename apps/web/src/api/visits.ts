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
