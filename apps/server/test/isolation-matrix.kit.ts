import type { Expectation, Scope } from './isolation-matrix.js';

/**
 * Shorthands the isolation-matrix entry files share (isolation-matrix.*.ts): the scopes a probe runs in
 * and what it expects. Only types come from isolation-matrix.ts, so no module cycle forms.
 */
export const ALL: readonly Scope[] = ['tenant', 'vendor', 'engineer'];
export const PEOPLE_SCOPES: readonly Scope[] = ['tenant', 'vendor'];
export const denied: Expectation = { kind: 'denied' };
export const list: Expectation = { kind: 'list' };
export const empty: Expectation = { kind: 'empty' };
export const status = (...statuses: number[]): Expectation => ({ kind: 'status', statuses });
export const qs = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
