import type { Actor, AppointmentWindow, CompletionOutcome, Person, SuspendReason } from '@daowei/domain';
import {
  CANCEL_REASONS,
  CANNOT_RESOLVE,
  COMPLAINT_SOLUTIONS,
  COMPLETION_REMARKS,
  MISDISPATCH_REMARKS,
  REOPEN_REASONS,
  RESCHEDULE_REASONS,
  RETURN_REMARKS,
  SUSPEND_REMARKS,
} from './catalog.js';
import type { StationModel } from './generate-org.js';
import { chooseWindow, type OrderSim, type Staff } from './simulate.js';
import { DAY, HOUR, MINUTE, intoHours } from './time.js';

/**
 * Realistic paths through the lifecycle, per kind of order. Branch rates are rough shares seen in
 * broadband field service: a few percent returned, rescheduled, suspended or reopened, most orders
 * straight through. Each function only proposes commands; the domain decides them (see OrderSim).
 */
export interface Job {
  station: StationModel;
  /** ORG-03 skills the job needs; the engineer chosen holds a valid certificate where possible. */
  skills: readonly string[];
  urgent: boolean;
}

interface Round {
  attempt: number;
  reopened: boolean;
}

const handlingMean: Record<string, number> = {
  install: 95,
  fault: 55,
  complaint: 40,
  inspection: 45,
  care_visit: 50,
  carry_in: 90,
  consultation: 15,
  paid_service: 110,
};

export function runOrder(sim: OrderSim, job: Job, staff: Staff): void {
  switch (sim.order.type) {
    case 'complaint':
      return complaintFlow(sim, job, staff);
    case 'carry_in':
      return benchFlow(sim, job, staff);
    case 'consultation':
      return phoneFlow(sim, job, staff);
    default:
      return visitFlow(sim, job, staff);
  }
}

function visitFlow(sim: OrderSim, job: Job, staff: Staff): void {
  const rng = sim.rng;
  // Most orders pass the desk's triage; some the coordinator dispatches straight from "created".
  if (rng.chance(0.85)) sim.run(sim.desk(3, 40), { action: 'triage', remark: '信息核实无误' }, staff.hotline());
  if (rng.chance(0.03)) {
    sim.run(sim.desk(10, 240), { action: 'cancel', reason: rng.pick(CANCEL_REASONS) }, staff.hotline());
    return;
  }
  fieldWork(sim, job, staff, { attempt: 0, reopened: false });
}

/** Dispatch → take → appointment → visit → complete → callback/close, with the usual detours. */
function fieldWork(sim: OrderSim, job: Job, staff: Staff, round: Round): void {
  const rng = sim.rng;
  const st = job.station;
  const coord = staff.coordinator(st);
  const team = staff.team(st);
  let person = staff.engineerIn(team, job.skills, sim.t);
  // WO-04/WO-06: offered to the team's pool (first to take wins) or handed to one engineer.
  if (rng.chance(0.35)) {
    sim.run(sim.desk(5, 90), { action: 'dispatch', toUnitId: team.unit.id, remark: '派至班组抢单' }, coord);
  } else {
    sim.run(sim.desk(5, 90), { action: 'dispatch', toPersonId: person.id, remark: '就近派单' }, coord);
  }
  let eng = staff.worker(person);
  if (round.attempt === 0 && rng.chance(0.025)) return returned(sim, job, staff, eng);
  sim.run(sim.field(5, 120), { action: 'take' }, eng);
  if (rng.chance(0.035)) {
    // 转派: the coordinator moves a taken order to a colleague (sick leave, full day).
    person = staff.engineerIn(team, job.skills, sim.t, person.id);
    sim.run(
      sim.desk(20, 180),
      { action: 'dispatch', toPersonId: person.id, remark: '原工程师当日工单已满，转派' },
      coord,
    );
    eng = staff.worker(person);
    sim.run(sim.field(5, 60), { action: 'take' }, eng);
  }
  if (round.attempt === 0 && rng.chance(0.03)) return returned(sim, job, staff, eng);
  let window = chooseWindow(rng, sim.t, sim.order.type, job.urgent);
  sim.run(sim.after(10, 90), { action: 'confirm_appointment', window }, eng);
  if (rng.chance(0.1)) window = reschedule(sim, staff, eng, window);
  visit(sim, window, eng);
  if (rng.chance(sim.order.type === 'fault' || sim.order.type === 'install' ? 0.06 : 0.02)) {
    const reason = rng.weighted<SuspendReason>([
      ['waiting_parts', 5],
      ['waiting_third_party', 2],
      ['waiting_network_supplement', sim.order.type === 'install' ? 3 : 0.5],
      ['waiting_customer', 2],
    ]);
    sim.run(sim.after(15, 60), { action: 'suspend', reason, remark: rng.pick(SUSPEND_REMARKS[reason]) }, eng);
    // WO-10: a network supplement takes days to approve and build; some are still waiting.
    if (reason === 'waiting_network_supplement' && rng.chance(0.5)) return;
    const resumeAt = intoHours(sim.t + rng.int(4 * 60, 4 * 24 * 60) * MINUTE, 8, 20, rng.int(0, 60));
    sim.run(resumeAt, { action: 'resume', remark: '条件已具备，继续处理' }, rng.chance(0.6) ? eng : coord);
    window = chooseWindow(rng, sim.t, sim.order.type, false);
    sim.run(sim.after(5, 60), { action: 'confirm_appointment', window }, eng);
    visit(sim, window, eng);
  }
  complete(sim, eng, { kind: 'done' });
  finish(sim, job, staff, round, () => fieldWork(sim, job, staff, { attempt: round.attempt, reopened: true }));
}

