export * from './visit-policy.js';
export * from './arrival.js';
export * from './visit-records.js';
export * from './offline-conflict.js';
export * from './departure.js';
export * from './no-access.js';
export * from './onsite-reports.js';
export * from './diagnosis.js';
