import { startServer, type RunningServer } from './server.js';

export interface ClockServer extends RunningServer {
  /**
   * Moves the server's clock to `at` (null: back to the real time; it keeps ticking from there) and
   * delivers the SLA timers — and the named coverage claims' deadlines — that are due by then.
   */
  setClock: (at: Date | null, claims?: { tenantId: string; claimId: string }[]) => Promise<{ now: string }>;
}

/** The real server with a movable clock (e2e/support/clock-main.ts), on a fresh embedded database. */
export async function startClockServer(env: Record<string, string> = {}): Promise<ClockServer> {
  const server = await startServer(env, 'e2e/support/clock-main.ts');
  const port = /Clock control on (\d+)/.exec(server.output())?.[1];
  if (!port) throw new Error(`no clock control port:\n${server.output()}`);
  return {
    ...server,
    setClock: async (at, claims = []) => {
      const res = await fetch(`http://127.0.0.1:${port}/clock`, {
        method: 'POST',
        body: JSON.stringify({ at: at?.toISOString() ?? null, claims }),
      });
      if (!res.ok) throw new Error(`clock: ${res.status} ${await res.text()}`);
      return (await res.json()) as { now: string };
    },
  };
}
