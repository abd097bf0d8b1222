export * from './planned-policy.js';
export * from './recurrence.js';
export * from './care-visit.js';
export * from './inspection.js';
