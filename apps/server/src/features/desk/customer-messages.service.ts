import { getWorkOrder, insertCustomerMessage, listCustomerMessages, type Db } from '@daowei/db';
import { canSeeOrder, DomainError } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { viewerOf } from '../../http/viewer.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { CustomerMessageBody } from './desk.schemas.js';
import type { ScriptsService } from './scripts.service.js';

export type CustomerMessagesService = ReturnType<typeof createCustomerMessagesService>;

/**
 * DESK-04/06: notes staff write to the customer about an order (an answer to an urge, a delay
 * explained). The customer reads them on the self-service page, so each is checked against the
 * tenant's forbidden phrases before it is stored; a confirmed hit is kept with the message.
 */
export function createCustomerMessagesService({
  db,
  clock,
  scripts,
}: {
  db: Db;
  clock: Clock;
  scripts: Pick<ScriptsService, 'assertTexts'>;
}) {
  async function visible(tx: Db, auth: AuthContext, orderId: string) {
    const order = await getWorkOrder(tx, auth.tenantId, orderId);
    if (!order || !canSeeOrder(order, viewerOf(auth))) {
      throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
    }
    return order;
  }
  const view = (m: { id: string; text: string; at: Date; authorId: string; confirmedFlags: unknown[] | null }) => ({
    id: m.id,
    text: m.text,
    at: m.at.toISOString(),
    authorId: m.authorId,
    confirmedFlags: m.confirmedFlags ?? [],
  });

  return {
    async list(auth: AuthContext, orderId: string) {
      await visible(db, auth, orderId);
      return { items: (await listCustomerMessages(db, auth.tenantId, orderId)).map(view) };
    },

    async post(auth: AuthContext, orderId: string, body: CustomerMessageBody, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'customer-message', orderId, body }, async () => {
          await visible(tx, auth, orderId);
          const confirmed = await scripts.assertTexts(
            tx,
            auth,
            [{ field: 'body.text', text: body.text }],
            body.confirmFlagged,
          );
          const stored = await insertCustomerMessage(tx, auth.tenantId, {
            orderId,
            text: body.text,
            authorId: auth.personId,
            confirmedFlags: confirmed.length ? confirmed : null,
            at: clock.now(),
          });
          return view(stored);
        }),
      );
    },
  };
}
