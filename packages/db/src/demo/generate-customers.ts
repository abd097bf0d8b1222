import {
  ACCESS_METHODS,
  BROADBAND_TARIFFS,
  COOPERATION_MODES,
  ENTERPRISE_TARIFFS,
  ONU_MODELS,
  STB_MODELS,
  type ProductKind,
} from './catalog.js';
import type { OrgModel } from './generate-org.js';
import { UniquePhones, personName } from './names.js';
import {
  BUILDING_SPREAD_KM,
  COMMUNITY_SPREAD_KM,
  DISTRICTS,
  communityName,
  pointNear,
  type StreetDef,
} from './places.js';
import type { Rng } from './random.js';
import { DAY, localIsoDate } from './time.js';
import type { DemoArea, DemoCustomer, DemoProduct } from './types.js';

/**
 * Customers and their lines. Most customers already subscribe when the demo period starts (faults and
 * complaints come from them); installs add new customers as orders arrive. A line can only fail once it
 * is working, so each line carries the instant from which it may appear on a fault.
 */
interface Community {
  name: string;
  road: string;
  number: number;
  lng: number;
  lat: number;
  buildings: number;
}

export interface Line {
  customer: DemoCustomer;
  product: DemoProduct;
  /** Epoch ms from which the line works (before that a fault on it would be absurd). */
  activeFrom: number;
}

const STREET_BY_CODE = new Map(DISTRICTS.flatMap((d) => d.streets.map((s) => [s.code, s] as const)));

const COMPANY_HEADS = ['云帆', '启明', '安澜', '拓维', '睿信', '博远', '正泰', '恒诚', '数智', '禾木'];
const COMPANY_TAILS = ['科技', '贸易', '文化传媒', '电子商务', '建筑设计', '物流', '医疗器械'];

export class CustomerPool {
  readonly customers: DemoCustomer[] = [];
  readonly products: DemoProduct[] = [];
  private readonly lines: Record<ProductKind, Line[]> = { broadband: [], iptv: [], enterprise_line: [] };
  private readonly communities = new Map<string, Community[]>();
  private readonly phones: UniquePhones;
  private readonly usedNumbers = new Set<string>();
  private readonly iptvOf = new Map<string, Line>();
  private readonly broadbandByCustomer = new Map<string, DemoProduct>();
  private readonly streetOf = new Map<string, StreetDef>();

  constructor(
    private readonly rng: Rng,
    private readonly org: OrgModel,
  ) {
    this.phones = new UniquePhones(rng.fork('customer-phones'));
    for (const a of org.areas) {
      const street = STREET_BY_CODE.get(a.code);
      if (!street) throw new Error(`no street for area ${a.code}`);
      this.streetOf.set(a.id, street);
      const list: Community[] = [];
      for (let i = 0; i < 10; i++) {
        const p = pointNear(rng, a.centroid.lng, a.centroid.lat, COMMUNITY_SPREAD_KM);
        list.push({
          name: communityName(rng),
          road: rng.pick(street.roads),
          number: rng.int(1, 120) * 2 + (rng.chance(0.5) ? 1 : 0),
          lng: p.lng,
          lat: p.lat,
          buildings: rng.int(6, 32),
        });
      }
      this.communities.set(a.id, list);
    }
  }

  /** Subscribers from before the demo period, spread over every area. */
  seedExisting(count: number, periodStart: number): void {
    for (let i = 0; i < count; i++) {
      const since = periodStart - this.rng.int(20, 1500) * DAY;
      const enterprise = this.rng.chance(0.04);
      const line = this.newLine(enterprise ? 'enterprise_line' : 'broadband', since, this.rng.pick(this.org.areas));
      this.activate(line, since);
      if (!enterprise && this.rng.chance(0.4)) this.activate(this.addIptv(line.customer, since), since);
    }
  }

  /**
   * A line for a new install: broadband or an enterprise line for a new customer, IPTV added to an
   * existing broadband customer. It becomes usable once `activate` is called at the install's completion.
   */
  lineForInstall(kind: ProductKind, at: number, areas: readonly DemoArea[] = this.org.areas): Line {
    if (kind === 'iptv') {
      for (let tries = 0; tries < 20; tries++) {
        const host = this.workingLine('broadband', at, areas);
        if (!this.iptvOf.has(host.customer.id)) return this.addIptv(host.customer, at);
      }
      kind = 'broadband';
    }
    return this.newLine(kind, at, this.rng.pick(areas));
  }