/** APT-02: a new slot, asked for by the customer (mostly) or by us, before the agreed one starts. */
function reschedule(sim: OrderSim, staff: Staff, eng: Actor, window: AppointmentWindow): AppointmentWindow {
  const rng = sim.rng;
  const askedBy = rng.chance(0.8) ? 'customer' : 'us';
  const lead = Math.max(MINUTE, window.start.getTime() - sim.t - 2 * HOUR);
  const at = sim.t + Math.floor(rng.next() * lead);
  const next = chooseWindow(rng, window.start.getTime() + 2 * HOUR, sim.order.type);
  const actor = askedBy === 'customer' && rng.chance(0.5) ? staff.hotline() : eng;
  const reason = rng.pick(RESCHEDULE_REASONS[askedBy]);
  sim.run(at, { action: 'reschedule', reason, window: next, askedBy }, actor);
  return next;
}

/** Sets off 20–60 minutes before the slot; arrives 10–45 minutes later, now and then late (APT-04). */
function visit(sim: OrderSim, window: AppointmentWindow, eng: Actor): void {
  const rng = sim.rng;
  const departAt = window.start.getTime() - rng.int(20, 60) * MINUTE;
  sim.run(departAt, { action: 'depart' }, eng);
  const late = rng.chance(0.08) ? rng.int(15, 40) : 0;
  const arriveAt = sim.after(10, 45) + late * MINUTE;
  // APT-04: an engineer arriving after the window opened reports it (the escalation a long delay needs).
  const escalation = arriveAt > window.start.getTime() ? { escalationNote: LATE_ESCALATION_NOTE } : {};
  sim.run(arriveAt, { action: 'arrive', ...escalation }, eng);
}

const LATE_ESCALATION_NOTE = '已报告站长，站长已致电用户致歉';

function complete(sim: OrderSim, eng: Actor, outcome: CompletionOutcome, remark?: string): void {
  const rng = sim.rng;
  const minutes = rng.normalInt(handlingMean[sim.order.type] ?? 60, 20, 5, 300);
  const remarks = COMPLETION_REMARKS[sim.order.type] ?? COMPLETION_REMARKS.fault ?? [];
  sim.run(
    sim.t + minutes * MINUTE,
    {
      action: 'complete',
      completion: {
        customerContacted: rng.chance(0.97),
        handlingMinutes: minutes,
        remark: remark ?? rng.pick(remarks),
        outcome,
      },
    },
    eng,
  );
}

/**
 * CB-01: faults are called back before closing, installs nearly always, complaints always (CMP-01);
 * the rest the coordinator closes. CB-02: a dissatisfied callback reopens the order, which is worked
 * again (once, in the demo).
 */
