export { generateDemoData, DEMO_DEFAULTS } from './generate.js';
export { DEMO_ACCOUNTS } from './accounts.js';
export type * from './types.js';
