import {
  applyDecision,
  decide,
  isQualified,
  type Actor,
  type AppointmentWindow,
  type Person,
  type PolicyPack,
  type Position,
  type WorkOrder,
  type WorkOrderCommand,
  type WorkOrderType,
} from '@daowei/domain';
import type { OrgModel, StationModel, TeamModel } from './generate-org.js';
import type { Rng } from './random.js';
import { DAY, DEMO_TIME_ZONE, HOUR, MINUTE, SLOT_STARTS, atLocal, intoHours, localHour, localIsoDate } from './time.js';

/**
 * Runs an order through the real state machine (WO-03): every step is a command decided by the domain's
 * `decide` and applied with `applyDecision`, exactly as the server does, so a demo history is a legal
 * path by construction. The simulator only chooses plausible commands, actors and times; a command that
 * would happen after the demo's `now` is not run, which leaves recent orders open where they are.
 */

/** An event before it is numbered into the hash chain (that happens once all orders are final). */
export interface RawEvent {
  orderId: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string | null;
  actorPosition: string | null;
  at: Date;
  payload: Record<string, unknown>;
}

export interface SimEnv {
  org: OrgModel;
  rng: Rng;
  policy: PolicyPack;
  now: number;
  /** WO-08: called when a complaint completes as unresolved → fault; returns the fault's id. */
  spawnLinkedFault(complaint: WorkOrder, at: number, actor: Actor): string;
}

/** ENG-05: what engineers typically find on a broadband fault visit (observation within the policy's 30 min). */
const DEMO_DIAGNOSES = [
  {
    symptomReproduced: 'yes',
    observedMinutes: 5,
    causeCategory: 'ours',
    finding: '入户皮线接头松动，重新接续后光功率正常',
  },
  {
    symptomReproduced: 'intermittent',
    observedMinutes: 30,
    causeCategory: 'ours',
    finding: '分光器端口光衰偏大，约十分钟掉线一次，已更换端口',
  },
  { symptomReproduced: 'yes', observedMinutes: 10, causeCategory: 'customer_side', finding: '用户自购路由器过热死机' },
  { symptomReproduced: 'no', observedMinutes: 20, causeCategory: 'unknown', finding: '现场未复现，光功率与测速均正常' },
  {
    symptomReproduced: 'yes',
    observedMinutes: 8,
    causeCategory: 'third_party',
    finding: '楼道装修碰断入户光缆，已重新熔接',
  },
] as const;

export class OrderSim {
  order: WorkOrder;
  readonly events: RawEvent[] = [];
  /** Time of the latest event; the next one is at least a minute later. */
  t: number;
  /** Set once a step would fall after `now`: the order stays as it is today. */
  stopped = false;

  constructor(
    order: WorkOrder,
    creator: Actor,
    createPayload: Record<string, unknown>,
    private readonly env: SimEnv,
  ) {
    this.order = order;
    this.t = order.acceptedAt.getTime();
    this.events.push({
      orderId: order.id,
      action: 'create',
      fromStatus: null,
      toStatus: order.status,
      actorId: creator.personId,
      actorPosition: creator.position,
      at: order.acceptedAt,
      payload: createPayload,
    });
  }

  get rng(): Rng {
    return this.env.rng;
  }

  /** Decides and applies `cmd` at `at` (or a minute after the last event). False once past `now`. */
  run(at: number, cmd: WorkOrderCommand, actor: Actor): boolean {
    if (this.stopped) return false;
    const when = Math.max(at, this.t + MINUTE);
    if (when > this.env.now) {
      this.stopped = true;
      return false;
    }
    const decision = decide(this.order, cmd, actor, this.env.policy, new Date(when));
    if (cmd.action === 'complete') this.diagnoseBefore(when, actor);
    const from = this.order.status;
    // `step` (环节) follows the status by default; people may override it later, the demo never does.
    this.order = { ...applyDecision(this.order, decision), step: decision.to };
    this.t = when;
    const event: RawEvent = {
      orderId: this.order.id,
      action: decision.action,
      fromStatus: from,
      toStatus: decision.to,
      actorId: actor.personId,
      actorPosition: actor.position,
      at: new Date(when),
      payload: decision.payload,
    };
    this.events.push(event);
    // As the server does, the complaint's completion names the fault it raised (its number comes later).
    if (decision.spawnLinkedFault) {
      event.payload = { ...event.payload, linkedFaultId: this.env.spawnLinkedFault(this.order, when, actor) };
    }
    return true;
  }

  /**
   * ENG-05: as the server requires, a fault checked in on site is diagnosed on that visit before it
   * completes. The diagnosis goes between the last step and the completion and draws no random number,
   * so every other order, time and figure of the demo stays as it was.
   */
  private diagnoseBefore(when: number, actor: Actor): void {
    if (!this.env.policy.visit.diagnosis.requiredFor.includes(this.order.type)) return;
    const trip = this.events.slice(this.events.map((e) => e.action).lastIndexOf('depart'));
    if (trip[0]?.action !== 'depart' || !trip.some((e) => e.action === 'arrive')) return;
    if (trip.some((e) => e.action === 'diagnosis')) return;
    const at = this.t + Math.floor((when - this.t) / 2);
    const found = DEMO_DIAGNOSES[Math.floor(at / MINUTE) % DEMO_DIAGNOSES.length]!;
    this.events.push({
      orderId: this.order.id,
      action: 'diagnosis',
      fromStatus: this.order.status,
      toStatus: this.order.status,
      actorId: actor.personId,
      actorPosition: actor.position,
      at: new Date(at),
      payload: { ...found },
    });
  }

