import type { CertificateFacts, Priority } from '@daowei/domain';
import { Prng } from '../solver/prng.js';
import type { PlanEngineer, PlanOrder, PlanRequest } from './model.js';

/**
 * A synthetic city-sized day (deterministic by seed) for benchmarks and tests: a 30 × 24 km city cut
 * into a 4 × 3 grid of service areas; engineers live in an area and serve it and one neighbour; each
 * holds 2–3 of 5 skills, about 5 % of certificates have lapsed; 80 % work 08:00–17:30 with a 45-minute
 * lunch between 11:30 and 13:30, the rest 10:00–20:00 (错时服务) with a break between 14:00 and 16:00.
 * Orders: 60 % with 2-hour appointment windows, urgent ones with a 2-hour SLA deadline, 2 % need a
 * crew of two. Sized so the day is about 85 % full: some choices matter, a few orders must wait.
 */
export interface CityOptions {
  orders: number;
  engineers: number;
  seed: number;
  date?: string;
}

export const SKILLS = ['broadband', 'iptv', 'electric', 'gas', 'appliance'] as const;
const CENTER = { lat: 31.23, lng: 121.47 };
const KM_LAT = 1 / 111.2;
const KM_LNG = 1 / (111.2 * Math.cos((CENTER.lat * Math.PI) / 180));
const COLS = 4;
const ROWS = 3;
const WIDTH_KM = 30;
const HEIGHT_KM = 24;

export function cityInstance(opt: CityOptions): PlanRequest {
  const rng = new Prng(opt.seed);
  const date = opt.date ?? '2026-06-15';
  const point = (): { x: number; y: number } => ({ x: rng.float() * WIDTH_KM, y: rng.float() * HEIGHT_KM });
  const areaOf = (p: { x: number; y: number }): number =>
    Math.min(ROWS - 1, Math.floor((p.y / HEIGHT_KM) * ROWS)) * COLS +
    Math.min(COLS - 1, Math.floor((p.x / WIDTH_KM) * COLS));
  const geo = (p: { x: number; y: number }) => ({
    lat: CENTER.lat + (p.y - HEIGHT_KM / 2) * KM_LAT,
    lng: CENTER.lng + (p.x - WIDTH_KM / 2) * KM_LNG,
  });
  const engineers: PlanEngineer[] = [];
  for (let i = 0; i < opt.engineers; i++) {
    const home = point();
    const a = areaOf(home);
    const col = a % COLS;
    const neighbour = col + 1 < COLS ? a + 1 : a - 1;
    const pick = SKILLS.map((_, k) => k);
    rng.shuffle(pick);
    const certificates: CertificateFacts[] = pick.slice(0, 2 + rng.int(2)).map((k) => ({
      skillCode: SKILLS[k]!,
      certificateNo: `C-${i}-${k}`,
      validUntil: rng.float() < 0.05 ? '2026-01-31' : '2027-12-31',
    }));
    const late = rng.float() < 0.2;
    engineers.push({
      id: `E${String(i + 1).padStart(3, '0')}`,
      start: geo(home),
      shift: late
        ? { start: 600, end: 1200, breaks: [{ earliest: 840, latest: 960, minutes: 45 }] }
        : { start: 480, end: 1050, breaks: [{ earliest: 690, latest: 810, minutes: 45 }] },
      certificates,
      areaIds: [`A${a}`, `A${neighbour}`],
      maxOrders: 14,
    });
  }
  const orders: PlanOrder[] = [];
  for (let i = 0; i < opt.orders; i++) {
    const p = point();
    const u = rng.float();
    const priority: Priority = u < 0.05 ? 'urgent' : u < 0.2 ? 'high' : u < 0.9 ? 'normal' : 'low';
    const order: PlanOrder = {
      id: `WO${String(i + 1).padStart(4, '0')}`,
      location: geo(p),
      areaId: `A${areaOf(p)}`,
      serviceMinutes: 15 + 5 * rng.int(7),
      priority,
      requiredSkills: rng.float() < 0.85 ? [SKILLS[rng.int(SKILLS.length)]!] : [],
    };
    if (priority === 'urgent') {
      order.earliest = 480 + 30 * rng.int(16);
      order.deadline = order.earliest + 120;
    } else if (rng.float() < 0.6) {
      const start = 480 + 60 * rng.int(9);
      order.window = { start, end: start + 120 };
    }
    if (rng.float() < 0.02) order.crewSize = 2;
    orders.push(order);
  }
  return { date, timeZone: 'Asia/Shanghai', engineers, orders };
}
