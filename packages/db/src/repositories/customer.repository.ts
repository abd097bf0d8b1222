import { and, asc, eq, sql } from 'drizzle-orm';
import type { WarrantyState } from '@daowei/domain';
import type { Db } from '../client.js';
import { customerProducts, customers } from '../schema/customers.js';
import { isUuid } from './helpers.js';

/** DESK-01 customers and the products they hold. */

export interface Customer {
  id: string;
  tenantId: string;
  name: string;
  phone: string;
  address: string;
  lat: number | null;
  lng: number | null;
  areaId: string | null;
  /** SLA-02: the customer's service contract (an id of the tenant's SLA policy contracts). */
  contractId: string | null;
}

export interface CustomerProduct {
  id: string;
  customerId: string;
  product: string;
  productNumber: string;
  productModel: string | null;
  purchaseDate: string | null;
  warranty: WarrantyState;
}

const toCustomer = (r: typeof customers.$inferSelect): Customer => ({
  id: r.id,
  tenantId: r.tenantId,
  name: r.name,
  phone: r.phone,
  address: r.address,
  contractId: r.contractId,
  lat: r.lat,
  lng: r.lng,
  areaId: r.areaId,
});

const toProduct = (r: typeof customerProducts.$inferSelect): CustomerProduct => ({
  id: r.id,
  customerId: r.customerId,
  product: r.product,
  productNumber: r.productNumber,
  productModel: r.productModel,
  purchaseDate: r.purchaseDate,
  warranty: r.warranty,
});

/** Phones are compared as typed minus spaces and dashes, the way desks write them down. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

export async function findCustomerByPhone(db: Db, tenantId: string, phone: string): Promise<Customer | null> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.phone, normalizePhone(phone))));
  return row ? toCustomer(row) : null;
}

export async function getCustomer(db: Db, tenantId: string, customerId: string): Promise<Customer | null> {
  if (!isUuid(customerId)) return null;
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)));
  return row ? toCustomer(row) : null;
}

/**
 * DESK-01: the customer with this phone, created from `input` if there is none. An existing customer
 * is returned unchanged (intake may show the stored name and address to confirm). One statement with
 * ON CONFLICT, so two desks taking calls from the same number at once get the same customer.
 */
export async function findOrCreateCustomer(
  db: Db,
  tenantId: string,
  input: {
    name: string;
    phone: string;
    address: string;
    lat?: number | null;
    lng?: number | null;
    areaId?: string | null;
  },
): Promise<{ customer: Customer; created: boolean }> {
  const phone = normalizePhone(input.phone);
  const [inserted] = await db
    .insert(customers)
    .values({
      tenantId,
      name: input.name,
      phone,
      address: input.address,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      areaId: input.areaId ?? null,
    })
    .onConflictDoNothing({ target: [customers.tenantId, customers.phone] })
    .returning();
  if (inserted) return { customer: toCustomer(inserted), created: true };
  const existing = await findCustomerByPhone(db, tenantId, phone);
  if (!existing) throw new Error('Customer vanished between insert and select');
  return { customer: existing, created: false };
}

export async function updateCustomer(
  db: Db,
  tenantId: string,
  customerId: string,
  changes: Partial<Pick<Customer, 'name' | 'address' | 'lat' | 'lng' | 'areaId'>>,
): Promise<Customer | null> {
  const [row] = await db
    .update(customers)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .returning();
  return row ? toCustomer(row) : null;
}

export async function listCustomerProducts(db: Db, tenantId: string, customerId: string): Promise<CustomerProduct[]> {
  const rows = await db
    .select()
    .from(customerProducts)
    .where(and(eq(customerProducts.tenantId, tenantId), eq(customerProducts.customerId, customerId)))
    .orderBy(asc(customerProducts.product), asc(customerProducts.productNumber));
  return rows.map(toProduct);
}

/**
 * Records that the customer holds a product (idempotent on customer + product + number). Details
 * given later (model, purchase date, warranty) update the stored ones; absent details are kept.
 */
export async function upsertCustomerProduct(
  db: Db,
  tenantId: string,
  input: {
    customerId: string;
    product: string;
    productNumber: string;
    productModel?: string | null;
    purchaseDate?: string | null;
    warranty?: WarrantyState;
  },
): Promise<CustomerProduct> {
  const details = {
    ...(input.productModel != null ? { productModel: input.productModel } : {}),
    ...(input.purchaseDate != null ? { purchaseDate: input.purchaseDate } : {}),
    ...(input.warranty ? { warranty: input.warranty } : {}),
  };
  const [row] = await db
    .insert(customerProducts)
    .values({
      tenantId,
      customerId: input.customerId,
      product: input.product,
      productNumber: input.productNumber,
      ...details,
    })
    .onConflictDoUpdate({
      target: [
        customerProducts.tenantId,
        customerProducts.customerId,
        customerProducts.product,
        customerProducts.productNumber,
      ],
      // A no-op SET on conflict still returns the row (DO NOTHING would return none).
      set: Object.keys(details).length ? details : { productNumber: input.productNumber },
    })
    .returning();
  return toProduct(row!);
}

/** SLA-02: records (or clears) the service contract a customer holds; null when the customer is unknown. */
export async function setCustomerContract(
  db: Db,
  tenantId: string,
  customerId: string,
  contractId: string | null,
): Promise<Customer | null> {
  if (!isUuid(customerId)) return null;
  const [row] = await db
    .update(customers)
    .set({ contractId, updatedAt: sql`now()` })
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .returning();
  return row ? toCustomer(row) : null;
}
