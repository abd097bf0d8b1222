/** Demo tenant: a deterministic generator (pure) and the loader `npm start` runs on an empty database. */
export { generateDemoData, DEMO_DEFAULTS } from './generate.js';
export { seedDemoData, insertDemoData, hasAnyTenant, DEMO_SEED } from './seed.js';
export type { SeedDemoOptions, SeedDemoResult } from './seed.js';
export { DEMO_ACCOUNTS } from './accounts.js';
export type * from './types.js';
