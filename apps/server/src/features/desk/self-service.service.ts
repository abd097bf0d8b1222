import { createHash, randomBytes } from 'node:crypto';
import {
  countUrges,
  appendEvent,
  findSelfServiceLink,
  getForUpdate,
  getPerson,
  getRating,
  getWorkOrder,
  issueSelfServiceLink,
  lastUrgeAt,
  listCustomerMessages,
  listEvents,
  recordRating,
  recordUrge,
  updateWorkOrder,
  type Db,
  type SelfServiceLink,
  type StoredWorkOrder,
} from '@daowei/db';
import {
  assertCustomerReschedule,
  canCustomerReschedule,
  canSeeOrder,
  decide,
  CUSTOMER_STATUS_WORDS,
  decideUrge,
  DomainError,
  maskEngineerName,
  RATEABLE_STATUSES,
  selfServiceLinkExpiry,
  URGE_CLOSED_STATUSES,
  type Actor,
  type DeskPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { viewerOf } from '../../http/viewer.js';
import type { SlaService } from '../sla/sla.service.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import type { RatingBody, SelfRescheduleBody } from './desk.schemas.js';

export type SelfServiceService = ReturnType<typeof createSelfServiceService>;

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * One answer for every token that does not open a live link — unknown, malformed, revoked or
 * expired — so a prober cannot tell a guessed-but-expired token from a made-up one.
 */
const noSuchLink = () => new DomainError('NOT_FOUND', 'This link is not valid');

/**
 * The customer acting through their link. The lifecycle's reschedule is open to the desk, and a link is
 * the desk's channel to the customer; the event itself carries no person (actor NULL, `via` in the payload).
 */
const SELF_SERVICE_ACTOR: Actor = {
  personId: '00000000-0000-0000-0000-000000000000',
  position: 'hotline_agent',
  unitIds: [],
};

/**
 * DESK-06 customer self-service. Desk staff issue a link (a random 256-bit token; only its SHA-256 is
 * stored); the customer, without logging in, reads progress, urges (催办, at most once per policy
 * interval) and rates the finished work once. Nothing the public side answers names staff in full,
 * phones, or any other order.
 */
export function createSelfServiceService({
  db,
  clock,
  policy,
  deskPolicy,
  sla,
  onUrge,
  onReschedule,
  slaPolicies,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  deskPolicy: DeskPolicy;
  sla?: Pick<SlaService, 'onOrderAction'>;
  /** SLA-07: the tenant's current SLA policy version (its reschedule notice), shared with the clocks. */
  slaPolicies?: TenantSlaPolicies;
  /** DESK-06 escalation: told of every accepted urge in its transaction (notifies the coordinator). */
  onUrge?: (tx: Db, order: StoredWorkOrder, urgeCount: number) => Promise<void>;
  /** DESK-06: the order's coordinator hears that the customer moved the visit, in its transaction. */
  onReschedule?: (tx: Db, order: StoredWorkOrder, eventSeq: number) => Promise<void>;
}) {
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);

  /** A new link in the caller's transaction; earlier links of the order stop working. */
  async function issueIn(tx: Db, auth: { tenantId: string; personId: string | null }, orderId: string) {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    const link = await issueSelfServiceLink(tx, auth.tenantId, {
      orderId,
      tokenHash: hashToken(token),
      issuedAt: now,
      expiresAt: selfServiceLinkExpiry(now, deskPolicy),
      issuedBy: auth.personId,
    });
    return { token, path: `/s/${token}`, expiresAt: link.expiresAt.toISOString() };
  }

  async function liveLink(tx: Db, token: string, forUpdate = false): Promise<SelfServiceLink> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw noSuchLink();
    const link = await findSelfServiceLink(tx, hashToken(token), { forUpdate });
    if (!link || link.revokedAt || link.expiresAt.getTime() <= clock.now().getTime()) throw noSuchLink();
    return link;
  }

  async function orderOf(tx: Db, link: SelfServiceLink) {
    const order = await getWorkOrder(tx, link.tenantId, link.orderId);
    if (!order) throw noSuchLink();
    return order;
  }

  return {
    issueIn,
    /** The live link of a token (DESK-06 fault report reads the customer through it). */
    liveLinkIn: liveLink,

    /** POST /api/work-orders/:id/self-service-link: a new link; earlier ones of the order stop working. */
    async issue(auth: AuthContext, orderId: string, key: string | null) {
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'self-service-link', orderId }, async () => {
          const order = await getWorkOrder(tx, auth.tenantId, orderId);
          if (!order || !canSeeOrder(order, viewerOf(auth))) {
            throw new DomainError('NOT_FOUND', 'Work order not found', { id: orderId });
          }
          return issueIn(tx, auth, orderId);
        }),
      );
    },

    /** GET /api/public/orders/:token: the order as its customer may see it. */
    async progress(token: string) {
      const link = await liveLink(db, token);
      const order = await orderOf(db, link);
      const [events, holder, urges, lastUrge, rating, messages, slaPolicy] = await Promise.all([
        listEvents(db, link.tenantId, order.id),
        order.holderId ? getPerson(db, link.tenantId, order.holderId) : Promise.resolve(null),
        countUrges(db, link.tenantId, order.id),
        lastUrgeAt(db, link.tenantId, order.id),
        getRating(db, link.tenantId, order.id),
        listCustomerMessages(db, link.tenantId, order.id),
        slaPolicyOf(db, link.tenantId),
      ]);
      // History in plain words: one line per change of what the customer would notice.
      const history: { at: string; text: string; textEn: string }[] = [];
      for (const e of events) {
        const words = CUSTOMER_STATUS_WORDS[e.toStatus];
        if (history.at(-1)?.text === words['zh-CN']) continue;
        history.push({ at: e.at.toISOString(), text: words['zh-CN'], textEn: words.en });
      }
      const urge = decideUrge(lastUrge, clock.now(), deskPolicy);
      const urgeOpen = !URGE_CLOSED_STATUSES.includes(order.status);
      return {
        number: order.number,
        type: order.type,
        status: order.status,
        statusText: CUSTOMER_STATUS_WORDS[order.status]['zh-CN'],
        statusTextEn: CUSTOMER_STATUS_WORDS[order.status].en,
        step: order.step,
        appointment: order.appointment
          ? { start: order.appointment.start.toISOString(), end: order.appointment.end.toISOString() }
          : null,
        engineer: maskEngineerName(holder?.name ?? null),
        history,
        urge: {
          count: urges,
          allowed: urgeOpen && urge.allowed,
          nextAllowedAt: urgeOpen && !urge.allowed ? urge.nextAllowedAt.toISOString() : null,
        },
        rating: rating
          ? { satisfaction: rating.satisfaction, comment: rating.comment, at: rating.at.toISOString() }
          : null,
        canRate: rating === null && RATEABLE_STATUSES.includes(order.status),
        satisfactionScaleMax: deskPolicy.satisfactionScaleMax,
        messages: messages.map((m) => ({ text: m.text, at: m.at.toISOString() })),
        reschedule: {
          allowed: canCustomerReschedule(order),
          noticeMinutes: slaPolicy.appointment.rescheduleNoticeMinutes,
        },
      };
    },

    /** POST /api/public/orders/:token/urge: recorded once per policy interval (the link row is locked). */
    async urge(token: string) {
      return db.transaction(async (tx) => {
        const link = await liveLink(tx, token, true);
        const order = await orderOf(tx, link);
        if (URGE_CLOSED_STATUSES.includes(order.status)) {
          throw new DomainError('CONFLICT', 'This request is already finished', { status: order.status });
        }
        const now = clock.now();
        const decision = decideUrge(await lastUrgeAt(tx, link.tenantId, order.id), now, deskPolicy);
        if (!decision.allowed) {
          throw new DomainError('RATE_LIMITED', 'You have urged this request recently; we are on it', {
            nextAllowedAt: decision.nextAllowedAt.toISOString(),
          });
        }
        await recordUrge(tx, link.tenantId, { orderId: order.id, linkId: link.id, at: now });
        await onUrge?.(tx, order, await countUrges(tx, link.tenantId, order.id));
        const next = new Date(now.getTime() + deskPolicy.urgeMinIntervalMinutes * 60_000);
        return { urgedAt: now.toISOString(), nextAllowedAt: next.toISOString() };
      });
    },

    /**
     * POST /api/public/orders/:token/reschedule (DESK-06, APT-02, SLA-07): the customer moves their visit
     * through the lifecycle's reschedule (asked by the customer), outside the policy's notice period.
     * The order's row is locked; the event and the SLA clocks follow in the same transaction.
     */
    async reschedule(token: string, body: SelfRescheduleBody) {
      return db.transaction(async (tx) => {
        const link = await liveLink(tx, token, true);
        const order = await getForUpdate(tx, link.tenantId, link.orderId);
        if (!order) throw noSuchLink();
        const now = clock.now();
        const tenantPack = { ...policy, sla: await slaPolicyOf(tx, link.tenantId) };
        assertCustomerReschedule(order, body.window, now, tenantPack.sla.appointment);
        const cmd = { action: 'reschedule', reason: body.reason, window: body.window, askedBy: 'customer' } as const;
        const decision = decide(order, cmd, SELF_SERVICE_ACTOR, tenantPack, now);
        const changes = { ...decision.changes, status: decision.to, step: decision.to };
        await updateWorkOrder(tx, link.tenantId, order.id, changes, order.version);
        const event = await appendEvent(tx, link.tenantId, {
          orderId: order.id,
          action: decision.action,
          fromStatus: decision.from,
          toStatus: decision.to,
          actorId: null,
          actorPosition: null,
          at: now,
          payload: { ...decision.payload, via: 'self_service', linkId: link.id },
        });
        const updated = (await getWorkOrder(tx, link.tenantId, order.id))!;
        await sla?.onOrderAction(tx, updated, cmd, now);
        await onReschedule?.(tx, updated, event.seq);
        return {
          appointment: { start: body.window.start.toISOString(), end: body.window.end.toISOString() },
          statusText: CUSTOMER_STATUS_WORDS[updated.status]['zh-CN'],
        };
      });
    },

    /** POST /api/public/orders/:token/rating: once, after the work is done. */
    async rate(token: string, body: RatingBody) {
      if (body.satisfaction > deskPolicy.satisfactionScaleMax) {
        throw new DomainError('VALIDATION_FAILED', `body.satisfaction: at most ${deskPolicy.satisfactionScaleMax}`, {
          field: 'body.satisfaction',
        });
      }
      if ((body.comment?.length ?? 0) > deskPolicy.ratingCommentMaxLength) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `body.comment: at most ${deskPolicy.ratingCommentMaxLength} characters`,
          {
            field: 'body.comment',
          },
        );
      }
      const comment = body.comment || null;
      return db.transaction(async (tx) => {
        const link = await liveLink(tx, token, true);
        const order = await orderOf(tx, link);
        if (!RATEABLE_STATUSES.includes(order.status)) {
          throw new DomainError('CONFLICT', 'The service can be rated once the work is done', { status: order.status });
        }
        const at = clock.now();
        const stored = await recordRating(tx, link.tenantId, {
          orderId: order.id,
          linkId: link.id,
          satisfaction: body.satisfaction,
          comment,
          at,
        });
        if (!stored)
          throw new DomainError('CONFLICT', 'This service has already been rated', { reason: 'already_rated' });
        return { satisfaction: body.satisfaction, comment, at: at.toISOString() };
      });
    },
  };
}
