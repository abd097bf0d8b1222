import { resolve } from 'node:path';

export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL server; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  loadDemo: boolean;
  demoSeed: number;
  /** Size of the demo tenant's order history (tests use a smaller one to start faster). */
  demoOrders: number;
  /** Folder of the built web app; served at / when it exists. */
  webDist: string;
  logLevel: string;
}

/** Reads configuration from the environment and command-line flags (flags win). */
export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): ServerConfig {
  const flag = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    const a = argv[i]!;
    return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[i + 1] ?? '');
  };
  const port = Number(flag('port') ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${port}`);
  return {
    host: flag('host') ?? env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(flag('data-dir') ?? env.DAOWEI_DATA_DIR ?? 'data'),
    loadDemo: !argv.includes('--no-demo') && env.DAOWEI_NO_DEMO !== '1',
    demoSeed: Number(env.DAOWEI_DEMO_SEED ?? 20261123),
    demoOrders: Number(env.DAOWEI_DEMO_ORDERS ?? 3000),
    webDist: resolve(env.DAOWEI_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
