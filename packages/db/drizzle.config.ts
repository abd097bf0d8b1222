import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit generates SQL migrations from src/schema. The same folder is applied to PGlite and to
 * PostgreSQL 15 by src/migrate.ts, so hand-written migrations (`--custom`) must stick to SQL both
 * accept. Run from packages/db: `npx drizzle-kit generate`.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  strict: true,
});
