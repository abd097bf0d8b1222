import type { Actor, AppointmentWindow, Person, WorkOrderCommand, WorkOrderType } from '@daowei/domain';
import type { OrderFactory } from './generate-orders.js';
import type { StationModel } from './generate-org.js';
import type { OrderSim } from './simulate.js';
import { DAY, HOUR, MINUTE, SLOT_STARTS, atLocal } from './time.js';

/**
 * Fixed orders around `now` so that every demo account listed in DEMO_ACCOUNTS finds work the moment it
 * logs in, whatever the seed: eng1 has orders offered to him, to his team's pool and held by him today;
 * coord1 has orders to dispatch and one returned; lead1 a complaint to hand on (S1); callback1 orders to
 * call back; vendorb-coord work of his own vendor. They also guarantee every lifecycle state is present.
 * Each one still runs through the state machine, step by step.
 */
type Step = [minutesAgo: number, cmd: WorkOrderCommand, actor: Actor];

interface Showcase {
  type: WorkOrderType;
  station: StationModel;
  hoursAgo: number;
  steps: (w: Windows) => Step[];
  urgent?: boolean;
}

interface Windows {
  /** The next free 2-hour slots after now (today if any remain, then tomorrow). */
  next: AppointmentWindow[];
  /** A window that started `minutesAgo` ago (for jobs under way). */
  startedAgo(minutesAgo: number): AppointmentWindow;
}

function windowsAt(now: number): Windows {
  const next: AppointmentWindow[] = [];
  for (let day = now; next.length < 3; day += DAY) {
    for (const h of SLOT_STARTS) {
      const start = atLocal(day, h);
      if (start >= now + 30 * MINUTE && next.length < 3)
        next.push({ start: new Date(start), end: new Date(start + 2 * HOUR) });
    }
  }
  return {
    next,
    startedAgo: (m) => {
      const start = now - m * MINUTE;
      return { start: new Date(start), end: new Date(start + 2 * HOUR) };
    },
  };
}

