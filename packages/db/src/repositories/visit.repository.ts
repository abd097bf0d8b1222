import { and, asc, count, eq } from 'drizzle-orm';
import type { AttachmentKind } from '@daowei/domain';
import type { Db } from '../client.js';
import {
  workOrderAttachments,
  workOrderChecklistTicks,
  workOrderConfirmations,
  workOrderConsents,
} from '../schema/visit-records.js';

/**
 * ENG-03/04/06, WO-14: the records of a visit. Image bytes are written here and read back only by the
 * one-attachment read; lists carry metadata so a page of photos does not load megabytes.
 */

export interface NewConsent {
  orderId: string;
  kind: string;
  backupConfirmed: boolean;
  quotedPriceFen: number | null;
  note: string | null;
  signature: Uint8Array;
  signatureType: string;
  signedAt: Date;
  recordedBy: string;
}

const consentMeta = {
  id: workOrderConsents.id,
  orderId: workOrderConsents.orderId,
  kind: workOrderConsents.kind,
  backupConfirmed: workOrderConsents.backupConfirmed,
  quotedPriceFen: workOrderConsents.quotedPriceFen,
  note: workOrderConsents.note,
  signatureType: workOrderConsents.signatureType,
  signedAt: workOrderConsents.signedAt,
  recordedBy: workOrderConsents.recordedBy,
};
export type StoredConsent = Omit<NewConsent, 'signature'> & { id: string };

export async function insertConsent(db: Db, tenantId: string, c: NewConsent): Promise<StoredConsent> {
  const [row] = await db
    .insert(workOrderConsents)
    .values({ tenantId, ...c })
    .returning(consentMeta);
  return row!;
}

export async function listConsents(db: Db, tenantId: string, orderId: string): Promise<StoredConsent[]> {
  return db
    .select(consentMeta)
    .from(workOrderConsents)
    .where(and(eq(workOrderConsents.tenantId, tenantId), eq(workOrderConsents.orderId, orderId)))
    .orderBy(asc(workOrderConsents.signedAt), asc(workOrderConsents.id));
}

export interface NewAttachment {
  orderId: string;
  kind: AttachmentKind;
  contentType: string;
  data: Uint8Array;
  caption: string | null;
  uploadedBy: string;
  uploadedAt: Date;
}

const attachmentMeta = {
  id: workOrderAttachments.id,
  orderId: workOrderAttachments.orderId,
  kind: workOrderAttachments.kind,
  contentType: workOrderAttachments.contentType,
  byteSize: workOrderAttachments.byteSize,
  caption: workOrderAttachments.caption,
  uploadedBy: workOrderAttachments.uploadedBy,
  uploadedAt: workOrderAttachments.uploadedAt,
};
export type StoredAttachment = Omit<NewAttachment, 'data'> & { id: string; byteSize: number };

export async function insertAttachment(db: Db, tenantId: string, a: NewAttachment): Promise<StoredAttachment> {
  const [row] = await db
    .insert(workOrderAttachments)
    .values({ tenantId, ...a, byteSize: a.data.length })
    .returning(attachmentMeta);
  return row!;
}

export async function listAttachments(db: Db, tenantId: string, orderId: string): Promise<StoredAttachment[]> {
  return db
    .select(attachmentMeta)
    .from(workOrderAttachments)
    .where(and(eq(workOrderAttachments.tenantId, tenantId), eq(workOrderAttachments.orderId, orderId)))
    .orderBy(asc(workOrderAttachments.uploadedAt), asc(workOrderAttachments.id));
}

/** One attachment with its bytes, only if it belongs to that order (the caller checked the order's visibility). */
export async function getAttachmentData(db: Db, tenantId: string, orderId: string, id: string) {
  const [row] = await db
    .select({ contentType: workOrderAttachments.contentType, data: workOrderAttachments.data })
    .from(workOrderAttachments)
    .where(
      and(
        eq(workOrderAttachments.tenantId, tenantId),
        eq(workOrderAttachments.orderId, orderId),
        eq(workOrderAttachments.id, id),
      ),
    );
  return row ?? null;
}

export async function countAttachments(db: Db, tenantId: string, orderId: string, kind: AttachmentKind) {
  const [row] = await db
    .select({ n: count() })
    .from(workOrderAttachments)
    .where(
      and(
        eq(workOrderAttachments.tenantId, tenantId),
        eq(workOrderAttachments.orderId, orderId),
        eq(workOrderAttachments.kind, kind),
      ),
    );
  return Number(row?.n ?? 0);
}

/** ENG-03: ticks steps (a step ticked twice keeps its first time). */
export async function tickChecklist(
  db: Db,
  tenantId: string,
  input: { orderId: string; steps: readonly string[]; doneAt: Date; doneBy: string },
) {
  if (input.steps.length === 0) return;
  await db
    .insert(workOrderChecklistTicks)
    .values(
      input.steps.map((step) => ({
        tenantId,
        orderId: input.orderId,
        step,
        doneAt: input.doneAt,
        doneBy: input.doneBy,
      })),
    )
    .onConflictDoNothing({ target: [workOrderChecklistTicks.orderId, workOrderChecklistTicks.step] });
}

export async function listChecklistTicks(db: Db, tenantId: string, orderId: string) {
  return db
    .select({
      step: workOrderChecklistTicks.step,
      doneAt: workOrderChecklistTicks.doneAt,
      doneBy: workOrderChecklistTicks.doneBy,
    })
    .from(workOrderChecklistTicks)
    .where(and(eq(workOrderChecklistTicks.tenantId, tenantId), eq(workOrderChecklistTicks.orderId, orderId)))
    .orderBy(asc(workOrderChecklistTicks.doneAt), asc(workOrderChecklistTicks.step));
}

export interface NewConfirmation {
  orderId: string;
  satisfaction: number;
  comment: string | null;
  declinedToSign: boolean;
  signature: Uint8Array | null;
  signatureType: string | null;
  confirmedAt: Date;
  recordedBy: string;
}

const confirmationMeta = {
  id: workOrderConfirmations.id,
  orderId: workOrderConfirmations.orderId,
  satisfaction: workOrderConfirmations.satisfaction,
  comment: workOrderConfirmations.comment,
  declinedToSign: workOrderConfirmations.declinedToSign,
  signatureType: workOrderConfirmations.signatureType,
  confirmedAt: workOrderConfirmations.confirmedAt,
  recordedBy: workOrderConfirmations.recordedBy,
};
export type StoredConfirmation = Omit<NewConfirmation, 'signature'> & { id: string };

/** ENG-06: one confirmation per order; a second one is not inserted (null) — the caller answers 409. */
export async function insertConfirmation(
  db: Db,
  tenantId: string,
  c: NewConfirmation,
): Promise<StoredConfirmation | null> {
  const [row] = await db
    .insert(workOrderConfirmations)
    .values({ tenantId, ...c })
    .onConflictDoNothing({ target: [workOrderConfirmations.orderId] })
    .returning(confirmationMeta);
  return row ?? null;
}

export async function getConfirmation(db: Db, tenantId: string, orderId: string): Promise<StoredConfirmation | null> {
  const [row] = await db
    .select(confirmationMeta)
    .from(workOrderConfirmations)
    .where(and(eq(workOrderConfirmations.tenantId, tenantId), eq(workOrderConfirmations.orderId, orderId)));
  return row ?? null;
}
