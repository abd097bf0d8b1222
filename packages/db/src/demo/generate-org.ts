import {
  ancestors,
  expandWeeklyPattern,
  type Actor,
  type Certificate,
  type ExternalAccount,
  type OrgUnit,
  type Person,
  type PersonPosition,
  type Position,
  type Shift,
  type Skill,
  type Vendor,
  type WeeklyShiftPattern,
} from '@daowei/domain';
import { LOGINS } from './accounts.js';
import { SKILLS } from './catalog.js';
import { UniquePhones, personName } from './names.js';
import { DISTRICTS, gridPolygon, offsetKm } from './places.js';
import type { Rng } from './random.js';
import { DAY, DEMO_TIME_ZONE, localIsoDate } from './time.js';
import type { DemoArea, DemoStationSite, DemoTenant, DemoUnit } from './types.js';

/**
 * ORG-01..06 for the demo tenant: one operator (a carrier's city branch) with its own desk, two
 * contracted vendors with two stations each, teams under the stations, and everything people need to be
 * dispatched: positions, skills with certificates, rosters, service areas and BSS account links.
 */
export interface TeamModel {
  unit: OrgUnit;
  lead: Person;
  /** Everyone in the team who goes on site, the lead included. */
  members: Person[];
}

export interface StationModel {
  unit: OrgUnit;
  vendor: Vendor;
  site: DemoStationSite;
  areas: DemoArea[];
  teams: TeamModel[];
  coordinator: Person;
  manager: Person;
  /** Also holds repair_engineer/reception_engineer: carry-in devices go to them. */
  benchEngineer: Person;
  engineers: Person[];
}

export interface OrgModel {
  tenant: DemoTenant;
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
  stations: StationModel[];
  admin: Person;
  hotline: Person[];
  callback: Person[];
  byLogin: ReadonlyMap<string, Person>;
  certsOf: ReadonlyMap<string, Certificate[]>;
  shiftsOf: ReadonlyMap<string, Shift[]>;
  actor(person: Person, position: Position): Actor;
}

interface StationDef {
  name: string;
  vendor: 0 | 1;
  district: number;
  teams: readonly string[];
  road: string;
}

/** Station order matters: LOGINS.coordinators/managers follow it, and `coord1` is station 1's. */
const STATION_DEFS: readonly StationDef[] = [
  { name: '西湖服务站', vendor: 0, district: 0, teams: ['西湖装维一组', '西湖装维二组'], road: '文一西路 318 号' },
  { name: '滨江服务站', vendor: 0, district: 1, teams: ['滨江装维组'], road: '滨盛路 1509 号' },
  { name: '拱墅服务站', vendor: 1, district: 2, teams: ['拱墅装维一组', '拱墅装维二组'], road: '湖墅北路 76 号' },
  { name: '萧山服务站', vendor: 1, district: 3, teams: ['萧山装维组'], road: '金城路 1028 号' },
];

const VENDOR_DEFS = [
  { name: '浙江恒通通信技术服务有限公司', code: 'HT' },
  { name: '杭州联创网络工程有限公司', code: 'LC' },
] as const;

/** Number of teams the demo org always has; `engineers` must be at least this (one lead each). */
export const DEMO_TEAM_COUNT = STATION_DEFS.reduce((n, s) => n + s.teams.length, 0);

/** Weekly rosters (ORG-06): the three kinds of week an engineer works, rotating through a team. */
function rosterFor(
  index: number,
  base: Omit<WeeklyShiftPattern, 'kind' | 'weekdays' | 'start' | 'end'>,
): WeeklyShiftPattern[] {
  const day = (weekdays: number[], start = '08:30', end = '17:30'): WeeklyShiftPattern => ({
    ...base,
    kind: 'day',
    weekdays,
    start,
    end,
  });
  switch (index % 3) {
    case 0:
      return [day([1, 2, 3, 4, 5])];
    case 1:
      // Works Saturdays (错时服务 at weekends), off on Monday instead.
      return [day([2, 3, 4, 5]), { ...base, kind: 'weekend', weekdays: [6], start: '09:00', end: '18:00' }];
    default:
      // Late weeks: afternoon plus the 18:00–22:00 evening shift, and Sunday daytime.
      return [
        day([1, 2, 3, 4], '12:00', '18:00'),
        { ...base, kind: 'evening', weekdays: [1, 2, 3, 4], start: '18:00', end: '22:00' },
        { ...base, kind: 'weekend', weekdays: [0], start: '09:00', end: '18:00' },
      ];
  }
}

