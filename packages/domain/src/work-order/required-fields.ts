import { DomainError } from '../shared/errors.js';
import type { AppointmentWindow, BroadbandFacts, Priority, WarrantyState, WorkOrderType } from './work-order.types.js';

/**
 * WO-02 "不许有空格": no required field of an order may be saved blank. What is required depends on the
 * order's type (and, for broadband installs, its product). A draft has the shape of the create request
 * (docs/api.md), so the field paths reported back (`customer.phone`, `broadband.tariff`) are the ones
 * the client sent and the form can mark them.
 */
export interface WorkOrderDraft {
  type: WorkOrderType;
  priority?: Priority | null;
  acceptanceSerial?: string | null;
  product?: string | null;
  business?: string | null;
  productNumber?: string | null;
  customer?: { name?: string | null; phone?: string | null; address?: string | null } | null;
  areaId?: string | null;
  lat?: number | null;
  lng?: number | null;
  faultDescription?: string | null;
  customerMessage?: string | null;
  broadband?: Partial<BroadbandFacts> | null;
  productModel?: string | null;
  purchaseDate?: string | null;
  warranty?: WarrantyState | null;
  /** Not required at creation: many orders are booked with the customer after they are taken. */
  appointment?: AppointmentWindow | null;
}

export const DRAFT_FIELDS = [
  'acceptanceSerial',
  'product',
  'business',
  'productNumber',
  'customer.name',
  'customer.phone',
  'customer.address',
  'faultDescription',
  'productModel',
  'broadband.bandwidthMbps',
  'broadband.tariff',
  'broadband.accessMethod',
  'broadband.cooperationMode',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Asked of every order: who asked, about what, and how to reach them. */
const ALWAYS: readonly DraftField[] = ['acceptanceSerial', 'product', 'business', 'customer.name', 'customer.phone'];
/** Someone will go there, so the address must be known. */
const VISIT: readonly DraftField[] = [...ALWAYS, 'customer.address'];
const BROADBAND: readonly DraftField[] = [
  'broadband.bandwidthMbps',
  'broadband.tariff',
  'broadband.accessMethod',
  'broadband.cooperationMode',
];

/**
 * Required fields per type, as data so the web form can mark them too. The product number (e.g. the
 * broadband account) is needed where WO-12 repeat faults and complaint history look orders up by it.
 * Carry-in repairs happen at the station, consultations on the phone: neither needs an address.
 */
export const REQUIRED_FIELDS: Readonly<Record<WorkOrderType, readonly DraftField[]>> = {
  install: [...VISIT, 'productNumber'],
  fault: [...VISIT, 'productNumber', 'faultDescription'],
  complaint: [...VISIT, 'productNumber', 'faultDescription'],
  inspection: VISIT,
  care_visit: VISIT,
  carry_in: [...ALWAYS, 'productModel'],
  consultation: ALWAYS,
  paid_service: VISIT,
};

/** Product names that mean a broadband line, whatever case or language the desk typed. */
const BROADBAND_PRODUCTS = ['broadband', '宽带'];

export function isBroadbandProduct(product: string | null | undefined): boolean {
  return typeof product === 'string' && BROADBAND_PRODUCTS.includes(clean(product).toLowerCase());
}

/** The fields this draft must fill: the type's list plus broadband facts for a broadband install. */
export function requiredFieldsFor(draft: Pick<WorkOrderDraft, 'type' | 'product'>): DraftField[] {
  const fields = [...REQUIRED_FIELDS[draft.type]];
  if (draft.type === 'install' && isBroadbandProduct(draft.product)) fields.push(...BROADBAND);
  return fields;
}

// Whitespace as String#trim sees it (including the full-width space U+3000 an IME types) plus the
// zero-width characters that paste in from chat apps and look like nothing on screen.
const INVISIBLE = /[\u200B-\u200D\u2060]/g;
const clean = (s: string): string => s.replace(INVISIBLE, '').trim();

function valueAt(draft: WorkOrderDraft, field: DraftField): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const top = (draft as unknown as Record<string, unknown>)[head];
  if (tail === undefined) return top;
  return top && typeof top === 'object' ? (top as Record<string, unknown>)[tail] : undefined;
}

function isBlank(field: DraftField, value: unknown): boolean {
  if (typeof value === 'string') return clean(value) === '';
  // A bandwidth of 0 (or NaN) is as empty as an untouched number box.
  if (field === 'broadband.bandwidthMbps') return typeof value !== 'number' || !(value > 0);
  return value === null || value === undefined;
}

/** The required fields this draft leaves blank, in a stable order; empty when it may be saved. */
export function missingRequiredFields(draft: WorkOrderDraft): DraftField[] {
  return requiredFieldsFor(draft).filter((f) => isBlank(f, valueAt(draft, f)));
}

/** Throws WO_REQUIRED_FIELD_MISSING with `details.fields` when any required field is blank. */
export function assertRequiredFields(draft: WorkOrderDraft): void {
  const fields = missingRequiredFields(draft);
  if (fields.length > 0) {
    throw new DomainError('WO_REQUIRED_FIELD_MISSING', `Required fields are blank: ${fields.join(', ')}`, {
      fields,
      field: fields[0],
    });
  }
}
