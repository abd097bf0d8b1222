import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Dependency direction (architecture.md): domain ← dispatch ← db ← server; web talks HTTP only.
 * Each package may import only the packages to its left.
 */
const forbid = (names, why) => ({
  'no-restricted-imports': ['error', { patterns: names.map((n) => ({ group: [n, `${n}/*`], message: why })) }],
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', 'packages/db/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['packages/domain/**'],
    rules: forbid(
      ['@daowei/dispatch', '@daowei/db', '@daowei/server', '@daowei/web', 'node:*', 'fs', 'pg', 'fastify'],
      'domain is pure: no I/O and no imports from outer layers',
    ),
  },
  {
    files: ['packages/dispatch/**'],
    rules: forbid(['@daowei/db', '@daowei/server', '@daowei/web'], 'dispatch may import only domain'),
  },
  {
    files: ['packages/db/**'],
    rules: forbid(['@daowei/server', '@daowei/web', 'fastify'], 'db may not import server or web'),
  },
  {
    files: ['apps/server/**'],
    rules: forbid(['@daowei/web'], 'the server talks to the web app over HTTP only'),
  },
  {
    files: ['apps/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        ['@daowei/db', '@daowei/server', '@daowei/dispatch', 'pg', 'fastify'],
        'the web app talks to the server over HTTP only (types from @daowei/domain are fine)',
      ),
    },
  },
);
