import {
  linkedFaultFromComplaint,
  type Actor,
  type BroadbandFacts,
  type PolicyPack,
  type Priority,
  type WorkOrder,
  type WorkOrderType,
} from '@daowei/domain';
import {
  BROADBAND_FAULTS,
  CARE_VISITS,
  CARRY_INS,
  COMPLAINTS,
  CONSULTATIONS,
  CUSTOMER_MESSAGES,
  ENTERPRISE_FAULTS,
  INSPECTIONS,
  IPTV_FAULTS,
  ONU_MODELS,
  PAID_SERVICES,
  PRODUCT_NAMES,
  ROUTER_MODELS,
  STB_MODELS,
  type ProductKind,
} from './catalog.js';
import { runOrder, type Job } from './flows.js';
import type { CustomerPool, Line } from './generate-customers.js';
import type { OrgModel, StationModel } from './generate-org.js';
import { personName, politeName } from './names.js';
import type { Rng } from './random.js';
import { OrderSim, Staff, type RawEvent, type SimEnv } from './simulate.js';
import { DAY, HOUR, MINUTE, intoHours, localIsoDate } from './time.js';

/**
 * Work orders over the demo period (WO-01/02/03): acceptance times follow the daily rhythm of a
 * broadband desk, types follow a realistic mix (mostly installs and faults), and each order is run
 * through the state machine in acceptance order, so later orders can see what earlier ones did (a
 * line installed last week can fail today; a fault fixed last week can come back — WO-12).
 */
export interface SimulatedOrder {
  order: WorkOrder;
  events: RawEvent[];
  /** Not counted against the requested total: spawned by a complaint (WO-08) or a fixed showcase. */
  kind: 'regular' | 'linked' | 'showcase';
}

const TYPE_MIX: readonly (readonly [WorkOrderType, number])[] = [
  ['install', 36],
  ['fault', 40],
  ['complaint', 9],
  ['inspection', 3],
  ['care_visit', 2.5],
  ['carry_in', 3.5],
  ['consultation', 3.5],
  ['paid_service', 2.5],
];

/** Share of acceptances per local hour: quiet nights, busy mornings, an evening bump after work. */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 6, 9, 9, 8, 6, 7, 8, 8, 7, 6, 6, 7, 6, 4, 3, 2];

const BUSINESS: Readonly<Record<WorkOrderType, Readonly<Record<ProductKind, string>>>> = {
  install: { broadband: '家庭宽带新装', iptv: 'IPTV 新装', enterprise_line: '政企专线开通' },
  fault: { broadband: '宽带故障报修', iptv: 'IPTV 故障报修', enterprise_line: '专线故障报修' },
  complaint: { broadband: '宽带服务投诉', iptv: 'IPTV 服务投诉', enterprise_line: '专线服务投诉' },
  inspection: { broadband: '设备安全检查', iptv: '设备安全检查', enterprise_line: '专线设备巡检' },
  care_visit: { broadband: '定期上门服务', iptv: '定期上门服务', enterprise_line: '政企客户巡访' },
  carry_in: { broadband: '终端送修', iptv: '终端送修', enterprise_line: '终端送修' },
  consultation: { broadband: '业务咨询', iptv: '业务咨询', enterprise_line: '业务咨询' },
  paid_service: { broadband: '有偿上门服务', iptv: '有偿上门服务', enterprise_line: '有偿上门服务' },
};

interface FinishedFault {
  line: Line;
  finishedAt: number;
}

