import {
  claimOutboxMessage,
  getCurrentTemplate,
  getDeskLibrary,
  getOutboxByDedupeKey,
  getOutboxMessage,
  insertOutboxMessage,
  listDueOutbox,
  recordChannelSend,
  releaseExpiredLease,
  updateOutboxMessage,
  type Db,
  type StoredOutboxMessage,
} from '@daowei/db';
import {
  afterAttempt,
  checkCustomerText,
  DEFAULT_FORBIDDEN_PHRASES_ZH,
  defaultTemplate,
  isCustomerEvent,
  renderTemplate,
  type MessageChannel,
  type MessageLocale,
  type MessageTemplateText,
  type NotifyPolicy,
  type PhraseFlag,
} from '@daowei/domain';
import type { Clock } from '../../platform/clock.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { DeliveryAdapter, DeliveryResult } from './delivery-adapter.js';

export const NOTIFY_DELIVER_JOB = 'notify-deliver';
export const NOTIFY_SWEEP_JOB = 'notify-sweep';
/** A message younger than this (database time) is its delivery job's, not the sweep's. */
const SWEEP_GRACE_SECONDS = 60;
export interface NotifyDeliverData {
  tenantId: string;
  id: string;
}

/** A customer message to queue. `occurrence` names the business fact (e.g. "engineer_en_route:<order>:v7"). */
export interface EnqueueInput {
  event: string;
  channel: MessageChannel;
  to: string;
  orderId?: string | null;
  occurrence: string;
  params: Record<string, string | null>;
  locale?: MessageLocale;
  /** Text written elsewhere (a desk script already checked there) instead of a template. */
  text?: { subject: string | null; body: string };
}

export interface EnqueueResult {
  id: string;
  status: StoredOutboxMessage['status'];
  /** True when the same occurrence was queued before: nothing new was queued. */
  duplicate: boolean;
}

export type Outbox = ReturnType<typeof createOutbox>;

/** Exactly once per (event occurrence, channel, recipient). */
const dedupeKeyOf = (i: EnqueueInput) => `${i.occurrence}|${i.channel}|${i.to}`;

/**
 * INT-01 outbox: `enqueue` runs in the business change's transaction (the message exists exactly when
 * the change committed) and inserts the delivery job there too; `deliver` is the job — it claims the
 * row, calls the channel's adapter outside any transaction, then logs the try and decides: sent, tried
 * again after the back-off (a job at that time), or dead after the row's last try. The minute sweep
 * catches what a lost job or a crashed process left behind.
 */
