import type { careAgreements } from '../schema/care-agreements.js';
import type { inspectionPlans, inspectionTargets } from '../schema/inspections.js';
import type { DemoData } from './types.js';

const uuidFrom = (seed: string, n: number) => {
  // Deterministic ids (the demo is reproducible from its seed): the tenant id's shape with a counter.
  const hex = (seed.replace(/-/g, '').slice(0, 20) + n.toString(16).padStart(12, '0')).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * WO-16/WO-17 demo rows: coord1's station gets a home-care agreement (a weekly visit on Tuesday and
 * Friday mornings for an elderly customer, carer eng1) and a yearly gas-safety inspection plan over a
 * dozen households, one or two due each month. No visit or inspection order is made here: the console's
 * "fill the schedule" / "generate orders due" buttons make them through the real services (numbering,
 * events, SLA clocks), so the seeded order history stays exactly what the simulation produced.
 */
export function plannedWorkRows(data: DemoData, now: Date) {
  const coord = data.people.find((p) => p.login === 'coord1');
  const carer = data.people.find((p) => p.login === 'eng1');
  if (!coord?.vendorId || !carer) return { agreements: [], plans: [], targets: [] };
  const stationOf = new Map(data.units.map((u) => [u.id, u]));
  const ownAreas = new Set(
    data.areas.filter((a) => a.stationId && stationOf.get(a.stationId)?.vendorId === coord.vendorId).map((a) => a.id),
  );
  const customers = data.customers.filter((c) => ownAreas.has(c.areaId));
  if (customers.length < 13) return { agreements: [], plans: [], targets: [] };
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai
  const year = Number(today.slice(0, 4));
  const elder = customers[0]!;
  const agreements: (typeof careAgreements.$inferInsert)[] = [
    {
      id: uuidFrom(data.tenant.id, 1),
      tenantId: data.tenant.id,
      vendorId: coord.vendorId,
      customerId: elder.id,
      contactName: elder.name,
      contactPhone: elder.phone,
      address: elder.address,
      areaId: elder.areaId,
      contents: ['cleaning', 'health_check', 'medication', 'companionship'],
      schedule: { kind: 'weekly', everyWeeks: 1, weekdays: [2, 5], start: '09:00', end: '10:30' },
      holidayHandling: 'next_day',
      startDate: today,
      endDate: `${year + 1}-${today.slice(5)}`,
      carerId: carer.id,
      note: '独居老人，子女在外地；进门前先电话告知',
      status: 'active',
      createdBy: coord.id,
      createdAt: now,
    },
  ];
  const planId = uuidFrom(data.tenant.id, 2);
  const plans: (typeof inspectionPlans.$inferInsert)[] = [
    {
      id: planId,
      tenantId: data.tenant.id,
      vendorId: coord.vendorId,
      year,
      name: `${year} 年度入户燃气安全检查`,
      createdBy: coord.id,
      createdAt: now,
    },
  ];
  const targets: (typeof inspectionTargets.$inferInsert)[] = customers.slice(1, 13).map((c, i) => ({
    id: uuidFrom(data.tenant.id, 10 + i),
    tenantId: data.tenant.id,
    planId,
    customerName: c.name,
    contactPhone: c.phone,
    address: c.address,
    areaId: c.areaId,
    month: i + 1,
    createdAt: now,
  }));
  return { agreements, plans, targets };
}
