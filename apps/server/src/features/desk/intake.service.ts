import { findCustomerByPhone, listCustomerOrders, listCustomerProducts, type Db } from '@daowei/db';
import { DomainError, type DeskPolicy } from '@daowei/domain';
import type { AuthContext } from '../../http/auth-context.js';

export type IntakeService = ReturnType<typeof createIntakeService>;

/**
 * DESK-01 intake lookup: the caller's phone → the customer, their products and last orders.
 * Vendor staff see a customer only through their own vendor's orders: one without any is answered
 * like an unknown number (404), so a vendor cannot probe the operator's customer base (SEC-02).
 */
export function createIntakeService({ db, deskPolicy }: { db: Db; deskPolicy: DeskPolicy }) {
  return {
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
        customer: { id: customer.id, name: customer.name, phone: customer.phone, address: customer.address },
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
