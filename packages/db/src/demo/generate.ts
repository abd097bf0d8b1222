import { DEFAULT_POLICY_PACK } from '@daowei/domain';
import { finalizeOrders } from './finalize.js';
import { CustomerPool } from './generate-customers.js';
import { OrderFactory } from './generate-orders.js';
import { DEMO_TEAM_COUNT, generateOrg } from './generate-org.js';
import { Rng } from './random.js';
import { addShowcase, showcaseOrders } from './showcase.js';
import { DAY } from './time.js';
import type { DemoData, DemoOptions } from './types.js';

export const DEMO_DEFAULTS = { orders: 3000, engineers: 40, days: 60 } as const;

/**
 * A complete demo tenant as plain objects, with no I/O: a carrier's Hangzhou branch, two vendors, four
 * stations, their people, rosters and areas, customers with their lines, and `orders` work orders
 * accepted over the `days` before `now`, each with a history produced by the domain state machine and
 * sealed in a hash chain. The same seed and `now` give deep-equal data.
 */
export function generateDemoData(opts: DemoOptions): DemoData {
  const orders = opts.orders ?? DEMO_DEFAULTS.orders;
  const engineers = opts.engineers ?? DEMO_DEFAULTS.engineers;
  const days = opts.days ?? DEMO_DEFAULTS.days;
  const now = opts.now.getTime();
  if (!Number.isFinite(now)) throw new Error('generateDemoData: `now` is not a valid date');
  if (!Number.isInteger(days) || days < 1) throw new Error('generateDemoData: `days` must be a whole number ≥ 1');
  if (!Number.isInteger(engineers) || engineers < 2 * DEMO_TEAM_COUNT) {
    throw new Error(`generateDemoData: \`engineers\` must be a whole number ≥ ${2 * DEMO_TEAM_COUNT}`);
  }

  const root = new Rng(opts.seed);
  const policy = DEFAULT_POLICY_PACK;
  const org = generateOrg(root.fork('org'), { now: opts.now, engineers, days });
  const pool = new CustomerPool(root.fork('customers'), org);
  // Subscribers from before the period: enough that faults spread over many households.
  pool.seedExisting(Math.max(200, Math.round(orders * 0.6)), now - days * DAY);

  const factory = new OrderFactory(root.fork('orders'), org, pool, policy, now);
  const showcase = showcaseOrders(factory).length;
  if (!Number.isInteger(orders) || orders < showcase) {
    throw new Error(`generateDemoData: \`orders\` must be a whole number ≥ ${showcase}`);
  }
  for (const p of factory.plan(orders - showcase, days)) factory.regular(p.at, p.type);
  addShowcase(factory);
  const final = finalizeOrders(factory.results, { target: orders, rng: root.fork('trim'), policy });

  return {
    tenant: org.tenant,
    policy,
    vendors: org.vendors,
    units: org.units,
    stationSites: org.stationSites,
    people: org.people,
    positions: org.positions,
    skills: org.skills,
    certificates: org.certificates,
    shifts: org.shifts,
    externalAccounts: org.externalAccounts,
    areas: org.areas,
    customers: pool.customers,
    products: pool.products,
    orders: final.orders,
    events: final.events,
    links: final.links,
    orderNumberCounters: [...final.counters].map(([day, last]) => ({ tenantId: org.tenant.id, day, last })),
  };
}
