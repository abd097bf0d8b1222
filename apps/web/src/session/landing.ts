import type { Position } from '@daowei/domain';

/** Positions whose people work from a phone: they land on 我的待办 (ENG-01). */
export const MOBILE_POSITIONS: readonly Position[] = ['onsite_engineer', 'reception_engineer', 'repair_engineer'];

export const landsOnMobile = (p: Position): boolean => MOBILE_POSITIONS.includes(p);

export function landingPath(p: Position): string {
  return landsOnMobile(p) ? '/m/todo' : '/orders';
}