export function generateOrg(
  rng: Rng,
  opts: { now: Date; engineers: number; days: number; tenantName?: string },
): OrgModel {
  const now = opts.now.getTime();
  const phones = new UniquePhones(rng.fork('phones'));
  const tenant: DemoTenant = {
    id: rng.uuid(),
    code: 'HZDEMO',
    name: opts.tenantName ?? '和光通信杭州分公司',
    timeZone: DEMO_TIME_ZONE,
  };
  const t = tenant.id;
  const units: DemoUnit[] = [];
  const people: Person[] = [];
  const positions: PersonPosition[] = [];
  const byLogin = new Map<string, Person>();
  const unit = (
    parentId: string | null,
    kind: OrgUnit['kind'],
    name: string,
    vendorId: string | null,
    code: string,
  ) => {
    const u: DemoUnit = { id: rng.uuid(), tenantId: t, parentId, kind, name, vendorId, code };
    units.push(u);
    return u;
  };
  const staffSeq = new Map<string, number>();
  const person = (u: OrgUnit, login: string, held: Position[], prefix: string): Person => {
    const n = (staffSeq.get(prefix) ?? 0) + 1;
    // Field crews in the trade are mostly men; desks and offices are mixed.
    const gender = held.includes('onsite_engineer') ? (rng.chance(0.85) ? 'male' : 'female') : undefined;
    staffSeq.set(prefix, n);
    const p: Person = {
      id: rng.uuid(),
      tenantId: t,
      unitId: u.id,
      vendorId: u.vendorId,
      name: personName(rng, gender).name,
      staffNo: `${prefix}${String(1000 + n)}`,
      phone: phones.next(),
      login,
      active: true,
    };
    if (byLogin.has(login)) throw new Error(`duplicate demo login ${login}`);
    byLogin.set(login, p);
    people.push(p);
    for (const position of held) positions.push({ tenantId: t, personId: p.id, position });
    return p;
  };

  const operator = unit(null, 'operator', tenant.name, null, 'OP');
  const admin = person(operator, LOGINS.admin, ['admin'], 'HZ');
  const hotline = LOGINS.hotline.map((l) => person(operator, l, ['hotline_agent'], 'HZ'));
  person(operator, LOGINS.monitor, ['monitor'], 'HZ');
  const callback = LOGINS.callback.map((l) => person(operator, l, ['callback_agent'], 'HZ'));
  person(operator, LOGINS.sales, ['sales'], 'HZ');

  const vendors: Vendor[] = [];
  const vendorUnits: OrgUnit[] = [];
  VENDOR_DEFS.forEach((v, i) => {
    const vendor: Vendor = { id: rng.uuid(), tenantId: t, name: v.name, code: v.code };
    vendors.push(vendor);
    const vu = unit(operator.id, 'vendor', v.name, vendor.id, v.code);
    vendorUnits.push(vu);
    person(vu, LOGINS.vendorManagers[i] as string, ['vendor_manager'], v.code);
  });

  // Engineers spread evenly over the teams, the first of each team being its lead.
  // Every team needs its lead plus one engineer, so that eng1 (station 1, team 1) always exists.
  if (opts.engineers < 2 * DEMO_TEAM_COUNT) throw new Error(`the demo needs at least ${2 * DEMO_TEAM_COUNT} engineers`);
  const perTeam = Array.from(
    { length: DEMO_TEAM_COUNT },
    (_, i) => Math.floor(opts.engineers / DEMO_TEAM_COUNT) + (i < opts.engineers % DEMO_TEAM_COUNT ? 1 : 0),
  );
  let teamIndex = 0;
  let engNo = 0;
  const areas: DemoArea[] = [];
  const stationSites: DemoStationSite[] = [];
  const stations: StationModel[] = STATION_DEFS.map((def, si) => {
    const vendor = vendors[def.vendor] as Vendor;
    const code = VENDOR_DEFS[def.vendor].code;
    const district = DISTRICTS[def.district] as (typeof DISTRICTS)[number];
    const stationCode = `${code}-${district.code}`;
    const su = unit((vendorUnits[def.vendor] as OrgUnit).id, 'station', def.name, vendor.id, stationCode);
    const spot = offsetKm(district.lng, district.lat, 0.3, rng.float(0, 2 * Math.PI));
    const site: DemoStationSite = {
      tenantId: t,
      unitId: su.id,
      vendorId: vendor.id,
      name: def.name,
      address: `杭州市${district.name}${def.road}`,
      lng: Math.round(spot.lng * 1e6) / 1e6,
      lat: Math.round(spot.lat * 1e6) / 1e6,
    };
    stationSites.push(site);
    const stationAreas = district.streets.map((s): DemoArea => {
      const a: DemoArea = {
        id: rng.uuid(),
        tenantId: t,
        name: `${district.name}${s.name}网格`,
        code: s.code,
        stationId: su.id,
        polygon: gridPolygon(rng, s.lng, s.lat),
        district: district.name,
        centroid: { lng: s.lng, lat: s.lat },
      };
      areas.push(a);
      return a;
    });
    const coordinator = person(su, LOGINS.coordinators[si] as string, ['coordinator'], code);
    // manager1 also covers the coordinator desk: one person, several positions (ORG-02).
    const manager = person(
      su,
      LOGINS.managers[si] as string,
      si === 0 ? ['station_manager', 'coordinator'] : ['station_manager'],
      code,
    );
    const teams = def.teams.map((name, ti): TeamModel => {
      const tu = unit(su.id, 'team', name, vendor.id, `${stationCode}-${ti + 1}`);
      const size = perTeam[teamIndex++] as number;
      const lead = person(tu, LOGINS.lead(teamIndex), ['team_lead', 'onsite_engineer'], code);
      const members = [lead];
      for (let k = 1; k < size; k++) members.push(person(tu, LOGINS.engineer(++engNo), ['onsite_engineer'], code));
      return { unit: tu, lead, members };
    });
    const engineers = teams.flatMap((tm) => tm.members);
    // The last member of the first team also works the station's bench (carry-in repairs, walk-ins).
    const first = teams[0] as TeamModel;
    const benchEngineer = first.members[first.members.length - 1] as Person;
    positions.push(
      { tenantId: t, personId: benchEngineer.id, position: 'repair_engineer' },
      { tenantId: t, personId: benchEngineer.id, position: 'reception_engineer' },
    );
    return { unit: su, vendor, site, areas: stationAreas, teams, coordinator, manager, benchEngineer, engineers };
  });

  const skills: Skill[] = SKILLS.map((s) => ({ tenantId: t, code: s.code, name: s.name }));
  const certificates = generateCertificates(rng, t, now, stations);
  const shifts = generateShifts(t, now, opts.days, stations);
  // ORG-05: most vendor staff are linked to their BSS account; an external id maps to one person.
  const externalIds = new Set<string>();
  const externalAccounts: ExternalAccount[] = people
    .filter((p) => p.vendorId !== null && rng.chance(0.7))
    .map((p) => {
      let externalId = `HZBSS${rng.digits(7)}`;
      while (externalIds.has(externalId)) externalId = `HZBSS${rng.digits(7)}`;
      externalIds.add(externalId);
      return { tenantId: t, personId: p.id, system: 'BSS', externalId };
    });

  const groupBy = <T extends { personId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.personId, [...(m.get(r.personId) ?? []), r]);
    return m;
  };
  const actorCache = new Map<string, Actor>();
  return {
    tenant,
    vendors,
    units,
    stationSites,
    people,
    positions,
    skills,
    certificates,
    shifts,
    externalAccounts,
    areas,
    stations,
    admin,
    hotline,
    callback,
    byLogin,
    certsOf: groupBy(certificates),
    shiftsOf: groupBy(shifts),
    actor(p, position) {
      const key = `${p.id}/${position}`;
      let a = actorCache.get(key);
      if (!a) {
        a = { personId: p.id, position, unitIds: ancestors(p.unitId, units) };
        actorCache.set(key, a);
      }
      return a;
    },
  };
}

