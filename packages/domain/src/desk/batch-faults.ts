import { z } from 'zod';

/**
 * WO-11 批量故障: many fault reports from one area or behind one access device in a short time are one
 * incident. The desk is proposed a parent incident per cluster; linked children then receive the
 * parent's status as one message instead of each being worked alone. Counts and window are policy data.
 */
export const batchFaultPolicySchema = z.object({
  version: z.number().int().positive(),
  /** Reports are clustered when they arrived within this many minutes of the newest. */
  windowMinutes: z.number().int().positive(),
  /** A cluster needs at least this many unlinked reports. */
  minReports: z.number().int().min(2),
  /** What makes reports one cluster, strongest first (a device cluster is tighter than an area one). */
  keys: z.array(z.enum(['access_device', 'area'])).min(1),
});
export type BatchFaultPolicy = z.infer<typeof batchFaultPolicySchema>;

export const DEFAULT_BATCH_FAULT_POLICY: BatchFaultPolicy = batchFaultPolicySchema.parse({
  version: 1,
  windowMinutes: 30,
  minReports: 5,
  keys: ['access_device', 'area'],
});

export interface FaultReport {
  id: string;
  reportedAt: Date;
  areaId: string | null;
  accessDeviceId: string | null;
  /** Already linked under a parent incident. */
  parentId: string | null;
  closed: boolean;
}

export interface IncidentProposal {
  key: { kind: 'access_device' | 'area'; value: string };
  childIds: string[];
  firstAt: Date;
  lastAt: Date;
}

/**
 * The clusters to propose at `now`: open, unlinked reports within the window, grouped by the policy's
 * keys in order; a report goes into the first (strongest) cluster that reaches the count, never two.
 */
export function proposeIncidents(reports: readonly FaultReport[], now: Date, policy: BatchFaultPolicy) {
  const from = now.getTime() - policy.windowMinutes * 60_000;
  let free = reports.filter(
    (r) => !r.closed && r.parentId === null && r.reportedAt.getTime() >= from && r.reportedAt <= now,
  );
  const proposals: IncidentProposal[] = [];
  for (const kind of policy.keys) {
    const groups = new Map<string, FaultReport[]>();
    for (const r of free) {
      const value = kind === 'area' ? r.areaId : r.accessDeviceId;
      if (value) groups.set(value, [...(groups.get(value) ?? []), r]);
    }
    const taken = new Set<string>();
    for (const [value, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      if (members.length < policy.minReports) continue;
      const times = members.map((m) => m.reportedAt.getTime());
      proposals.push({
        key: { kind, value },
        childIds: members.map((m) => m.id).sort(),
        firstAt: new Date(Math.min(...times)),
        lastAt: new Date(Math.max(...times)),
      });
      for (const m of members) taken.add(m.id);
    }
    free = free.filter((r) => !taken.has(r.id));
  }
  return proposals;
}

/** The children a parent's status message reaches: linked to it and still open. */
export function childrenToTell(parentId: string, reports: readonly FaultReport[]): string[] {
  return reports.filter((r) => r.parentId === parentId && !r.closed).map((r) => r.id);
}
