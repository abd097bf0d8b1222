import type { Position } from './positions.js';

/**
 * ORG-01..06: who works for whom, where, when and with which skills. Every record carries its tenant
 * (ORG-01) so the data layer can enforce isolation on each row, not only on a parent.
 */

/** An operator (a carrier or brand) that contracts vendors; the unit of data isolation. */
export interface Tenant {
  id: string;
  name: string;
  /** SLA-01: calendars and local dates default to this zone unless an area says otherwise. */
  timeZone: string;
}

/** A contracted maintenance company (代维公司). */
export interface Vendor {
  id: string;
  tenantId: string;
  name: string;
  code: string;
}

export const ORG_UNIT_KINDS = ['operator', 'vendor', 'station', 'team'] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

/**
 * A node of the org tree: the operator at the root, vendors below it, their stations/offices
 * (服务站、辦事處) and teams below those. `vendorId` is null for the operator's own units.
 */
export interface OrgUnit {
  id: string;
  tenantId: string;
  parentId: string | null;
  kind: OrgUnitKind;
  name: string;
  vendorId: string | null;
}

/** ORG-01: a person belongs to exactly one unit; `vendorId` is null for the operator's own staff. */
export interface Person {
  id: string;
  tenantId: string;
  unitId: string;
  vendorId: string | null;
  name: string;
  staffNo: string;
  phone: string;
  login: string;
  active: boolean;
}

/** ORG-02: one row per position a person holds; the session works in one of them at a time. */
export interface PersonPosition {
  tenantId: string;
  personId: string;
  position: Position;
}

/** ORG-03: a skill a job may need (e.g. FTTH splicing, gas appliance safety). */
export interface Skill {
  tenantId: string;
  code: string;
  name: string;
}

/** ORG-03: proof that a person passed the skill's exam; valid through `validUntil` inclusive. */
export interface Certificate {
  tenantId: string;
  personId: string;
  skillCode: string;
  certificateNo: string;
  /** ISO date `YYYY-MM-DD`, a local calendar day in the tenant's zone. */
  validUntil: string;
}

/** `[longitude, latitude]` in degrees, the GeoJSON order. */
export type LngLat = readonly [lng: number, lat: number];

/** A point as work orders carry it. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** ORG-04: a service area (网格) served from a station; its outline is a simple polygon. */
export interface Area {
  id: string;
  tenantId: string;
  name: string;
  code: string;
  stationId: string;
  /** Outline as a ring of points; closing the ring (repeating the first point) is optional. */
  polygon: readonly LngLat[];
}

export const SHIFT_KINDS = ['day', 'evening', 'weekend'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/**
 * ORG-06: one rostered shift of one person, as absolute instants. A shift from 18:00 to 02:00 simply
 * ends on the next calendar day; `end` is exclusive so back-to-back shifts do not overlap.
 */
export interface Shift {
  tenantId: string;
  personId: string;
  start: Date;
  end: Date;
  kind: ShiftKind;
}

/** ORG-05: a person's account in an external business system (e.g. the operator's BSS). */
export interface ExternalAccount {
  tenantId: string;
  personId: string;
  system: string;
  externalId: string;
}
