/**
 * PART-01 stock vocabulary. Bulk items (cable, connectors) are counted; serialised items (ONU,
 * set-top box, loaner unit 周转机) are tracked one unit at a time by serial number / MAC, so a
 * replacement can name both the recovered and the installed unit.
 */
export const ITEM_TRACKING = ['bulk', 'serialised'] as const;
export type ItemTracking = (typeof ITEM_TRACKING)[number];

/** What an item is, for reports and filters; a tenant may add its own categories later. */
export const ITEM_CATEGORIES = ['onu', 'set_top_box', 'loaner', 'router', 'cable', 'connector', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Where stock can be. Central and station stores and engineers' vans hold stock; the others are sinks. */
export const LOCATION_KINDS = ['central', 'station', 'van', 'customer', 'scrapped'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** Locations a clerk keeps stock in (receive, transfer, borrow from, return to). */
export const STORE_KINDS: readonly LocationKind[] = ['central', 'station'];

/** A part that comes back is tagged; faulty stock is never lent out again (PART-03). */
export const CONDITIONS = ['good', 'faulty'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Every way stock moves; each is one ledger row (PART-01). `null` ends mean outside the system. */
export const MOVEMENT_KINDS = [
  'receive', // from a supplier into a store
  'transfer', // store → store (central → station and back)
  'borrow', // store → engineer's van, on a borrow card for an order (PART-02)
  'return', // van → store, tagged good or faulty (PART-03)
  'consume', // van → used up on the order (bulk only: a serialised unit is installed instead)
  'install', // van → customer's premises (a unit stays traceable there)
  'recover', // customer → van (the old unit taken back in a replacement, or a loaner coming home)
  'scrap', // store → scrapped
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export interface LocationRef {
  id: string;
  kind: LocationKind;
}

/**
 * One movement as the ledger records it. A serialised movement names its unit and moves exactly
 * one; a bulk movement moves `quantity` of the item in condition `condition` at the source.
 */
export interface Movement {
  kind: MovementKind;
  itemId: string;
  tracking: ItemTracking;
  /** Serialised items: the unit that moves. */
  unitId?: string | null;
  quantity: number;
  from: LocationRef | null;
  to: LocationRef | null;
  /** Condition of what leaves the source (bulk); serialised units carry their own. Default good. */
  condition?: Condition;
  /** `return` and `recover`: the condition the part arrives in. */
  faultTag?: Condition;
}

/** Where a unit is and what state it is in. `locationId` null: consumed (never for a unit) or unknown. */
export interface UnitPlace {
  itemId: string;
  locationId: string;
  condition: Condition;
}

/**
 * The stock at one moment: quantity per (location, item, condition), and each unit's place.
 * Serialised units count in `balances` too, so on-hand is one lookup for either kind.
 */
export interface StockState {
  balances: Readonly<Record<string, number>>;
  units: Readonly<Record<string, UnitPlace>>;
}

export const EMPTY_STOCK: StockState = { balances: {}, units: {} };

export const balanceKey = (locationId: string, itemId: string, condition: Condition): string =>
  `${locationId}|${itemId}|${condition}`;
