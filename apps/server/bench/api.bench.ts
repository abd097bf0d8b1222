/**
 * `npm run bench:api` — throughput and p50/p99 latency of three calls an engineer makes all day:
 * list my orders, take, complete. Runs on embedded PGlite, then on the local PostgreSQL server (a
 * fresh database, dropped afterwards) when one answers. Loopback only, bounded: each list run lasts
 * a few seconds and each take/complete run sends exactly one request per prepared order.
 * Options: --orders N (prepared orders for take/complete, default 400), --seconds S (list run, default 10).
 */
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { analyzeDatabase, findLoginAccount, migrate, openDatabase, seedDemoData, type Database } from '@daowei/db';
import { buildApp } from '../src/app.js';
import { hashPassword } from '../src/features/auth/password.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ORDERS = arg('orders', 400);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = 10;
const PASSWORD = 'bench-password';

interface Row {
  db: string;
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function login(url: string, loginName: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: loginName, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** The part of an order detail answer these scripts read. */
interface OrderDetail {
  order: { id: string; number: string; status: string };
}

async function post(url: string, token: string, path: string, body: unknown): Promise<OrderDetail> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as OrderDetail;
}

/** Orders offered personally to the engineer, created and dispatched through the API. */
async function prepareOrders(url: string, coord: string, engineerId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const created = await post(url, coord, '/api/work-orders', {
      type: 'install',
      acceptanceSerial: `BENCH-${i}`,
      product: 'broadband',
      business: 'home broadband',
      productNumber: `BB-BENCH-${i}`,
      customer: {
        name: `压测用户${i}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
        address: `西湖区文三路 ${i} 号`,
      },
      broadband: { bandwidthMbps: 500, tariff: '500M 融合套餐', accessMethod: 'FTTH', cooperationMode: 'self' },
    });
    const id = created.order.id as string;
    await post(url, coord, `/api/work-orders/${id}/actions/dispatch`, { toPersonId: engineerId, remark: 'bench' });
    ids.push(id);
  }
  return ids;
}

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const toRow = (db: string, scenario: string, r: autocannon.Result): Row => ({
  db,
  scenario,
  requests: r.requests.total,
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.non2xx + r.errors,
});

async function benchOne(label: string, database: Database): Promise<Row[]> {
  await migrate(database);
  console.error(`[${label}] seeding the demo tenant…`);
  await seedDemoData(database.db, { seed: 7, passwordHash: await hashPassword(PASSWORD) });
  await analyzeDatabase(database.db);
  const app = await buildApp({ database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  try {
    const eng = await findLoginAccount(database.db, 'eng1');
    if (!eng) throw new Error('demo account eng1 missing');
    const [engToken, coord] = await Promise.all([login(url, 'eng1'), login(url, 'coord1')]);
    console.error(`[${label}] preparing ${ORDERS} orders…`);
    const ids = await prepareOrders(url, coord, eng.person.id);
    const auth = { authorization: `Bearer ${engToken}`, 'content-type': 'application/json' };
    const rows: Row[] = [];

    const list = await run({
      url: `${url}/api/work-orders?scope=todo&limit=20`,
      headers: auth,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    rows.push(toRow(label, 'list my orders (GET /api/work-orders?scope=todo)', list));

    const perOrder = (suffix: string, body: unknown): autocannon.Options => {
      let next = 0;
      return {
        url,
        connections: CONNECTIONS,
        amount: ids.length,
        requests: [
          {
            method: 'POST',
            headers: auth,
            body: JSON.stringify(body),
            setupRequest: (req) => ({ ...req, path: `/api/work-orders/${ids[next++ % ids.length]}/actions/${suffix}` }),
          },
        ],
      };
    };
    rows.push(toRow(label, 'take (POST …/actions/take)', await run(perOrder('take', {}))));
    const done = {
      customerContacted: true,
      handlingMinutes: 45,
      remark: 'installed, tested',
      outcome: { kind: 'done' },
    };
    rows.push(toRow(label, 'complete (POST …/actions/complete)', await run(perOrder('complete', done))));
    return rows;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const lite = await openDatabase({});
  try {
    rows.push(...(await benchOne('PGlite (in memory)', lite)));
  } finally {
    await lite.close();
  }

  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `daowei_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const server = await openDatabase({ url: adminUrl.replace(/\/[^/]*$/, `/${dbName}`), poolSize: 20 });
    try {
      rows.push(...(await benchOne('PostgreSQL server', server)));
    } finally {
      await server.close();
      await admin.query(`drop database if exists ${dbName}`);
    }
  } catch (e) {
    console.error(`PostgreSQL run skipped: ${(e as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }

  console.log(
    `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`Connections: ${CONNECTIONS}; list run ${SECONDS} s; take/complete: ${ORDERS} requests each\n`);
  console.log('| database | call | requests | req/s | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.db} | ${r.scenario} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