export class OrderFactory {
  readonly results: SimulatedOrder[] = [];
  readonly staff: Staff;
  private readonly env: SimEnv;
  private readonly lineOf = new Map<string, Line>();
  private readonly finishedFaults: FinishedFault[] = [];
  /** Acceptance time of the latest fault per product id. */
  private readonly lastFaultAt = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    readonly org: OrgModel,
    readonly pool: CustomerPool,
    policy: PolicyPack,
    readonly now: number,
  ) {
    this.env = {
      org,
      rng,
      policy,
      now,
      spawnLinkedFault: (complaint, at, actor) => this.spawnLinkedFault(complaint, at, actor),
    };
    this.staff = new Staff(this.env);
  }

  /** Acceptance instants and types for `count` orders over the last `days` days, in time order. */
  plan(count: number, days: number): { at: number; type: WorkOrderType }[] {
    const rng = this.rng;
    const hours = HOUR_WEIGHTS.map((w, h) => [h, w] as const);
    const plan: { at: number; type: WorkOrderType }[] = [];
    while (plan.length < count) {
      // Any day touching the window, then rejection: the period is exactly `days` long, ending 10 minutes
      // before now, whatever the time of day `now` falls at.
      const day = this.now - rng.int(0, days) * DAY;
      const midnight = day - ((day + 8 * HOUR) % DAY);
      let at = midnight + rng.weighted(hours) * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
      const type = rng.weighted(TYPE_MIX);
      // Planned visits are generated in office hours; carry-ins arrive while the station is open.
      if (type === 'inspection' || type === 'care_visit') at = intoHours(at, 9, 17, rng.int(0, 60));
      if (type === 'carry_in') at = intoHours(at, 9, 18, rng.int(0, 60));
      if (at >= this.now - days * DAY && at < this.now - 10 * MINUTE) plan.push({ at, type });
    }
    return plan.sort((a, b) => a.at - b.at);
  }

  /** Creates and runs one regular order accepted at `at`. */
  regular(at: number, type: WorkOrderType): SimulatedOrder {
    const rng = this.rng;
    let line: Line;
    if (type === 'install') {
      line = this.pool.lineForInstall(rng.weighted(PRODUCT_KIND_FOR_INSTALL), at);
    } else if (type === 'fault') {
      line = this.repeatCandidate(at) ?? this.freshFaultLine(at);
      this.lastFaultAt.set(line.product.id, at);
    } else {
      line = this.pool.workingLine(type === 'complaint' ? rng.weighted(PRODUCT_KIND_FOR_FAULT) : 'broadband', at);
    }
    const station = this.stationOf(line);
    const order = this.newOrder(type, line, at, station);
    const { creator, channel } = this.creatorOf(type, station);
    const result = this.run(order, creator, { channel }, station, 'regular');
    if (type === 'install' && result.order.completedAt) this.pool.activate(line, result.order.completedAt.getTime());
    return result;
  }

  /** Runs an order from its creation event to wherever it stands at `now`. */
  run(
    order: WorkOrder,
    creator: Actor,
    createPayload: Record<string, unknown>,
    station: StationModel,
    kind: SimulatedOrder['kind'],
    script?: (sim: OrderSim) => void,
  ): SimulatedOrder {
    const sim = new OrderSim(order, creator, createPayload, this.env);
    const result: SimulatedOrder = { order, events: sim.events, kind };
    // Registered before running: a linked fault spawned mid-run lands after its complaint.
    this.results.push(result);
    if (script) script(sim);
    else runOrder(sim, this.jobFor(sim.order, station), this.staff);
    result.order = sim.order;
    const finished = sim.order.closedAt ?? sim.order.completedAt;
    const line = this.lineOf.get(order.id);
    if (sim.order.type === 'fault' && finished && line)
      this.finishedFaults.push({ line, finishedAt: finished.getTime() });
    return result;
  }

  jobFor(order: WorkOrder, station: StationModel): Job {
    const kind = this.lineOf.get(order.id)?.product.kind ?? 'broadband';
    let skills: string[] = [];
    switch (order.type) {
      case 'install':
        skills = kind === 'iptv' ? ['iptv'] : kind === 'enterprise_line' ? ['enterprise_line'] : ['broadband_install'];
        break;
      case 'fault':
        skills = kind === 'iptv' ? ['iptv'] : kind === 'enterprise_line' ? ['enterprise_line'] : ['fault_repair'];
        if (order.faultDescription?.includes('光缆')) skills.push('fttx_splicing');
        break;
      case 'inspection':
        skills = ['fault_repair'];
        break;
      case 'care_visit':
      case 'paid_service':
        skills = ['home_network'];
        break;
      case 'carry_in':
        skills = ['device_repair'];
        break;
    }
    return { station, skills, urgent: order.priority === 'urgent' };
  }

  stationOf(line: Line): StationModel {
    const st = this.org.stations.find((s) => s.areas.some((a) => a.id === line.customer.areaId));
    if (!st) throw new Error(`no station serves area ${line.customer.areaId}`);
    return st;
  }

  /**
   * A line with no fault in the last five weeks. Drawn blindly, a demo-sized subscriber base would
   * repeat far more often than a real network (about 1–2 % of lines fail in a month), so repeats are
   * made on purpose instead (repeatCandidate), at a believable rate.
   */
  private freshFaultLine(at: number): Line {
    const kind = this.rng.weighted(PRODUCT_KIND_FOR_FAULT);
    let line = this.pool.workingLine(kind, at);
    for (let tries = 0; tries < 30; tries++) {
      const last = this.lastFaultAt.get(line.product.id);
      if (last === undefined || at - last > 35 * DAY) break;
      line = this.pool.workingLine(kind, at);
    }
    return line;
  }

  /** WO-12 on purpose: now and then the same line fails again within the 30-day window. */
  private repeatCandidate(at: number): Line | null {
    if (!this.rng.chance(0.06) || this.finishedFaults.length === 0) return null;
    const recent = this.finishedFaults.slice(-400);
    for (let tries = 0; tries < 20; tries++) {
      const f = this.rng.pick(recent);
      const age = at - f.finishedAt;
      if (age > 2 * HOUR && age < 28 * DAY) return f.line;
    }
    return null;
  }

  private creatorOf(type: WorkOrderType, st: StationModel): { creator: Actor; channel: string } {
    const rng = this.rng;
    switch (type) {
      case 'inspection':
      case 'care_visit':
        return { creator: this.org.actor(this.org.admin, 'admin'), channel: 'plan' };
      case 'carry_in':
        return { creator: this.staff.as(st.benchEngineer, 'reception_engineer'), channel: 'walk_in' };
      case 'install':
        return { creator: this.staff.hotline(), channel: rng.chance(0.6) ? 'bss' : 'phone' };
      case 'fault':
        return { creator: this.staff.hotline(), channel: rng.weighted(FAULT_CHANNELS) };
      default:
        return { creator: this.staff.hotline(), channel: 'phone' };
    }
  }

  /** WO-02: a new order's facts, every required field filled ("不许有空格"). */
  newOrder(type: WorkOrderType, line: Line, at: number, st: StationModel, priority?: Priority): WorkOrder {
    const rng = this.rng;
    const { customer, product } = line;
    const kind = product.kind;
    const enterprise = kind === 'enterprise_line';
    const contact = enterprise || rng.chance(0.3) ? politeName(personName(rng)) : customer.name;
    const bb = kind === 'iptv' ? this.pool.broadbandOf(customer.id) : product;
    const broadband: BroadbandFacts | null =
      bb && bb.bandwidthMbps !== null
        ? {
            bandwidthMbps: bb.bandwidthMbps,
            tariff: bb.tariff,
            accessMethod: bb.accessMethod ?? 'FTTH',
            cooperationMode: bb.cooperationMode ?? '自建自营',
          }
        : null;
    const device =
      type === 'carry_in' ? rng.pick([...ONU_MODELS, ...ROUTER_MODELS, ...STB_MODELS]) : product.deviceModel;
    const purchased = type === 'carry_in' || type === 'paid_service' ? at - rng.int(30, 3 * 365) * DAY : null;
    const order: WorkOrder = {
      id: rng.uuid(),
      tenantId: this.org.tenant.id,
      vendorId: st.vendor.id,
      number: '', // numbered once every order's acceptance time is known (finalize)
      acceptanceSerial: `SL${localIsoDate(at).replaceAll('-', '')}${rng.digits(6)}`,
      type,
      status: 'created',
      priority: priority ?? this.priorityOf(type),
      product: PRODUCT_NAMES[kind],
      business: BUSINESS[type][kind],
      productNumber: product.productNumber,
      customerId: customer.id,
      contactName: contact,
      contactPhone: rng.chance(0.85) ? customer.phone : customer.phone.slice(0, 3) + rng.digits(8),
      address: customer.address,
      areaId: customer.areaId,
      lat: customer.lat,
      lng: customer.lng,
      appointment: null,
      step: 'created',
      customerMessage: rng.chance(0.25) ? rng.pick(CUSTOMER_MESSAGES) : null,
      faultDescription: this.descriptionOf(type, kind),
      broadband,
      productModel: device,
      purchaseDate: purchased === null ? null : localIsoDate(purchased),
      warranty: purchased === null ? 'unknown' : at - purchased < 365 * DAY ? 'in_warranty' : 'out_of_warranty',
      stationId: st.unit.id,
      offeredToPersonId: null,
      offeredToUnitId: null,
      holderId: null,
      suspendReason: null,
      parentOrderId: null,
      repeatOfOrderId: null,
      acceptedAt: new Date(at),
      completedAt: null,
      closedAt: null,
      version: 1,
    };
    this.lineOf.set(order.id, line);
    return order;
  }

  private priorityOf(type: WorkOrderType): Priority {
    const rng = this.rng;
    if (type === 'complaint') return rng.chance(0.6) ? 'high' : 'normal';
    if (type === 'fault') return rng.weighted(FAULT_PRIORITIES);
    return rng.chance(0.08) ? 'low' : 'normal';
  }

  private descriptionOf(type: WorkOrderType, kind: ProductKind): string | null {
    const rng = this.rng;
    switch (type) {
      case 'fault':
        return rng.weighted(
          kind === 'iptv' ? IPTV_FAULTS : kind === 'enterprise_line' ? ENTERPRISE_FAULTS : BROADBAND_FAULTS,
        );
      case 'complaint':
        return rng.weighted(COMPLAINTS);
      case 'inspection':
        return rng.pick(INSPECTIONS);
      case 'care_visit':
        return rng.pick(CARE_VISITS);
      case 'carry_in':
        return rng.pick(CARRY_INS);
      case 'consultation':
        return rng.pick(CONSULTATIONS);
      case 'paid_service':
        return rng.pick(PAID_SERVICES);
      default:
        return null;
    }
  }

  /** WO-08: the fault a complaint turned into, accepted when the complaint was completed. */
  private spawnLinkedFault(complaint: WorkOrder, at: number, actor: Actor): string {
    const fault: WorkOrder = {
      ...linkedFaultFromComplaint(complaint, new Date(at)),
      id: this.rng.uuid(),
      number: '',
      version: 1,
    };
    const line = this.lineOf.get(complaint.id);
    if (line) this.lineOf.set(fault.id, line);
    const station = this.org.stations.find((s) => s.unit.id === complaint.stationId) as StationModel;
    // Its creation payload (the complaint's id and number) is written by finalize, once numbers exist.
    this.run(fault, actor, {}, station, 'linked');
    return fault.id;
  }
}

const PRODUCT_KIND_FOR_INSTALL: readonly (readonly [ProductKind, number])[] = [
  ['broadband', 80],
  ['iptv', 15],
  ['enterprise_line', 5],
];
const PRODUCT_KIND_FOR_FAULT: readonly (readonly [ProductKind, number])[] = [
  ['broadband', 82],
  ['iptv', 13],
  ['enterprise_line', 5],
];
const FAULT_CHANNELS: readonly (readonly [string, number])[] = [
  ['phone', 70],
  ['web', 15],
  ['app', 15],
];
const FAULT_PRIORITIES: readonly (readonly [Priority, number])[] = [
  ['low', 5],
  ['normal', 70],
  ['high', 20],
  ['urgent', 5],
];
