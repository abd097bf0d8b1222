import { PRIORITIES } from '@daowei/domain';
import { simulate } from './schedule.js';
import type { StopTimes } from './schedule.js';
import type { State } from './state.js';

/**
 * Construction: pinned visits first (they are facts, not choices), then crew orders as synchronised
 * sets while days are still empty enough to line people up, then everything else by regret insertion
 * one priority class at a time — urgent work takes the capacity before normal work can (SLA-06
 * "ordered by priority"; DSP-03 "unassigned high-priority work" first).
 */
export function construct(s: State): void {
  const c = s.c;
  const pinned: number[][] = Array.from({ length: c.E }, () => []);
  for (let v = 0; v < c.V; v++) if (c.pinnedEng[v]! >= 0) pinned[c.pinnedEng[v]!]!.push(v);
  for (let e = 0; e < c.E; e++) {
    const r = pinned[e]!.sort((a, b) => c.pinnedSeq[a]! - c.pinnedSeq[b]! || a - b);
    if (r.length > 0) s.setRoute(e, r);
  }
  const crew = c.orderVisits.filter((vs) => vs.length > 1 && c.pinnedEng[vs[0]!]! < 0);
  crew.sort((a, b) => c.dropW[b[0]!]! * b.length - c.dropW[a[0]!]! * a.length || a[0]! - b[0]!);
  for (const vs of crew) insertCrew(s, vs);
  const rest: number[] = [];
  for (let v = 0; v < c.V; v++) if (!c.locked[v] && s.eng[v]! < 0) rest.push(v);
  regretInsert(s, rest);
}

/** Regret-2 insertion of `visits` (unlocked, unplanned), highest priority class first. */
export function regretInsert(s: State, visits: readonly number[]): void {
  const c = s.c;
  for (const prio of [...PRIORITIES].reverse()) {
    const pool = visits.filter((v) => c.req.orders[c.visitOrder[v]!]!.priority === prio);
    if (pool.length > 0) regretClass(s, pool);
  }
}

function regretClass(s: State, pool: number[]): void {
  const c = s.c;
  const E = c.E;
  // Cached best insertion of every pooled visit into every allowed route; after an insertion only the
  // entries for the changed route are stale.
  const delta = new Float64Array(pool.length * E).fill(Infinity);
  const pos = new Int32Array(pool.length * E);
  const out = { pos: 0 };
  const live = new Uint8Array(pool.length).fill(1);
  const refresh = (i: number, e: number): void => {
    delta[i * E + e] = s.bestInsert(pool[i]!, e, out);
    pos[i * E + e] = out.pos;
  };
  for (let i = 0; i < pool.length; i++) for (const e of c.cand[c.visitOrder[pool[i]!]!]!) refresh(i, e);
  for (let left = pool.length; left > 0; left--) {
    let pick = -1;
    let pickKey = -Infinity;
    let pickE = -1;
    for (let i = 0; i < pool.length; i++) {
      if (!live[i]) continue;
      let b1 = Infinity;
      let b2 = Infinity;
      let be = -1;
      for (const e of c.cand[c.visitOrder[pool[i]!]!]!) {
        const d = delta[i * E + e]!;
        if (d < b1) {
          b2 = b1;
          b1 = d;
          be = e;
        } else if (d < b2) b2 = d;
      }
      const drop = c.dropW[pool[i]!]!;
      // Not worth planning (or impossible): it stays unassigned; decide it now so it stops competing.
      if (!(b1 < drop)) {
        live[i] = 0;
        pick = -2;
        break;
      }
      const key = Math.min(b2, drop) - b1;
      if (key > pickKey) {
        pickKey = key;
        pick = i;
        pickE = be;
      }
    }
    if (pick === -2) continue;
    if (pick < 0) break;
    live[pick] = 0;
    s.insert(pool[pick]!, pickE, pos[pick * E + pickE]!);
    for (let i = 0; i < pool.length; i++) {
      if (live[i] && c.compat[c.visitOrder[pool[i]!]! * E + pickE]) refresh(i, pickE);
    }
  }
}

const MAX_START_CANDIDATES = 24;

/**
 * A crew order (WO-17) as a synchronised set: pick one start minute T for everyone, then the k
 * engineers for whom a visit fixed at T is cheapest. Candidate T values are the times each allowed
 * engineer could start it at each position of his day. Once placed, each visit's window is pinned to
 * [T, T], so later moves around it can never de-synchronise the crew.
 */
export function insertCrew(s: State, vs: readonly number[]): boolean {
  const c = s.c;
  const v0 = vs[0]!;
  const o = c.visitOrder[v0]!;
  const engs = c.cand[o]!;
  if (engs.length < vs.length) return false;
  const times = new Set<number>([c.earliest[v0]!]);
  const out: StopTimes[] = [];
  for (const e of engs.slice(0, 20)) {
    const r = s.routes[e]!;
    for (let p = 0; p <= r.length; p++) {
      out.length = 0;
      const buf = [...r.slice(0, p), v0, ...r.slice(p)];
      simulate(c, e, buf, buf.length, out);
      times.add(Math.ceil(out[p]!.start));
    }
  }
  const sorted = [...times].filter((t) => t <= c.hardDue[v0]!).sort((a, b) => a - b);
  const step = Math.max(1, Math.ceil(sorted.length / MAX_START_CANDIDATES));
  const early = c.earliest[v0]!;
  const hard = c.hardDue[v0]!;
  const tmp = { pos: 0 };
  let best: { cost: number; T: number; picks: { e: number; pos: number }[] } | null = null;
  for (let i = 0; i < sorted.length; i += step) {
    const T = sorted[i]!;
    for (const v of vs) c.earliest[v] = c.hardDue[v] = T;
    const opts: { e: number; pos: number; d: number }[] = [];
    for (const e of engs) {
      const d = s.bestInsert(v0, e, tmp);
      if (Number.isFinite(d)) opts.push({ e, pos: tmp.pos, d });
    }
    opts.sort((a, b) => a.d - b.d || a.e - b.e);
    if (opts.length >= vs.length) {
      const picks = opts.slice(0, vs.length);
      const cost = picks.reduce((x, p) => x + p.d, 0);
      if (!best || cost < best.cost) best = { cost, T, picks };
    }
  }
  const drop = vs.reduce((x, v) => x + c.dropW[v]!, 0);
  if (!best || !(best.cost < drop)) {
    for (const v of vs) {
      c.earliest[v] = early;
      c.hardDue[v] = hard;
    }
    return false;
  }
  for (let j = 0; j < vs.length; j++) {
    c.earliest[vs[j]!] = c.hardDue[vs[j]!] = best.T;
    s.insert(vs[j]!, best.picks[j]!.e, best.picks[j]!.pos);
  }
  return true;
}
