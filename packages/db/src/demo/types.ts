import type {
  Area,
  Certificate,
  ChainedEvent,
  ExternalAccount,
  OrgUnit,
  Person,
  PersonPosition,
  PolicyPack,
  Shift,
  Skill,
  Tenant,
  Vendor,
  WorkOrder,
} from '@daowei/domain';
import type { ProductKind } from './catalog.js';

/** Options of generateDemoData. Defaults are the size `npm start` loads; benchmarks pass larger ones. */
export interface DemoOptions {
  /** Same seed (and `now`) → identical data. */
  seed: number | string;
  /** The demo's present: orders are accepted in the `days` before it, and nothing happens after it. */
  now: Date;
  orders?: number;
  engineers?: number;
  days?: number;
}

/** An area (网格) with the district it lies in and its centre, for maps and address building. */
export interface DemoArea extends Area {
  district: string;
  centroid: { lng: number; lat: number };
}

/** A station's premises: where carry-in devices are handed in and engineers start their day. */
export interface DemoStationSite {
  tenantId: string;
  unitId: string;
  vendorId: string;
  name: string;
  address: string;
  lng: number;
  lat: number;
}

export interface DemoCustomer {
  id: string;
  tenantId: string;
  name: string;
  phone: string;
  address: string;
  district: string;
  community: string;
  areaId: string;
  lat: number;
  lng: number;
  createdAt: Date;
}

/** A line or service a customer holds (broadband account, IPTV, enterprise line). */
export interface DemoProduct {
  id: string;
  tenantId: string;
  customerId: string;
  kind: ProductKind;
  /** 产品号码: the broadband account / IPTV account orders refer to. */
  productNumber: string;
  tariff: string;
  bandwidthMbps: number | null;
  accessMethod: string | null;
  cooperationMode: string | null;
  deviceModel: string | null;
  /** Local date the line was opened. */
  since: string;
}

/** WO-07: the completion an order stands on, as stored (a JSON round trip: dates are ISO strings). */
export type DemoCompletion = Record<string, unknown> & { outcome: { kind: string } };

export interface DemoOrder extends WorkOrder {
  completion: DemoCompletion | null;
}

/** WO-08: the fault a complaint turned into, linked both ways through this row and `parentOrderId`. */
export interface DemoOrderLink {
  tenantId: string;
  fromOrderId: string;
  toOrderId: string;
  kind: 'complaint_to_fault';
}

/** The tenant with the short code the tenants table keys it by. */
export interface DemoTenant extends Tenant {
  code: string;
}

/** Units carry a code unique within the tenant (e.g. HT-XH-1 for a team). */
export interface DemoUnit extends OrgUnit {
  code: string;
}

/** One stored event of an order's history (AUD-01), chained with prevHash/hash. */
export type DemoEvent = ChainedEvent & { tenantId: string };

/** A demo login and who it is, printed at first start and listed in the README. */
export interface DemoAccount {
  login: string;
  description: string;
}

export interface DemoData {
  tenant: DemoTenant;
  policy: PolicyPack;
  vendors: Vendor[];
  units: DemoUnit[];
  stationSites: DemoStationSite[];
  people: Person[];
  positions: PersonPosition[];
  skills: Skill[];
  certificates: Certificate[];
  shifts: Shift[];
  externalAccounts: ExternalAccount[];
  areas: DemoArea[];
  customers: DemoCustomer[];
  products: DemoProduct[];
  /** Ordered by acceptance time. */
  orders: DemoOrder[];
  /** Ordered by order, then seq. */
  events: DemoEvent[];
  links: DemoOrderLink[];
  /** Highest order-number sequence used per local day (`YYYY-MM-DD`), so new orders continue after it. */
  orderNumberCounters: { tenantId: string; day: string; last: number }[];
}