export function showcaseOrders(f: OrderFactory): Showcase[] {
  const { org, staff } = f;
  const login = (l: string): Person => {
    const p = org.byLogin.get(l);
    if (!p) throw new Error(`demo login ${l} missing`);
    return p;
  };
  const [s1, , s3] = org.stations as [StationModel, StationModel, StationModel, StationModel];
  const team1 = s1.teams[0] as StationModel['teams'][number];
  const hotline = staff.as(login('hotline1'), 'hotline_agent');
  const coord1 = staff.as(login('coord1'), 'coordinator');
  const lead1 = staff.as(login('lead1'), 'team_lead');
  const eng1 = staff.worker(login('eng1'));
  const eng2 = staff.worker(login('eng2'));
  const callback1 = staff.as(login('callback1'), 'callback_agent');
  const coordB = staff.as(login('vendorb-coord'), 'coordinator');
  const engB = s3.engineers[1] as Person;
  const triage = (m: number): Step => [m, { action: 'triage', remark: '信息核实无误' }, hotline];
  const toPerson = (m: number, p: Actor, by = coord1): Step => [
    m,
    { action: 'dispatch', toPersonId: p.personId, remark: '就近派单' },
    by,
  ];
  const take = (m: number, a: Actor): Step => [m, { action: 'take' }, a];
  const confirm = (m: number, a: Actor, window: AppointmentWindow): Step => [
    m,
    { action: 'confirm_appointment', window },
    a,
  ];
  const done = (m: number, a: Actor, minutes: number): Step => [
    m,
    {
      action: 'complete',
      completion: {
        customerContacted: true,
        handlingMinutes: minutes,
        remark: '处理完毕，测速达标，用户确认',
        outcome: { kind: 'done' },
      },
    },
    a,
  ];
  const held = (m: number, a: Actor): Step[] => [triage(m), toPerson(m - 10, a), take(m - 20, a)];

  return [
    // eng1: two orders offered to him, one to his team's pool (WO-04 take), four of his own.
    { type: 'fault', station: s1, hoursAgo: 2, steps: () => [triage(100), toPerson(80, eng1)] },
    { type: 'install', station: s1, hoursAgo: 3, steps: () => [triage(150), toPerson(120, eng1)] },
    {
      type: 'fault',
      station: s1,
      hoursAgo: 1.5,
      urgent: true,
      steps: () => [triage(70), [50, { action: 'dispatch', toUnitId: team1.unit.id, remark: '派至班组抢单' }, coord1]],
    },
    { type: 'fault', station: s1, hoursAgo: 4, steps: () => held(200, eng1) },
    {
      type: 'install',
      station: s1,
      hoursAgo: 20,
      steps: (w) => [...held(1000, eng1), confirm(900, eng1, w.next[0] as AppointmentWindow)],
    },
    {
      type: 'fault',
      station: s1,
      hoursAgo: 6,
      steps: (w) => [...held(300, eng1), confirm(250, eng1, w.next[1] as AppointmentWindow)],
    },
    {
      type: 'fault',
      station: s1,
      hoursAgo: 5,
      steps: (w) => [...held(280, eng1), confirm(240, eng1, w.startedAgo(-25)), [5, { action: 'depart' }, eng1]],
    },
    {
      type: 'fault',
      station: s1,
      hoursAgo: 30,
      steps: (w) => [
        ...held(1700, eng1),
        confirm(1650, eng1, w.startedAgo(1500)),
        [1530, { action: 'depart' }, eng1],
        [1505, { action: 'arrive' }, eng1],
        [1460, { action: 'suspend', reason: 'waiting_parts', remark: '光猫型号缺货，等待备件调拨' }, eng1],
      ],
    },
    // eng2: one offered, one on site now, one he returned this morning (coord1 must re-triage it).
    { type: 'fault', station: s1, hoursAgo: 2, steps: () => [triage(90), toPerson(60, eng2)] },
    {
      type: 'install',
      station: s1,
      hoursAgo: 26,
      steps: (w) => [
        ...held(1500, eng2),
        confirm(1400, eng2, w.startedAgo(30)),
        [60, { action: 'depart' }, eng2],
        [25, { action: 'arrive' }, eng2],
      ],
    },
    {
      type: 'install',
      station: s1,
      hoursAgo: 8,
      steps: () => [
        ...held(440, eng2),
        [180, { action: 'return', reasonCode: 'wrong_info', remark: '门牌号不存在，联系不上用户' }, eng2],
      ],
    },
    // coord1's queue: one just created, two triaged and waiting for dispatch.
    { type: 'fault', station: s1, hoursAgo: 0.3, steps: () => [] },
    { type: 'fault', station: s1, hoursAgo: 1, steps: () => [triage(45)] },
    { type: 'install', station: s1, hoursAgo: 2.5, steps: () => [triage(120)] },
    // lead1: a complaint he has taken and should hand to an engineer (S1), one offered to him.
    { type: 'complaint', station: s1, hoursAgo: 3, steps: () => [triage(160), toPerson(140, lead1), take(120, lead1)] },
    { type: 'complaint', station: s1, hoursAgo: 1, steps: () => [triage(50), toPerson(40, lead1)] },
    // callback1: one completed today awaiting the call, one call under way.
    {
      type: 'install',
      station: s1,
      hoursAgo: 28,
      steps: (w) => [
        ...held(1650, eng1),
        confirm(1600, eng1, w.startedAgo(260)),
        [290, { action: 'depart' }, eng1],
        [250, { action: 'arrive' }, eng1],
        done(150, eng1, 95),
      ],
    },
    {
      type: 'fault',
      station: s1,
      hoursAgo: 27,
      steps: (w) => [
        ...held(1600, eng2),
        confirm(1560, eng2, w.startedAgo(1400)),
        [1430, { action: 'depart' }, eng2],
        [1395, { action: 'arrive' }, eng2],
        done(1340, eng2, 50),
        [4, { action: 'start_callback' }, callback1],
      ],
    },
    // The other vendor's coordinator: one to dispatch, one offered to his engineer.
    { type: 'fault', station: s3, hoursAgo: 1.5, steps: () => [triage(80)] },
    {
      type: 'install',
      station: s3,
      hoursAgo: 3,
      steps: () => [triage(160), toPerson(130, staff.worker(engB), coordB)],
    },
  ];
}

/** Runs the showcase orders; returns how many there are. */
export function addShowcase(f: OrderFactory): number {
  const list = showcaseOrders(f);
  const windows = windowsAt(f.now);
  for (const s of list) {
    const at = f.now - Math.round(s.hoursAgo * HOUR);
    const line =
      s.type === 'install'
        ? f.pool.lineForInstall('broadband', at, s.station.areas)
        : f.pool.workingLine('broadband', at, s.station.areas);
    const order = f.newOrder(
      s.type,
      line,
      at,
      s.station,
      s.urgent ? 'urgent' : s.type === 'complaint' ? 'high' : 'normal',
    );
    const hotline = f.staff.hotline();
    const script = (sim: OrderSim) => {
      for (const [minutesAgo, cmd, actor] of s.steps(windows)) sim.run(f.now - minutesAgo * MINUTE, cmd, actor);
    };
    f.run(order, hotline, { channel: 'phone' }, s.station, 'showcase', script);
  }
  return list.length;
}