  /** Some minutes after the last event. */
  after(minMinutes: number, maxMinutes: number): number {
    return this.t + this.rng.int(minMinutes, maxMinutes) * MINUTE;
  }

  /** Some minutes later, but inside desk hours (08:00–21:00): nobody triages at 03:00. */
  desk(minMinutes: number, maxMinutes: number): number {
    return intoHours(this.after(minMinutes, maxMinutes), 8, 21, this.rng.int(0, 45));
  }

  /** Some minutes later, inside field hours (08:00–22:00, evening shifts included). */
  field(minMinutes: number, maxMinutes: number): number {
    return intoHours(this.after(minMinutes, maxMinutes), 8, 22, this.rng.int(5, 60));
  }
}

/** Who does what: cached actors and the choices of people a real desk would make. */
export class Staff {
  private readonly qualifiedCache = new Map<string, boolean>();

  constructor(private readonly env: SimEnv) {}

  private get rng(): Rng {
    return this.env.rng;
  }

  hotline(): Actor {
    return this.env.org.actor(this.rng.pick(this.env.org.hotline), 'hotline_agent');
  }

  callback(): Actor {
    return this.env.org.actor(this.rng.pick(this.env.org.callback), 'callback_agent');
  }

  /** The station's coordinator, or now and then the station manager standing in. */
  coordinator(st: StationModel): Actor {
    return this.rng.chance(0.1)
      ? this.env.org.actor(st.manager, 'station_manager')
      : this.env.org.actor(st.coordinator, 'coordinator');
  }

  as(p: Person, position: Position): Actor {
    return this.env.org.actor(p, position);
  }

  /** A field engineer working an order (a team lead doing field work acts as an on-site engineer). */
  worker(p: Person): Actor {
    return this.env.org.actor(p, 'onsite_engineer');
  }

  /** ORG-03 for the demo: cached per person, skill set and local day, the unit a certificate expires in. */
  isQualified(p: Person, skills: readonly string[], at: number): boolean {
    if (skills.length === 0) return true;
    const key = `${p.id}|${skills.join(',')}|${localIsoDate(at)}`;
    let ok = this.qualifiedCache.get(key);
    if (ok === undefined) {
      ok = isQualified(this.env.org.certsOf.get(p.id) ?? [], skills, new Date(at), DEMO_TIME_ZONE);
      this.qualifiedCache.set(key, ok);
    }
    return ok;
  }

  /** A qualified engineer of the team (or, if none is, anyone in it: the desk would override). */
  engineerIn(team: TeamModel, skills: readonly string[], at: number, excludeId?: string): Person {
    const members = team.members.filter((p) => p.id !== excludeId);
    const pool = members.length > 0 ? members : team.members;
    const ok = pool.filter((p) => this.isQualified(p, skills, at));
    return this.rng.pick(ok.length > 0 ? ok : pool);
  }

  /** WO-07: cause codes a resolved complaint may name, from the policy pack. */
  complaintCauses(): string[] {
    return this.env.policy.complaintCauses.map((c) => c.code);
  }

  team(st: StationModel): TeamModel {
    return this.rng.pick(st.teams);
  }
}

/**
 * An appointment window (APT-01): a 2-hour slot the customer picks, starting at least 90 minutes after
 * the call (45 for urgent jobs). Faults are booked the same day when a slot is left (SLA-04); installs
 * mostly the next days; planned visits within the week. Evening slots are offered but chosen less often.
 */
export function chooseWindow(rng: Rng, t: number, type: WorkOrderType, urgent = false): AppointmentWindow {
  const earliest = t + (urgent ? 45 : 90) * MINUTE;
  let offset: number;
  switch (type) {
    case 'fault':
    case 'complaint':
      offset = urgent || rng.chance(0.7) ? 0 : 1;
      break;
    case 'install':
      offset = rng.weighted([
        [0, 10],
        [1, 45],
        [2, 30],
        [3, 15],
      ]);
      break;
    default:
      offset = rng.int(1, 6);
  }
  for (let day = t + offset * DAY; ; day += DAY) {
    const options = SLOT_STARTS.map((h) => atLocal(day, h)).filter((s) => s >= earliest);
    if (options.length === 0) continue;
    const start = rng.weighted(options.map((s, i) => [s, i === 0 && urgent ? 10 : slotWeight(s)] as const));
    return { start: new Date(start), end: new Date(start + 2 * HOUR) };
  }
}

function slotWeight(start: number): number {
  const h = localHour(start);
  return h >= 20 ? 1 : h >= 18 ? 2 : 3;
}