function finish(sim: OrderSim, job: Job, staff: Staff, round: Round, again: () => void): void {
  const rng = sim.rng;
  const type = sim.order.type;
  const rate = type === 'complaint' ? 1 : type === 'fault' ? 0.95 : type === 'install' ? 0.9 : 0.5;
  if (!rng.chance(rate)) {
    sim.run(sim.desk(30, 24 * 60), { action: 'close', remark: '处理完毕，归档' }, staff.coordinator(job.station));
    return;
  }
  const agent = staff.callback();
  const callAt = intoHours(sim.t + rng.int(60, 2 * 24 * 60) * MINUTE, 9, 20, rng.int(0, 90));
  sim.run(callAt, { action: 'start_callback' }, agent);
  if (!round.reopened && rng.chance(0.04)) {
    sim.run(sim.after(3, 12), { action: 'reopen', reason: rng.pick(REOPEN_REASONS) }, agent);
    again();
    return;
  }
  const verdict = rng.weighted([
    ['回访：非常满意', 60],
    ['回访：满意', 32],
    ['回访：一般', 6],
    ['回访：用户未接听，短信回访', 2],
  ]);
  sim.run(sim.after(3, 15), { action: 'close', remark: verdict }, agent);
}

/** WO-05: returned with a reason; the desk cancels, leaves it with the back office, or sends it again. */
function returned(sim: OrderSim, job: Job, staff: Staff, eng: Actor): void {
  const rng = sim.rng;
  const reasonCode = rng.weighted([
    ['address_not_covered', 20],
    ['needs_network_supplement', sim.order.type === 'install' ? 15 : 3],
    ['customer_cancelled', 20],
    ['duplicate', 10],
    ['wrong_info', 20],
    ['not_my_area', 15],
  ]);
  const remark = rng.pick(RETURN_REMARKS[reasonCode] ?? ['']);
  sim.run(sim.field(10, 240), { action: 'return', reasonCode, remark }, eng);
  if (reasonCode === 'customer_cancelled' || reasonCode === 'duplicate') {
    const reason = reasonCode === 'duplicate' ? '重复受理' : '用户撤单';
    sim.run(sim.desk(15, 240), { action: 'cancel', reason }, staff.hotline());
    return;
  }
  if (reasonCode === 'address_not_covered') {
    // WO-09: the back office confirms the claim within days; until then the order waits as returned.
    const at = intoHours(sim.t + rng.int(1, 6) * DAY, 9, 18, rng.int(0, 120));
    sim.run(at, { action: 'cancel', reason: '核实确不在覆盖范围，已转营销跟进' }, staff.hotline());
    return;
  }
  sim.run(sim.desk(20, 240), { action: 'triage', remark: '已核实，重新派单' }, staff.coordinator(job.station));
  fieldWork(sim, job, staff, { attempt: 1, reopened: false });
}

/**
 * A complaint (WO-07/08, S1): the desk hands it to a team lead, who handles it or dispatches it to an
 * engineer; the completion picks one of the five complaint outcomes.
 */
function complaintFlow(sim: OrderSim, job: Job, staff: Staff): void {
  const rng = sim.rng;
  const st = job.station;
  sim.run(sim.desk(5, 30), { action: 'triage', remark: '投诉件，优先处理' }, staff.hotline());
  let team = staff.team(st);
  let handler = takeComplaint(sim, staff, st, team.lead);
  if (rng.chance(0.6)) {
    const eng = staff.engineerIn(team, [], sim.t, team.lead.id);
    sim.run(sim.after(5, 60), { action: 'dispatch', toPersonId: eng.id, remark: '请尽快联系用户处理' }, handler);
    handler = staff.worker(eng);
    sim.run(sim.field(5, 60), { action: 'take' }, handler);
  }
  let window = chooseWindow(rng, sim.t, 'complaint', false);
  sim.run(sim.after(10, 100), { action: 'confirm_appointment', window }, handler);
  if (rng.chance(0.55)) visit(sim, window, handler);
  const kind = rng.weighted<CompletionOutcome['kind']>([
    ['resolved', 45],
    ['unresolved_to_fault', 15],
    ['reschedule', 12],
    ['cannot_resolve', 10],
    ['misdispatched', 13],
  ]);
  switch (kind) {
    case 'unresolved_to_fault':
      complete(sim, handler, { kind, steps: '远程测试线路异常，需上门维修，已转故障单' });
      break;
    case 'cannot_resolve':
      complete(sim, handler, { kind, explanation: rng.pick(CANNOT_RESOLVE) });
      break;
    case 'reschedule':
      window = chooseWindow(rng, window.end.getTime(), 'complaint');
      complete(sim, handler, { kind, reason: '用户要求另约时间当面处理', window });
      visit(sim, window, handler);
      resolve(sim, staff, handler);
      break;
    case 'misdispatched':
      // Back to triage; the coordinator gives it to the right team's lead.
      complete(sim, handler, { kind, remark: rng.pick(MISDISPATCH_REMARKS) });
      team = st.teams.length > 1 ? (st.teams.find((t) => t !== team) ?? team) : team;
      handler = takeComplaint(sim, staff, st, team.lead);
      window = chooseWindow(rng, sim.t, 'complaint', false);
      sim.run(sim.after(10, 100), { action: 'confirm_appointment', window }, handler);
      resolve(sim, staff, handler);
      break;
    default:
      resolve(sim, staff, handler);
  }
  finish(sim, job, staff, { attempt: 0, reopened: false }, () => {
    sim.run(
      sim.desk(5, 60),
      { action: 'dispatch', toPersonId: team.lead.id, remark: '回访不满意，重新处理' },
      staff.coordinator(st),
    );
    const lead = staff.as(team.lead, 'team_lead');
    sim.run(sim.field(5, 60), { action: 'take' }, lead);
    resolve(sim, staff, lead);
    finish(sim, job, staff, { attempt: 0, reopened: true }, () => undefined);
  });
}

