import { apiRequest } from './http';

/** DESK-06: what GET /api/public/orders/:token answers (docs/api.md). */
export interface SelfServiceView {
  number: string;
  status: string;
  statusText: string;
  statusTextEn: string;
  step: string;
  appointment: { start: string; end: string } | null;
  engineer: string | null;
  history: { at: string; text: string; textEn: string }[];
  urge: { count: number; allowed: boolean; nextAllowedAt: string | null };
  rating: { satisfaction: number; comment: string | null; at: string } | null;
  canRate: boolean;
  satisfactionScaleMax: number;
  messages: { text: string; at: string }[];
  reschedule: { allowed: boolean; noticeMinutes: number };
}

const base = (token: string) => `/public/orders/${encodeURIComponent(token)}`;

/** The customer's self-service calls: no login, the link's token is the only key. */
export const selfServiceApi = {
  progress: (token: string) => apiRequest<SelfServiceView>('GET', base(token)),
  urge: (token: string) => apiRequest<{ urgedAt: string; nextAllowedAt: string }>('POST', `${base(token)}/urge`),
  rate: (token: string, body: { satisfaction: number; comment?: string }) =>
    apiRequest<{ satisfaction: number }>('POST', `${base(token)}/rating`, { body }),
  reschedule: (token: string, body: { window: { start: string; end: string }; reason: string }) =>
    apiRequest<{ appointment: { start: string; end: string } }>('POST', `${base(token)}/reschedule`, { body }),
  /** DESK-06: a new fault of the same line; answers the new request's own page. */
  reportFault: (token: string, body: { description: string }) =>
    apiRequest<{ order: { number: string; statusText: string }; path: string; token: string }>(
      'POST',
      `${base(token)}/faults`,
      { body },
    ),
};

/** Desk staff: a new self-service link for an order (earlier ones stop working). */
export const issueSelfServiceLink = (orderId: string) =>
  apiRequest<{ token: string; path: string; expiresAt: string }>(
    'POST',
    `/work-orders/${encodeURIComponent(orderId)}/self-service-link`,
  );
