/** Test helpers, imported as '@daowei/db/testing' (kept out of the main entry point). */
export * from './test-database.js';
export * from './test-tenant.js';
