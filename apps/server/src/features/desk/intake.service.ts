import {
  findCustomerByPhone,
  insertDeskTask,
  insertIntake,
  listCustomerOrders,
  listCustomerProducts,
  type Db,
} from '@daowei/db';
import {
  contractRef,
  decideServiceMode,
  DomainError,
  followUpDueAt,
  followUpFor,
  orderTypeFor,
  type DeskPolicy,
  type PolicyPack,
} from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';
import type { Clock } from '../../platform/clock.js';
import { runIdempotent } from '../../platform/idempotency.js';
import { createTenantCalendars, type TenantCalendars } from '../calendar/tenant-calendar.js';
import { createTenantSlaPolicies, type TenantSlaPolicies } from '../sla/tenant-sla-policy.js';
import type { WorkOrderService } from '../work-orders/work-order.service.js';
import type { DeskPromises } from './desk-promises.js';
import type { DeskTasksService } from './desk-tasks.service.js';
import type { IntakeBody } from './desk.schemas.js';
import type { ScriptsService } from './scripts.service.js';
import type { SelfServiceService } from './self-service.service.js';

export type IntakeService = ReturnType<typeof createIntakeService>;

/**
 * DESK-01 intake lookup: the caller's phone → the customer, their products and last orders.
 * Vendor staff see a customer only through their own vendor's orders: one without any is answered
 * like an unknown number (404), so a vendor cannot probe the operator's customer base (SEC-02).
 */
export function createIntakeService({
  db,
  clock,
  policy,
  deskPolicy,
  workOrders,
  selfService,
  deskTasks,
  scripts,
  promises,
  slaPolicies,
  calendars,
}: {
  db: Db;
  clock: Clock;
  policy: PolicyPack;
  deskPolicy: DeskPolicy;
  workOrders: Pick<WorkOrderService, 'createIn'>;
  selfService: Pick<SelfServiceService, 'issueIn'>;
  deskTasks: Pick<DeskTasksService, 'schedule' | 'view'>;
  scripts: Pick<ScriptsService, 'assertTexts'>;
  /** SLA-05: the hotline's hand-off and first-contact clocks of an order the desk sends on site. */
  promises?: Pick<DeskPromises, 'start'>;
  /** DESK-02/05: follow-up deadlines from the tenant's current SLA policy version and calendar. */
  slaPolicies?: TenantSlaPolicies;
  calendars?: TenantCalendars;
}) {
  const slaPolicyOf = slaPolicies ?? createTenantSlaPolicies(policy.sla);
  const calendarOf = calendars ?? createTenantCalendars();

  return {
    /** DESK-01: what the rules would decide for these facts (the form shows it while the agent types). */
    decide(facts: Pick<IntakeBody, 'requestKind' | 'symptom' | 'devicePortable' | 'remoteReachable'>) {
      return decideServiceMode(facts, deskPolicy.intakeRules);
    },

    /**
     * DESK-01/02/05/06: records the request in one transaction — the mode (the rules' or the agent's),
     * the order the mode opens (on-site, carry-in, paid) with the customer's self-service link, and the
     * follow-up task phone guidance or an unanswered question owes, with its timer.
     */
    async create(auth: AuthContext, body: IntakeBody, key: string | null) {
      const decided = decideServiceMode(body, deskPolicy.intakeRules);
      const mode = body.mode ?? decided.mode;
      const type = orderTypeFor(mode, body.requestKind);
      if (type && !body.order) {
        throw new DomainError('WO_REQUIRED_FIELD_MISSING', `A ${mode} request opens an order: fill in its fields`, {
          field: 'body.order',
        });
      }
      return db.transaction((tx) =>
        runIdempotent(tx, auth, key, { op: 'intake', body }, async () => {
          const texts = body.guidance ? [{ field: 'body.guidance', text: body.guidance }] : [];
          await scripts.assertTexts(tx, auth, texts, body.confirmFlagged);
          const now = clock.now();
          const order = type && body.order ? await workOrders.createIn(tx, auth, { ...body.order, type }) : null;
          // SLA-05: orders that go to the coordinator queue (on site, paid) carry the desk's promises.
          if (order && (mode === 'on_site' || mode === 'paid_service'))
            await promises?.start(tx, order, body.channel, now);
          const customerId = order?.customerId ?? (await findCustomerByPhone(tx, auth.tenantId, body.callerPhone))?.id;
          const intake = await insertIntake(tx, auth.tenantId, {
            channel: body.channel,
            customerId: customerId ?? null,
            callerPhone: body.callerPhone,
            requestKind: body.requestKind,
            symptom: body.symptom,
            devicePortable: body.devicePortable,
            remoteReachable: body.remoteReachable,
            description: body.description,
            decidedMode: decided.mode,
            ruleId: decided.ruleId,
            mode,
            orderId: order?.id ?? null,
            guidance: body.guidance ?? null,
            createdBy: auth.personId,
            at: now,
          });
          const link = order ? await selfService.issueIn(tx, auth, order.id) : null;
          const followUp = followUpFor(mode, body.answeredNow);
          let task = null;
          if (followUp) {
            const stored = await insertDeskTask(tx, auth.tenantId, {
              intakeId: intake.id,
              orderId: order?.id ?? null,
              kind: followUp,
              dueAt: followUpDueAt(
                followUp,
                now,
                await slaPolicyOf(tx, auth.tenantId),
                await calendarOf(tx, auth.tenantId, order ?? undefined),
              ),
              question: body.description,
            });
            await deskTasks.schedule(tx, stored);
            task = deskTasks.view(stored, now);
          }
          return {
            intake: { id: intake.id, at: intake.at.toISOString() },
            mode,
            decided,
            order: order ? { id: order.id, number: order.number, type: order.type, status: order.status } : null,
            link,
            task,
          };
        }),
      );
    },

    async lookup(auth: AuthContext, phone: string) {
      const customer = await findCustomerByPhone(db, auth.tenantId, phone);
      const unknown = () => new DomainError('NOT_FOUND', 'No customer with this phone', { phone });
      if (!customer) throw unknown();
      const orders = await listCustomerOrders(db, auth.tenantId, customer.id, {
        vendorId: auth.vendorId,
        limit: deskPolicy.intakeHistoryOrders,
      });
      if (auth.vendorId && orders.length === 0) throw unknown();
      const stored = await listCustomerProducts(db, auth.tenantId, customer.id);
      const products = stored.map((p) => ({
        product: p.product,
        productNumber: p.productNumber,
        productModel: p.productModel,
        purchaseDate: p.purchaseDate,
        warranty: p.warranty,
      }));
      // Products only known from orders (taken before the product was registered) are shown too.
      for (const o of orders) {
        if (products.some((p) => p.product === o.product && p.productNumber === o.productNumber)) continue;
        products.push({
          product: o.product,
          productNumber: o.productNumber,
          productModel: null,
          purchaseDate: null,
          warranty: 'unknown',
        });
      }
      return {
        customer: {
          id: customer.id,
          name: customer.name,
          phone: customer.phone,
          address: customer.address,
          // SLA-02: the desk form offers the customer's service contract for the new order.
          contract: contractRef(await slaPolicyOf(db, auth.tenantId), customer.contractId),
        },
        products,
        orders: orders.map((o) => ({
          ...o,
          acceptedAt: o.acceptedAt.toISOString(),
          closedAt: o.closedAt ? o.closedAt.toISOString() : null,
        })),
      };
    },
  };
}
