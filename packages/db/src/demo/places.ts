import type { LngLat } from '@daowei/domain';
import type { Rng } from './random.js';

/**
 * The demo city: Hangzhou, four urban districts, three sub-district (街道) grids each. Centroids are
 * close to the real sub-districts so a map view looks right; grid outlines are small irregular hexagons
 * (about 1.3 km across) around them, spaced so that no two grids overlap (ORG-04: overlapping areas are a
 * data error).
 */
export const CITY = { name: '杭州市', lng: 120.155, lat: 30.274 } as const;

export interface StreetDef {
  name: string;
  code: string;
  lng: number;
  lat: number;
  roads: readonly string[];
}

export interface DistrictDef {
  name: string;
  code: string;
  lng: number;
  lat: number;
  streets: readonly StreetDef[];
}

export const DISTRICTS: readonly DistrictDef[] = [
  {
    name: '西湖区',
    code: 'XH',
    lng: 120.13,
    lat: 30.259,
    streets: [
      {
        name: '文新街道',
        code: 'XH-WX',
        lng: 120.113,
        lat: 30.289,
        roads: ['文一西路', '文二西路', '古墩路', '丰潭路'],
      },
      { name: '翠苑街道', code: 'XH-CY', lng: 120.134, lat: 30.283, roads: ['文三路', '学院路', '教工路', '翠苑路'] },
      { name: '古荡街道', code: 'XH-GD', lng: 120.121, lat: 30.269, roads: ['天目山路', '益乐路', '古翠路', '莲花街'] },
    ],
  },
  {
    name: '滨江区',
    code: 'BJ',
    lng: 120.212,
    lat: 30.208,
    streets: [
      {
        name: '西兴街道',
        code: 'BJ-XX',
        lng: 120.211,
        lat: 30.213,
        roads: ['江南大道', '滨盛路', '西兴路', '火炬大道'],
      },
      { name: '长河街道', code: 'BJ-CH', lng: 120.195, lat: 30.196, roads: ['长河路', '江虹路', '滨文路', '聚才路'] },
      { name: '浦沿街道', code: 'BJ-PY', lng: 120.162, lat: 30.181, roads: ['东信大道', '浦沿路', '六和路', '南环路'] },
    ],
  },
  {
    name: '拱墅区',
    code: 'GS',
    lng: 120.142,
    lat: 30.319,
    streets: [
      { name: '小河街道', code: 'GS-XH', lng: 120.142, lat: 30.307, roads: ['小河路', '湖墅北路', '登云路', '通益路'] },
      { name: '上塘街道', code: 'GS-ST', lng: 120.161, lat: 30.311, roads: ['上塘路', '香积寺路', '德胜路', '沈半路'] },
      {
        name: '祥符街道',
        code: 'GS-XF',
        lng: 120.122,
        lat: 30.33,
        roads: ['莫干山路', '祥园路', '勤丰路', '花园岗街'],
      },
    ],
  },
  {
    name: '萧山区',
    code: 'XS',
    lng: 120.264,
    lat: 30.185,
    streets: [
      { name: '城厢街道', code: 'XS-CX', lng: 120.265, lat: 30.159, roads: ['人民路', '体育路', '城河街', '萧绍路'] },
      { name: '北干街道', code: 'XS-BG', lng: 120.278, lat: 30.181, roads: ['金城路', '建设一路', '山阴路', '北山路'] },
      { name: '新塘街道', code: 'XS-XT', lng: 120.3, lat: 30.17, roads: ['通惠路', '新塘路', '育才路', '工人路'] },
    ],
  },
];

/** Circumradius of a grid hexagon, km. */
const GRID_RADIUS_KM = 0.65;
const KM_PER_DEG_LAT = 110.57;
const kmPerDegLng = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

/** A point `km` away from a centre in direction `angle` (radians, east = 0, counter-clockwise). */
export function offsetKm(lng: number, lat: number, km: number, angle: number): { lng: number; lat: number } {
  return {
    lng: lng + (km * Math.cos(angle)) / kmPerDegLng(lat),
    lat: lat + (km * Math.sin(angle)) / KM_PER_DEG_LAT,
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * An irregular hexagon around the centre: vertices at 85–100 % of the radius, so the outline looks drawn
 * by hand, and every point within 70 % of the radius is safely inside.
 */
export function gridPolygon(rng: Rng, lng: number, lat: number): LngLat[] {
  const ring: LngLat[] = [];
  const turn = rng.float(0, Math.PI / 3);
  for (let i = 0; i < 6; i++) {
    const p = offsetKm(lng, lat, GRID_RADIUS_KM * rng.float(0.85, 1), turn + (i * Math.PI) / 3);
    ring.push([round6(p.lng), round6(p.lat)]);
  }
  return ring;
}

/** A point uniformly spread over a disc of `radiusKm` around the centre. */
export function pointNear(rng: Rng, lng: number, lat: number, radiusKm: number): { lng: number; lat: number } {
  const p = offsetKm(lng, lat, radiusKm * Math.sqrt(rng.next()), rng.float(0, 2 * Math.PI));
  return { lng: round6(p.lng), lat: round6(p.lat) };
}

/** Where communities may sit inside a grid (fraction of the radius that stays inside the hexagon). */
export const COMMUNITY_SPREAD_KM = GRID_RADIUS_KM * 0.6;
/** Buildings of one community spread this far from its gate. */
export const BUILDING_SPREAD_KM = 0.08;

const COMMUNITY_HEADS = [
  '金色',
  '阳光',
  '绿城',
  '翡翠',
  '湖畔',
  '春江',
  '西溪',
  '桂花',
  '紫荆',
  '锦绣',
  '南都',
  '华门',
  '嘉绿',
  '新华',
  '望江',
  '兰庭',
  '蓝湾',
  '丹桂',
  '云栖',
  '枫华',
  '香樟',
  '东方',
  '和家',
  '钱江',
];
const COMMUNITY_TAILS = ['花园', '苑', '家园', '公寓', '新村', '府', '小区', '庭', '名邸', '雅苑', '里', '嘉园'];

export function communityName(rng: Rng): string {
  return rng.pick(COMMUNITY_HEADS) + rng.pick(COMMUNITY_TAILS);
}
