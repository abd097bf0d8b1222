import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '@daowei/db';
import { createTestPerson } from '@daowei/db/testing';
import type { Person } from '@daowei/domain';
import {
  act,
  actions,
  createOrderVia,
  dispatchToPool,
  getOrder,
  startHarness,
  tokensOf,
  type Answer,
  type Harness,
  type Tokens,
} from './harness.js';

const TEAM_SIZE = 20;

describe('taking an order at once (WO-04)', () => {
  let h: Harness;
  let tk: Tokens;
  let team: { person: Person; token: string }[];
  beforeAll(async () => {
    // Enough connections that all twenty takes really run in parallel transactions on PostgreSQL.
    h = await startHarness({ poolSize: 25 });
    tk = await tokensOf(h);
    const more: Person[] = [];
    for (let i = 0; i < TEAM_SIZE - 2; i++) {
      more.push(
        await createTestPerson(h.database.db, h.t.tenant.id, {
          name: `pool-engineer-${i}`,
          unitId: h.t.units.team.id,
          positions: ['onsite_engineer'],
          suffix: h.t.suffix,
        }),
      );
    }
    const people = [h.t.engineer, h.t.engineer2, ...more];
    team = await Promise.all(people.map(async (person) => ({ person, token: await h.tokenFor(person) })));
  });
  afterAll(async () => h?.close());

  async function race(id: string): Promise<Answer[]> {
    return Promise.all(team.map(({ token }) => act(h, token, id, 'take', {})));
  }

  it.each([1, 2, 3])(
    'WO-04 twenty engineers of one pool take the same order at once: exactly one wins, nineteen hear WO_ALREADY_TAKEN (round %i)',
    async () => {
      const created = await createOrderVia(h, tk.hotline, 'fault');
      const id: string = created.order.id;
      await dispatchToPool(h, tk.coordinator, id);

      const answers = await race(id);

      const winners = answers.flatMap((a, i) => (a.status === 200 ? [team[i]!.person] : []));
      const losers = answers.filter((a) => a.status !== 200);
      expect(winners, JSON.stringify(losers.filter((a) => a.status !== 409).map((a) => a.body))).toHaveLength(1);
      expect(losers).toHaveLength(TEAM_SIZE - 1);
      for (const l of losers) {
        expect(l.status).toBe(409);
        expect(l.body.code).toBe('WO_ALREADY_TAKEN');
      }
      const winner = winners[0]!;
      const detail = await getOrder(h, tk.coordinator, id);
      expect(detail.order).toMatchObject({ status: 'taken', holderId: winner.id, holderName: winner.name });
      expect(actions(detail)).toEqual(['create', 'dispatch', 'take']);
      expect(detail.events.filter((e: { action: string }) => e.action === 'take')).toHaveLength(1);
      expect(detail.events.at(-1).actorId).toBe(winner.id);
      // The answer the winner got describes the order they now hold.
      const winnerAnswer = answers.find((a) => a.status === 200)!;
      expect(winnerAnswer.body.order.holderId).toBe(winner.id);
      expect(await verifyAllChains(h.database.db, h.t.tenant.id)).toEqual([]);
    },
  );
});
