import { apiRequest } from './http';

/** APT-01/02 answers (docs/api.md "Appointments"); instants are ISO strings. */
export interface WindowOffer {
  start: string;
  end: string;
  available: boolean;
  engineers: number;
}

export interface RescheduleNotice {
  requiredMinutes: number;
  requiredBy: string;
  inTime: boolean;
  shortByMinutes: number;
  breach: boolean;
}

export type CallOutcome = 'reached' | 'no_answer' | 'busy' | 'call_back';

export interface AppointmentHistory {
  calls: { id: string; outcome: CallOutcome; callBackAt: string | null; note: string | null; at: string }[];
  followUps: { id: string; dueAt: string; state: 'open' | 'done'; firedAt: string | null }[];
  changes: {
    askedBy: 'customer' | 'us';
    reason: string;
    previousStart: string | null;
    newStart: string;
    newEnd: string;
    shortByMinutes: number;
    breach: boolean;
    at: string;
  }[];
}

export const appointmentsApi = {
  offers: (orderId: string, date: string) =>
    apiRequest<{ date: string; reason: string | null; windows: WindowOffer[] }>(
      'GET',
      `/work-orders/${orderId}/appointment-offers`,
      { query: { date } },
    ),
  logCall: (orderId: string, body: { outcome: CallOutcome; callBackAt?: string; note?: string }, key: string) =>
    apiRequest<{ call: { id: string }; followUp: { id: string; dueAt: string } | null }>(
      'POST',
      `/work-orders/${orderId}/appointment-calls`,
      { body, idempotencyKey: key },
    ),
  book: (
    orderId: string,
    body: { window: { start: string; end: string }; askedBy: 'customer' | 'us'; reason: string },
    key: string,
  ) =>
    apiRequest<{ action: string; notice: RescheduleNotice | null }>('POST', `/work-orders/${orderId}/appointment`, {
      body,
      idempotencyKey: key,
    }),
  history: (orderId: string) => apiRequest<AppointmentHistory>('GET', `/work-orders/${orderId}/appointment-history`),
};