function takeComplaint(sim: OrderSim, staff: Staff, st: StationModel, lead: Person): Actor {
  const leadActor = staff.as(lead, 'team_lead');
  sim.run(
    sim.desk(5, 60),
    { action: 'dispatch', toPersonId: lead.id, remark: '投诉件，请班组长跟进' },
    staff.coordinator(st),
  );
  sim.run(sim.field(5, 60), { action: 'take' }, leadActor);
  return leadActor;
}

function resolve(sim: OrderSim, staff: Staff, handler: Actor): void {
  const rng = sim.rng;
  const causeCode = rng.pick(staff.complaintCauses());
  complete(sim, handler, {
    kind: 'resolved',
    causeCode,
    solution: rng.pick(COMPLAINT_SOLUTIONS),
    steps: '联系用户核实情况，现场/远程处理，向用户说明原因',
  });
}

/** Carry-in (送修): the station's bench engineer repairs the device; parts sometimes hold it up. */
function benchFlow(sim: OrderSim, job: Job, staff: Staff): void {
  const rng = sim.rng;
  const st = job.station;
  const coord = staff.coordinator(st);
  sim.run(sim.desk(5, 30), { action: 'triage', remark: '送修设备已登记入库' }, coord);
  sim.run(sim.desk(5, 60), { action: 'dispatch', toPersonId: st.benchEngineer.id, remark: '站内维修' }, coord);
  const bench = staff.as(st.benchEngineer, 'repair_engineer');
  sim.run(sim.desk(10, 180), { action: 'take' }, bench);
  if (rng.chance(0.2)) {
    sim.run(sim.after(30, 120), { action: 'suspend', reason: 'waiting_parts', remark: '等待配件到货' }, bench);
    sim.run(
      intoHours(sim.t + rng.int(1, 3) * DAY, 9, 18, rng.int(0, 60)),
      { action: 'resume', remark: '配件已到' },
      bench,
    );
  }
  complete(sim, bench, { kind: 'done' });
  finish(sim, job, staff, { attempt: 0, reopened: true }, () => undefined);
}

/** Consultation (咨询): answered by phone by a team lead after the desk hands it over. */
function phoneFlow(sim: OrderSim, job: Job, staff: Staff): void {
  const rng = sim.rng;
  const st = job.station;
  sim.run(sim.desk(2, 20), { action: 'triage', remark: '需专业人员答复' }, staff.hotline());
  if (rng.chance(0.08)) {
    sim.run(sim.desk(10, 120), { action: 'cancel', reason: '用户已在营业厅得到答复' }, staff.hotline());
    return;
  }
  const lead = staff.team(st).lead;
  sim.run(
    sim.desk(5, 60),
    { action: 'dispatch', toPersonId: lead.id, remark: '请电话答复用户' },
    staff.coordinator(st),
  );
  const actor = staff.as(lead, 'team_lead');
  sim.run(sim.field(5, 90), { action: 'take' }, actor);
  complete(sim, actor, { kind: 'done' });
  finish(sim, job, staff, { attempt: 0, reopened: true }, () => undefined);
}