/**
 * ORG-03: every field engineer is certified for installs and repairs; other skills vary. Most
 * certificates run a year or two; some lapsed recently and some expire within the month, so the
 * qualification checks and the "expiring soon" list have something to show.
 */
function generateCertificates(rng: Rng, tenantId: string, now: number, stations: StationModel[]): Certificate[] {
  const certs: Certificate[] = [];
  const year = Number(localIsoDate(now).slice(0, 4));
  for (const st of stations) {
    for (const p of st.engineers) {
      const held = new Set(['broadband_install', 'fault_repair']);
      if (rng.chance(0.5)) held.add('fttx_splicing');
      if (rng.chance(0.55)) held.add('iptv');
      if (rng.chance(0.2)) held.add('enterprise_line');
      if (rng.chance(0.4)) held.add('home_network');
      if (p === st.benchEngineer) held.add('device_repair');
      if (st.teams.some((tm) => tm.lead === p)) ['fttx_splicing', 'enterprise_line'].forEach((s) => held.add(s));
      if (p.login === 'eng1') ['fttx_splicing', 'iptv'].forEach((s) => held.add(s));
      if (p.login === 'eng2') held.add('iptv');
      for (const skill of SKILLS.filter((s) => held.has(s.code))) {
        // The core skills stay valid: an engineer without them could not work any demo order.
        const core = skill.code === 'broadband_install' || skill.code === 'fault_repair';
        const roll = rng.next();
        let offsetDays = rng.int(90, 730);
        if (!core && roll < 0.1) offsetDays = -rng.int(1, 120);
        else if (roll < 0.2) offsetDays = rng.int(3, 30);
        // Fixed facts the account list promises: eng2's IPTV certificate has lapsed, eng1's splicing
        // certificate expires soon.
        if (p.login === 'eng2' && skill.code === 'iptv') offsetDays = -10;
        if (p.login === 'eng1' && skill.code === 'fttx_splicing') offsetDays = 12;
        if (p.login === 'eng1' && core) offsetDays = rng.int(200, 700);
        certs.push({
          tenantId,
          personId: p.id,
          skillCode: skill.code,
          certificateNo: `${skill.certPrefix}-${year - rng.int(0, 2)}-${rng.digits(5)}`,
          validUntil: localIsoDate(now + offsetDays * DAY),
        });
      }
    }
  }
  return certs;
}

/** ORG-06 rosters from `days` back to two weeks ahead, so the coordinator can plan the coming days. */
function generateShifts(tenantId: string, now: number, days: number, stations: StationModel[]): Shift[] {
  const from = localIsoDate(now - days * DAY);
  const to = localIsoDate(now + 14 * DAY);
  const shifts: Shift[] = [];
  for (const st of stations) {
    for (const [i, p] of st.engineers.entries()) {
      for (const pattern of rosterFor(i, { tenantId, personId: p.id })) {
        shifts.push(...expandWeeklyPattern(pattern, from, to, DEMO_TIME_ZONE));
      }
    }
    for (const p of [st.coordinator, st.manager]) {
      shifts.push(
        ...expandWeeklyPattern(
          { tenantId, personId: p.id, kind: 'day', weekdays: [1, 2, 3, 4, 5, 6], start: '08:30', end: '17:30' },
          from,
          to,
          DEMO_TIME_ZONE,
        ),
      );
    }
  }
  return shifts;
}