  activate(line: Line, at: number): void {
    line.activeFrom = at;
    this.lines[line.product.kind].push(line);
  }

  /** A working line of this kind at `at`, for a fault or complaint. */
  workingLine(kind: ProductKind, at: number, areas?: readonly DemoArea[]): Line {
    const pool = this.lines[kind].length > 0 ? this.lines[kind] : this.lines.broadband;
    const inArea = (l: Line) => !areas || areas.some((a) => a.id === l.customer.areaId);
    for (let tries = 0; tries < 200; tries++) {
      const line = this.rng.pick(pool);
      if (line.activeFrom < at && inArea(line)) return line;
    }
    // Pre-period subscribers are active from the start, so this only happens with a tiny pool.
    const any = pool.find((l) => l.activeFrom < at && inArea(l)) ?? pool.find((l) => l.activeFrom < at);
    if (!any) throw new Error(`no working ${kind} line at ${new Date(at).toISOString()}`);
    return any;
  }

  private newLine(kind: ProductKind, at: number, area: DemoArea): Line {
    const c = this.rng.pick(this.communities.get(area.id) as Community[]);
    const n = personName(this.rng);
    const building = this.rng.int(1, c.buildings);
    const floor = this.rng.int(1, 18);
    const room = `${floor}0${this.rng.int(1, 4)}`;
    const p = pointNear(this.rng, c.lng, c.lat, BUILDING_SPREAD_KM);
    const enterprise = kind === 'enterprise_line';
    const customer: DemoCustomer = {
      id: this.rng.uuid(),
      tenantId: this.org.tenant.id,
      name: enterprise ? `杭州${this.rng.pick(COMPANY_HEADS)}${this.rng.pick(COMPANY_TAILS)}有限公司` : n.name,
      phone: this.phones.next(),
      address: `杭州市${area.district}${this.streetOf.get(area.id)?.name ?? ''}${c.road}${c.number}号${c.name}${building}幢${enterprise ? '' : `${this.rng.int(1, 3)}单元`}${room}室`,
      district: area.district,
      community: c.name,
      areaId: area.id,
      lat: p.lat,
      lng: p.lng,
      createdAt: new Date(at),
    };
    this.customers.push(customer);
    const tariff = this.rng.weighted(enterprise ? ENTERPRISE_TARIFFS : BROADBAND_TARIFFS);
    const product: DemoProduct = {
      id: this.rng.uuid(),
      tenantId: customer.tenantId,
      customerId: customer.id,
      kind,
      productNumber: this.uniqueNumber(enterprise ? 'ZX0571' : '0571', enterprise ? 6 : 8),
      tariff: tariff.tariff,
      bandwidthMbps: tariff.bandwidthMbps,
      accessMethod: enterprise ? 'FTTO' : this.rng.weighted(ACCESS_METHODS),
      cooperationMode: this.rng.weighted(COOPERATION_MODES),
      deviceModel: this.rng.pick(ONU_MODELS),
      since: localIsoDate(at),
    };
    this.products.push(product);
    if (kind === 'broadband') this.broadbandByCustomer.set(customer.id, product);
    // Not yet usable: activate() decides when (install completion, or before the period).
    return { customer, product, activeFrom: Number.POSITIVE_INFINITY };
  }

  private addIptv(customer: DemoCustomer, at: number): Line {
    const product: DemoProduct = {
      id: this.rng.uuid(),
      tenantId: customer.tenantId,
      customerId: customer.id,
      kind: 'iptv',
      productNumber: this.uniqueNumber('ITV0571', 7),
      tariff: 'IPTV 高清 20元/月',
      bandwidthMbps: null,
      accessMethod: null,
      cooperationMode: null,
      deviceModel: this.rng.pick(STB_MODELS),
      since: localIsoDate(at),
    };
    this.products.push(product);
    const line: Line = { customer, product, activeFrom: Number.POSITIVE_INFINITY };
    this.iptvOf.set(customer.id, line);
    return line;
  }

  /** The customer's broadband line (IPTV rides on it), for the broadband facts of an IPTV order. */
  broadbandOf(customerId: string): DemoProduct | undefined {
    return this.broadbandByCustomer.get(customerId);
  }

  private uniqueNumber(prefix: string, digits: number): string {
    for (;;) {
      const n = prefix + this.rng.digits(digits);
      if (!this.usedNumbers.has(n)) {
        this.usedNumbers.add(n);
        return n;
      }
    }
  }
}
