/** PART-01..03: stock ledger, movement rules, borrowing. Re-exported from the package root. */
export * from './parts.types.js';
export * from './movement-rules.js';
export * from './ledger.js';
export * from './parts-policy.js';
export * from './borrowing.js';
export * from './low-stock.js';
export * from './hit-rate.js';
export * from './take-back.js';
