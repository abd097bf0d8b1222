import { DomainError } from '../shared/errors.js';
import { DEFAULT_TIME_ZONE, localDate } from '../shared/local-time.js';
import { WORK_ORDER_TYPES, type WorkOrderType } from './work-order.types.js';

/**
 * Human order numbers, read out over the phone and written on receipts: `<prefix>-<YYYYMMDD>-<seq>`,
 * e.g. GZ-20261123-000123. The prefix tells the type at a glance (pinyin initials, as desks are used
 * to); the date is the acceptance day where the customer is, not in UTC — an order accepted at 07:00
 * Beijing time belongs to that day, though it is still yesterday in UTC; the sequence is per day and
 * is handed out by the database (keyed by `orderNumberDay`).
 */
export const ORDER_NUMBER_PREFIXES: Readonly<Record<WorkOrderType, string>> = {
  install: 'KJ', // 开机/开通
  fault: 'GZ', // 故障
  complaint: 'TS', // 投诉
  inspection: 'JC', // 检查
  care_visit: 'DF', // 定访
  carry_in: 'SX', // 送修
  consultation: 'ZX', // 咨询
  paid_service: 'YC', // 有偿
};

const SEQ_DIGITS = 6;

/** The local day an order number uses, `YYYYMMDD`: the key of the daily sequence. */
export function orderNumberDay(acceptedAt: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return localDate(acceptedAt, timeZone).replaceAll('-', '');
}

export function formatOrderNumber(
  type: WorkOrderType,
  acceptedAt: Date,
  seq: number,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new DomainError('VALIDATION_FAILED', 'An order sequence number is a positive whole number', {
      field: 'seq',
    });
  }
  // A busy day past 999999 widens the number rather than wrapping into a duplicate.
  return `${ORDER_NUMBER_PREFIXES[type]}-${orderNumberDay(acceptedAt, timeZone)}-${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

export interface ParsedOrderNumber {
  type: WorkOrderType;
  day: string; // YYYYMMDD
  seq: number;
}

const NUMBER_PATTERN = /^([A-Z]{2})-(\d{8})-(\d{6,})$/;

/** Reads a number back (search by number); null for anything that is not one. Case and spaces are forgiven. */
export function parseOrderNumber(text: string): ParsedOrderNumber | null {
  const m = NUMBER_PATTERN.exec(text.trim().toUpperCase());
  if (!m) return null;
  const type = WORK_ORDER_TYPES.find((t) => ORDER_NUMBER_PREFIXES[t] === m[1]);
  const seq = Number(m[3]);
  if (!type || seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { type, day: m[2] as string, seq };
}
