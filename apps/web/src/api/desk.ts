import type {
  CarryInStage,
  ForbiddenPhrase,
  IntakeChannel,
  RequestKind,
  Script,
  ServiceMode,
  Symptom,
} from '@daowei/domain';
import { apiRequest } from './http';

/** SLA-02: a service contract as the desk shows it. */
export interface ContractRef {
  id: string;
  code: string;
  name: string;
}

/** DESK-01 GET /api/customers/lookup (docs/api.md). */
export interface CustomerLookup {
  customer: { id: string; name: string; phone: string; address: string; contract?: ContractRef | null };
  products: { product: string; productNumber: string; productModel: string | null; warranty: string }[];
  orders: {
    id: string;
    number: string;
    type: string;
    status: string;
    product: string;
    productNumber: string;
    acceptedAt: string;
  }[];
}

export interface IntakeOrderFields {
  acceptanceSerial: string;
  product: string;
  business: string;
  productNumber?: string;
  customer: { name: string; phone: string; address?: string };
  areaId?: string;
  faultDescription?: string;
  productModel?: string;
  appointment?: { start: string; end: string };
  /** SLA-02: the service contract the order names; null for none, absent for the customer's. */
  contractId?: string | null;
}

export interface IntakeInput {
  channel?: IntakeChannel;
  callerPhone: string;
  requestKind: RequestKind;
  symptom: Symptom;
  devicePortable?: boolean;
  remoteReachable?: boolean;
  description: string;
  mode?: ServiceMode;
  guidance?: string;
  answeredNow?: boolean;
  order?: IntakeOrderFields;
  confirmFlagged?: boolean;
}

export interface DeskTask {
  id: string;
  kind: 'guidance_callback' | 'knowledge_reply';
  orderId: string | null;
  question: string;
  dueAt: string;
  overdue: boolean;
  state: 'open' | 'done';
  result: string | null;
  callerPhone?: string;
}

export interface IntakeResult {
  intake: { id: string; at: string };
  mode: ServiceMode;
  decided: { mode: ServiceMode; ruleId: string };
  order: { id: string; number: string; type: string; status: string } | null;
  link: { token: string; path: string; expiresAt: string } | null;
  task: DeskTask | null;
}

export interface CarryInView {
  orderId: string;
  orderNumber: string;
  customerName: string;
  product: string;
  productModel: string | null;
  faultDescription: string | null;
  receiptNumber: string;
  configuration: string;
  condition: string;
  accessories: string;
  receiptSignedBy: string;
  shelf: string;
  receivedAt: string;
  promisedAt: string;
  overdue: boolean;
  stage: CarryInStage;
  next: CarryInStage[];
  steps: { stage: CarryInStage; at: string; by: string; note: string | null }[];
  retestNote: string | null;
  pickupSignedBy: string | null;
  pickedUpAt: string | null;
}

export interface DeskLibrary {
  scripts: Script[];
  phrases: ForbiddenPhrase[];
  version: number;
  isDefault: boolean;
}

const order = (id: string) => `/work-orders/${encodeURIComponent(id)}`;

/** The desk's calls (issue 5): intake, follow-ups, carry-in counter, scripts library, customer messages. */
export const deskApi = {
  lookup: (phone: string) => apiRequest<CustomerLookup>('GET', '/customers/lookup', { query: { phone } }),
  intake: (body: IntakeInput, idempotencyKey?: string) =>
    apiRequest<IntakeResult>('POST', '/desk/intakes', { body, ...(idempotencyKey ? { idempotencyKey } : {}) }),
  tasks: (state?: 'open' | 'done') => apiRequest<{ items: DeskTask[] }>('GET', '/desk/tasks', { query: { state } }),
  finishTask: (id: string, result: string) =>
    apiRequest<DeskTask>('POST', `/desk/tasks/${encodeURIComponent(id)}/done`, { body: { result } }),
  carryIns: (stage?: CarryInStage[]) =>
    apiRequest<{ items: CarryInView[] }>('GET', '/carry-in', { query: { stage: stage ?? null } }),
  carryIn: (orderId: string) => apiRequest<CarryInView>('GET', `${order(orderId)}/carry-in`),
  receive: (
    orderId: string,
    body: { configuration: string; condition: string; accessories?: string; receiptSignedBy: string; shelf: string },
  ) => apiRequest<CarryInView>('POST', `${order(orderId)}/carry-in`, { body }),
  advance: (orderId: string, body: { stage: 'diagnosing' | 'repairing' | 'ready'; note?: string }) =>
    apiRequest<CarryInView>('POST', `${order(orderId)}/carry-in/stage`, { body }),
  pickup: (orderId: string, body: { retestPassed: boolean; retestNote: string; signedBy: string }) =>
    apiRequest<CarryInView>('POST', `${order(orderId)}/carry-in/pickup`, { body }),
  library: () => apiRequest<DeskLibrary>('GET', '/desk/library'),
  saveLibrary: (body: { version: number; scripts: Script[]; phrases: ForbiddenPhrase[] }) =>
    apiRequest<{ version: number }>('PUT', '/desk/library', { body }),
  messages: (orderId: string) =>
    apiRequest<{ items: { id: string; text: string; at: string }[] }>('GET', `${order(orderId)}/customer-messages`),
  postMessage: (orderId: string, text: string, confirmFlagged = false) =>
    apiRequest<{ id: string }>('POST', `${order(orderId)}/customer-messages`, { body: { text, confirmFlagged } }),
};