export function createOutbox({
  db,
  clock,
  policy,
  jobs,
  adapterFor,
}: {
  db: Db;
  clock: Clock;
  policy: NotifyPolicy;
  jobs?: JobQueue | undefined;
  adapterFor: (channel: MessageChannel) => DeliveryAdapter;
}) {
  /** The tenant's wording in use (version ≥ 1) or ours (version 0); null when the tenant switched it off. */
  async function templateOf(tx: Db, tenantId: string, event: string, channel: MessageChannel, locale: MessageLocale) {
    const stored = await getCurrentTemplate(tx, tenantId, { event, channel, locale });
    if (stored) return stored.enabled ? { subject: stored.subject, body: stored.body, version: stored.version } : null;
    if (!isCustomerEvent(event)) return null;
    return { ...defaultTemplate(event, channel, locale), version: 0 };
  }

  /** DESK-04: the rendered text against the tenant's forbidden phrases (the shipped list until it has its own). */
  async function flagsOf(tx: Db, tenantId: string, t: MessageTemplateText): Promise<PhraseFlag[]> {
    const lib = await getDeskLibrary(tx, tenantId);
    const phrases = lib?.phrases ?? DEFAULT_FORBIDDEN_PHRASES_ZH;
    return [...checkCustomerText(t.subject ?? '', phrases), ...checkCustomerText(t.body, phrases)];
  }

  const heldReason = (f: PhraseFlag) => `DESK_FORBIDDEN_PHRASE: "${f.excerpt}" (${f.phraseId}, suggest ${f.suggest})`;

  async function scheduleDelivery(tx: Db, tenantId: string, id: string, attempt: number, runAt?: Date) {
    await jobs?.schedule(NOTIFY_DELIVER_JOB, { tenantId, id } satisfies NotifyDeliverData, {
      tx,
      key: `${id}:${attempt}`,
      ...(runAt ? { runAt } : {}),
    });
  }

  return {
    /**
     * Queues a customer message in the caller's transaction: rendered from the template, checked
     * against the forbidden phrases (a hit is held, not sent, and shown in the outbox), deduplicated
     * on (occurrence, channel, recipient). null when the tenant switched this message off.
     */
    async enqueue(
      tx: Db,
      tenantId: string,
      input: EnqueueInput,
      opts: { logQueued?: boolean } = {},
    ): Promise<EnqueueResult | null> {
      const now = clock.now();
      const locale = input.locale ?? policy.defaultLocale;
      const template = input.text
        ? { ...input.text, version: 0 }
        : await templateOf(tx, tenantId, input.event, input.channel, locale);
      if (!template) return null;
      const rendered = input.text ?? renderTemplate(template, input.params);
      const flag = (await flagsOf(tx, tenantId, rendered))[0];
      const row = await insertOutboxMessage(tx, tenantId, {
        event: input.event,
        channel: input.channel,
        recipient: input.to,
        orderId: input.orderId ?? null,
        dedupeKey: dedupeKeyOf(input),
        locale,
        templateVersion: template.version,
        subject: rendered.subject,
        body: rendered.body,
        params: input.params,
        status: flag ? 'held' : 'pending',
        maxAttempts: policy.maxAttempts,
        lastError: flag ? heldReason(flag) : null,
        at: now,
      });
      if (!row) {
        const first = await getOutboxByDedupeKey(tx, tenantId, dedupeKeyOf(input));
        return { id: first?.id ?? '', status: first?.status ?? 'pending', duplicate: true };
      }
      if (opts.logQueued !== false) {
        await recordChannelSend(tx, tenantId, {
          orderId: row.orderId,
          channel: row.channel,
          adapter: 'outbox',
          recipient: row.recipient,
          template: row.event,
          params: row.params,
          status: 'recorded',
          at: now,
          outboxId: row.id,
          attempt: 0,
          error: row.lastError,
        });
      }
      if (row.status === 'pending') await scheduleDelivery(tx, tenantId, row.id, 0);
      return { id: row.id, status: row.status, duplicate: false };
    },

    /**
     * The delivery job: one try of one message. Stale, early, doubled or concurrent deliveries find the
     * row not pending, not due or locked, and do nothing — a message is handed to its adapter once per try.
     */
    async deliver(data: NotifyDeliverData): Promise<StoredOutboxMessage['status'] | 'skipped'> {
      const now = clock.now();
      const leaseUntil = new Date(now.getTime() + policy.sendingLeaseSeconds * 1000);
      const claimed = await db.transaction((tx) => claimOutboxMessage(tx, data.tenantId, data.id, now, leaseUntil));
      if (!claimed) return 'skipped';
      const adapter = adapterFor(claimed.channel as MessageChannel);
      let result: DeliveryResult;
      try {
        result = await adapter.send({
          id: claimed.id,
          tenantId: claimed.tenantId,
          dedupeKey: claimed.dedupeKey,
          event: claimed.event,
          channel: claimed.channel as MessageChannel,
          to: claimed.recipient,
          subject: claimed.subject,
          body: claimed.body,
          locale: claimed.locale,
          orderId: claimed.orderId,
          orderNo: claimed.params.orderNo ?? null,
          attempt: claimed.attempts,
        });
      } catch (e) {
        result = { ok: false, error: (e as Error).message || 'adapter error', retryable: true };
      }
      const done = clock.now();
      return db.transaction(async (tx) => {
        const next = afterAttempt(policy, {
          attempts: claimed.attempts,
          maxAttempts: claimed.maxAttempts,
          outcome: result.ok ? { ok: true } : { ok: false, retryable: result.retryable },
          now: done,
        });
        await recordChannelSend(tx, claimed.tenantId, {
          orderId: claimed.orderId,
          channel: claimed.channel,
          adapter: adapter.name,
          recipient: claimed.recipient,
          template: claimed.event,
          params: claimed.params,
          status: result.ok ? 'sent' : 'failed',
          at: done,
          outboxId: claimed.id,
          attempt: claimed.attempts,
          error: result.ok ? null : result.error,
        });
        await updateOutboxMessage(tx, claimed.tenantId, claimed.id, {
          status: next.status,
          lockedUntil: null,
          updatedAt: done,
          ...(result.ok ? { sentAt: done, lastError: null } : { lastError: result.error }),
          ...(next.status === 'pending' ? { nextAttemptAt: next.nextAttemptAt } : {}),
        });
        if (next.status === 'pending') {
          await scheduleDelivery(tx, claimed.tenantId, claimed.id, claimed.attempts, next.nextAttemptAt);
        }
        return next.status;
      });
    },

    /**
     * The minute sweep: due retries whose job was lost, and tries interrupted by a crash (lease over).
     * Messages queued in the last minute are left to their own job. Tests sweep one tenant without grace.
     */
    async sweep(opts: { limit?: number; tenantId?: string; graceSeconds?: number } = {}): Promise<number> {
      const now = clock.now();
      let n = 0;
      const dueRows = await listDueOutbox(db, now, opts.limit ?? 50, {
        graceSeconds: opts.graceSeconds ?? SWEEP_GRACE_SECONDS,
        ...(opts.tenantId ? { tenantId: opts.tenantId } : {}),
      });
      for (const due of dueRows) {
        if (due.status === 'sending') await releaseExpiredLease(db, due.tenantId, due.id, now);
        if ((await this.deliver({ tenantId: due.tenantId, id: due.id })) !== 'skipped') n++;
      }
      return n;
    },

    /**
     * "Retry now" from the console, inside the caller's transaction: a dead message gets one more try,
     * a waiting one is due at once, a held one is rendered again from the current template and checked
     * again. Returns the flag that still holds it, if any. The caller delivers after commit.
     */
    async prepareRetry(tx: Db, row: StoredOutboxMessage): Promise<PhraseFlag | null> {
      const now = clock.now();
      if (row.status === 'held') {
        const template = isCustomerEvent(row.event)
          ? await templateOf(tx, row.tenantId, row.event, row.channel as MessageChannel, row.locale as MessageLocale)
          : { subject: row.subject, body: row.body, version: row.templateVersion };
        const rendered = template ? renderTemplate(template, row.params) : { subject: row.subject, body: row.body };
        const flag = (await flagsOf(tx, row.tenantId, rendered))[0];
        if (flag) {
          await updateOutboxMessage(tx, row.tenantId, row.id, { lastError: heldReason(flag), updatedAt: now });
          return flag;
        }
        await updateOutboxMessage(tx, row.tenantId, row.id, {
          status: 'pending',
          subject: rendered.subject,
          body: rendered.body,
          templateVersion: template?.version ?? row.templateVersion,
          nextAttemptAt: now,
          lastError: null,
          updatedAt: now,
        });
        return null;
      }
      await updateOutboxMessage(tx, row.tenantId, row.id, {
        status: 'pending',
        nextAttemptAt: now,
        ...(row.status === 'dead' ? { maxAttempts: row.attempts + 1 } : {}),
        updatedAt: now,
      });
      return null;
    },

    getForUpdate: (tx: Db, tenantId: string, id: string) => getOutboxMessage(tx, tenantId, id, { forUpdate: true }),
  };
}
