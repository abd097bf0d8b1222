import { DomainError } from '../shared/errors.js';
import type { WorkOrder } from '../work-order/work-order.types.js';
import { IMAGE_TYPES, type ImageType, type VisitPolicy } from './visit-policy.js';

/** WO-14: what an attachment is for. */
export const ATTACHMENT_KINDS = ['photo', 'speed_test', 'document'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * The image type by magic bytes, never by the client's word: a renamed file or a script posing as an
 * image is refused (null) whatever Content-Type it claims.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** WO-14 / ENG-04 / ENG-06: an uploaded image must be small enough and really be an accepted image type. */
export function checkImage(policy: VisitPolicy, bytes: Uint8Array, field: string): ImageType {
  if (bytes.length === 0) throw new DomainError('VALIDATION_FAILED', `${field}: the image is empty`, { field });
  if (bytes.length > policy.attachments.maxBytes) {
    throw new DomainError('WO_ATTACHMENT_TOO_LARGE', `${field}: larger than ${policy.attachments.maxBytes} bytes`, {
      field,
      maxBytes: policy.attachments.maxBytes,
    });
  }
  const type = sniffImageType(bytes);
  if (!type || !policy.attachments.contentTypes.includes(type)) {
    throw new DomainError('WO_ATTACHMENT_TYPE_REFUSED', `${field}: not an accepted image (PNG, JPEG or WebP)`, {
      field,
      allowed: policy.attachments.contentTypes.length ? policy.attachments.contentTypes : IMAGE_TYPES,
    });
  }
  return type;
}

export interface ConsentInput {
  kind: string;
  backupConfirmed?: boolean | undefined;
  quotedPriceFen?: number | undefined;
}

/** ENG-04: a known consent kind with what it needs (data risk → backup confirmed; paid work → quoted price). */
export function checkConsent(policy: VisitPolicy, input: ConsentInput): void {
  const def = policy.consents.find((c) => c.code === input.kind);
  if (!def) {
    throw new DomainError('VALIDATION_FAILED', `Unknown consent "${input.kind}"`, {
      field: 'kind',
      allowed: policy.consents.map((c) => c.code),
    });
  }
  if (def.needsBackupConfirmed && input.backupConfirmed !== true) {
    throw new DomainError('WO_BACKUP_NOT_CONFIRMED', 'Data-risk work needs the backup confirmed first', {
      field: 'backupConfirmed',
    });
  }
  if (def.needsQuotedPrice && (input.quotedPriceFen === undefined || input.quotedPriceFen < 0)) {
    throw new DomainError('VALIDATION_FAILED', 'Paid work needs the quoted price (fen)', { field: 'quotedPriceFen' });
  }
}

/** ENG-03: checklist steps ticked must be the order type's steps. */
export function checkChecklist(policy: VisitPolicy, order: Pick<WorkOrder, 'type'>, done: readonly string[]): void {
  const steps = (policy.checklists[order.type] ?? []).map((s) => s.code);
  const unknown = done.filter((c) => !steps.includes(c));
  if (unknown.length) {
    throw new DomainError('VALIDATION_FAILED', `Not a checklist step of a ${order.type} order: ${unknown.join(', ')}`, {
      field: 'checklist',
      allowed: steps,
    });
  }
}

export interface ConfirmationInput {
  satisfaction: number;
  declinedToSign: boolean;
  hasSignature: boolean;
}

/** ENG-06: signature OR "declined to sign" — exactly one; never forced, never both. */
export function checkConfirmation(policy: VisitPolicy, input: ConfirmationInput): void {
  if (!Number.isInteger(input.satisfaction) || input.satisfaction < 1 || input.satisfaction > policy.satisfactionMax) {
    throw new DomainError('VALIDATION_FAILED', `Satisfaction is 1..${policy.satisfactionMax}`, {
      field: 'satisfaction',
    });
  }
  if (input.declinedToSign === input.hasSignature) {
    throw new DomainError(
      'VALIDATION_FAILED',
      input.hasSignature
        ? 'A signature and "declined to sign" exclude each other'
        : 'Give the signature, or record that the customer declined to sign',
      { field: 'signature' },
    );
  }
}

/** WO-14: a "slow speed" fault (by the policy's symptom words in the fault description) needs a speed test. */
export function needsSpeedTest(policy: VisitPolicy, order: Pick<WorkOrder, 'type' | 'faultDescription'>): boolean {
  if (!policy.speedTest.orderTypes.includes(order.type)) return false;
  const text = (order.faultDescription ?? '').toLowerCase();
  return policy.speedTest.symptomKeywords.some((k) => text.includes(k.toLowerCase()));
}

/** WO-14: refuses completing a slow-speed fault while no speed-test screenshot is attached. */
export function assertSpeedTestPresent(
  policy: VisitPolicy,
  order: Pick<WorkOrder, 'type' | 'faultDescription'>,
  speedTests: number,
): void {
  if (needsSpeedTest(policy, order) && speedTests === 0) {
    throw new DomainError(
      'WO_SPEED_TEST_MISSING',
      'A slow-speed fault closes only with a speed-test screenshot attached',
      { field: 'attachments', kind: 'speed_test' },
    );
  }
}
