import { getPerson, listInspectionCrew, type Db, type StoredWorkOrder } from '@daowei/db';
import { assertInspectorCrew, DomainError, type PlannedWorkPolicy, type WorkOrderCommand } from '@daowei/domain';

/** The crew of an inspection with names, lead first. */
export async function crewOf(q: Db, tenantId: string, orderId: string) {
  const crew = await listInspectionCrew(q, tenantId, orderId);
  return Promise.all(
    crew.map(async (c) => ({
      personId: c.personId,
      name: (await getPerson(q, tenantId, c.personId))?.name ?? '',
      lead: c.lead,
      assignedAt: c.assignedAt.toISOString(),
    })),
  );
}

/**
 * WO-17 in the lifecycle: an inspection order is dispatched only to the lead of a recorded crew of at
 * least the policy's size, and completes only with that crew recorded. Called by the work-order
 * service inside the acting transaction; other order types pass untouched.
 */
export async function assertInspectionCrewFor(
  tx: Db,
  planned: PlannedWorkPolicy,
  order: StoredWorkOrder,
  cmd: WorkOrderCommand,
) {
  if (order.type !== 'inspection' || (cmd.action !== 'dispatch' && cmd.action !== 'complete')) return;
  const crew = await listInspectionCrew(tx, order.tenantId, order.id);
  assertInspectorCrew(
    planned.inspection,
    crew.map((c) => c.personId),
  );
  if (cmd.action === 'dispatch' && (cmd.toUnitId || !crew.some((c) => c.lead && c.personId === cmd.toPersonId))) {
    throw new DomainError(
      'WO_INSPECTORS_REQUIRED',
      'An inspection is dispatched to its crew: assign the inspectors (the lead receives the order)',
      { required: planned.inspection.minInspectors, given: crew.length },
    );
  }
}

/** Base64 (bare or as a data URL) to bytes; the domain then checks size and magic bytes. */
export function decodeImage(data: string): Uint8Array {
  const comma = data.startsWith('data:') ? data.indexOf(',') : -1;
  return new Uint8Array(Buffer.from(data.slice(comma + 1), 'base64'));
}
