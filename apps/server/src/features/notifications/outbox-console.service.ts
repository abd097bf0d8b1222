import {
  countOutboxByStatus,
  getOrderVendor,
  getOutboxMessage,
  listOutbox,
  listSendsOfOutbox,
  type Db,
  type StoredOutboxMessage,
} from '@daowei/db';
import { DomainError, maskPhone, PHONE_VISIBLE_POSITIONS, type NotifyPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import { runIdempotent } from '../../platform/idempotency.js';
import type { OutboxQueryInput } from './notify.schemas.js';
import type { Outbox } from './outbox.service.js';

export type OutboxConsole = ReturnType<typeof createOutboxConsole>;

/**
 * INT-01 send log for the desk and admins: every customer message with its state, tries and last
 * error, and "retry now". Vendor staff see the messages of their vendor's orders only; a message of
 * another vendor or tenant is answered as missing (SEC-02).
 */
export function createOutboxConsole({ db, policy, outbox }: { db: Db; policy: NotifyPolicy; outbox: Outbox }) {
  function requireViewer(auth: AuthContext) {
    if (!policy.outboxViewPositions.includes(auth.position)) {
      throw new DomainError('FORBIDDEN', 'The send log is for the desk and admins', { position: auth.position });
    }
  }

  async function visible(tx: Db, auth: AuthContext, m: StoredOutboxMessage | null) {
    if (!m) return false;
    if (!auth.vendorId) return true;
    if (!m.orderId) return false;
    return (await getOrderVendor(tx, auth.tenantId, m.orderId))?.vendorId === auth.vendorId;
  }

  const notFound = (id: string) => new DomainError('NOT_FOUND', 'Message not found', { id });

  function view(auth: AuthContext, m: StoredOutboxMessage, orderNo: string | null) {
    const showPhone = PHONE_VISIBLE_POSITIONS.includes(auth.position) || m.channel !== 'sms';
    return {
      id: m.id,
      event: m.event,
      channel: m.channel,
      recipient: showPhone ? m.recipient : maskPhone(m.recipient),
      orderId: m.orderId,
      orderNo: orderNo ?? m.params.orderNo ?? null,
      status: m.status,
      attempts: m.attempts,
      maxAttempts: m.maxAttempts,
      nextAttemptAt: m.status === 'pending' ? m.nextAttemptAt.toISOString() : null,
      lastError: m.lastError,
      subject: m.subject,
      body: m.body,
      locale: m.locale,
      templateVersion: m.templateVersion,
      queuedAt: m.queuedAt.toISOString(),
      sentAt: m.sentAt ? m.sentAt.toISOString() : null,
      canRetry: m.status !== 'sent' && m.status !== 'sending' && policy.outboxRetryPositions.includes(auth.position),
    };
  }

  async function detail(auth: AuthContext, id: string) {
    const m = await getOutboxMessage(db, auth.tenantId, id);
    if (!(await visible(db, auth, m))) throw notFound(id);
    const order = m!.orderId ? await getOrderVendor(db, auth.tenantId, m!.orderId) : null;
    const log = await listSendsOfOutbox(db, auth.tenantId, id);
    return {
      ...view(auth, m!, order?.number ?? null),
      tries: log.map((s) => ({
        attempt: s.attempt ?? 0,
        status: s.status,
        adapter: s.adapter,
        error: s.error,
        at: s.at.toISOString(),
      })),
    };
  }

  return {
    async list(auth: AuthContext, q: OutboxQueryInput) {
      requireViewer(auth);
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const page = await listOutbox(db, auth.tenantId, {
        ...(q.status ? { status: q.status } : {}),
        ...(q.orderId ? { orderId: q.orderId } : {}),
        vendorId: auth.vendorId,
        cursor,
        limit: q.limit,
      });
      const last = page.items.at(-1)?.m;
      return {
        items: page.items.map((r) => view(auth, r.m, r.orderNumber)),
        counts: await countOutboxByStatus(db, auth.tenantId, auth.vendorId),
        nextCursor: page.hasMore && last ? encodeCursor(last) : null,
      };
    },

    async get(auth: AuthContext, id: string) {
      requireViewer(auth);
      return detail(auth, id);
    },

    /** POST …/retry: one more try now (a held message is rendered and checked again first). */
    async retry(auth: AuthContext, id: string, key: string | null) {
      requireViewer(auth);
      if (!policy.outboxRetryPositions.includes(auth.position)) {
        throw new DomainError('FORBIDDEN', 'Retrying messages is for the desk and admins', { position: auth.position });
      }
      const tenantId = await db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'notify-retry', id }, async () => {
          const m = await outbox.getForUpdate(tx, auth.tenantId, id);
          if (!(await visible(tx, auth, m))) throw notFound(id);
          if (m!.status === 'sent') throw new DomainError('CONFLICT', 'This message was sent already', { id });
          if (m!.status === 'sending')
            throw new DomainError('CONFLICT', 'This message is being sent right now', { id });
          const flag = await outbox.prepareRetry(tx, m!);
          if (flag) {
            throw new DomainError('DESK_FORBIDDEN_PHRASE', `"${flag.excerpt}" is a phrase we do not say to customers`, {
              field: 'template',
              phrase: flag.matched,
              phraseId: flag.phraseId,
              excerpt: flag.excerpt,
              suggest: flag.suggest,
              confirmable: false,
            });
          }
          return m!.tenantId;
        }),
      );
      await outbox.deliver({ tenantId, id });
      return detail(auth, id);
    },
  };
}

const encodeCursor = (m: StoredOutboxMessage) =>
  Buffer.from(JSON.stringify([m.queuedAt.toISOString(), m.id])).toString('base64url');

function decodeCursor(cursor: string): { queuedAt: Date; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const queuedAt = new Date(String(parsed[0]));
      const id = String(parsed[1]);
      const y = queuedAt.getUTCFullYear();
      if (/^[0-9a-f-]{36}$/i.test(id) && y >= 1900 && y <= 9999) return { queuedAt, id };
    }
  } catch {
    // fall through
  }
  throw new DomainError('VALIDATION_FAILED', 'The page cursor is not valid', { field: 'cursor' });
}
