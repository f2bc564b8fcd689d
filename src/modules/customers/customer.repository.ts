import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import { fetchPage, likePattern } from '../../lib/paging';
import type { CustomersTable } from './customer.table';
import type { ListCustomersQuery } from './customer.schemas';
import type { CustomerCreditChangesTable } from '../credit/credit-change.table';
import { prepared } from '../../lib/sql';

/** The columns a customer is read with. */
export const customerColumns = [
  'id',
  'code',
  'short_code',
  'name',
  'kind',
  'region',
  'payment_method',
  'payment_days',
  'overdue_interest_bp',
  'credit_limit',
  'discount_percent',
  'priority',
  'contacts',
  'addresses',
  'remark',
  'active',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

const sortable = {
  code: 'code',
  shortCode: 'short_code',
  name: 'name',
  kind: 'kind',
  region: 'region',
  creditLimit: 'credit_limit',
  priority: 'priority',
  updatedAt: 'updated_at',
};

export function findCustomer(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('customers')
    .select(customerColumns)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listCustomers(db: Db, companyId: string, q: ListCustomersQuery) {
  let query = db.selectFrom('customers').select(customerColumns).where('company_id', '=', companyId);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([eb('code', 'ilike', p), eb('short_code', 'ilike', p), eb('name', 'ilike', p)]));
  }
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.region) query = query.where('region', '=', q.region);
  if (q.active !== undefined) query = query.where('active', '=', q.active);
  return fetchPage(query, q, sortable, 'code');
}

export function allCustomers(db: Db, companyId: string) {
  return db
    .selectFrom('customers')
    .select(customerColumns)
    .where('company_id', '=', companyId)
    .orderBy('code')
    .execute();
}

export function insertCustomers(db: Db, rows: Insertable<CustomersTable>[]) {
  return db.insertInto('customers').values(rows).returning(customerColumns).execute();
}

export function updateCustomer(db: Db, companyId: string, id: string, patch: Updateable<CustomersTable>) {
  return db
    .updateTable('customers')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .returning(customerColumns)
    .executeTakeFirst();
}

export function findTakenCodes(db: Db, companyId: string, codes: string[], shortCodes: string[]) {
  return db
    .selectFrom('customers')
    .select(['code', 'short_code'])
    .where('company_id', '=', companyId)
    .where((eb) =>
      eb.or([
        eb('code', 'in', codes.length ? codes : ['']),
        eb('short_code', 'in', shortCodes.length ? shortCodes : ['']),
      ]),
    )
    .execute();
}

/** Locks the customer row: confirmations of one customer's orders take turns on it (credit check). */
export function lockCustomer(db: Db, companyId: string, id: string) {
  return db
    .selectFrom('customers')
    .modifyFront(prepared('customers.lock'))
    .select(['id', 'credit_limit', 'active'])
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Keeps the history of credit terms that took effect (append-only). */
export async function insertCreditChanges(db: Db, rows: Insertable<CustomerCreditChangesTable>[]) {
  if (rows.length) await db.insertInto('customer_credit_changes').values(rows).execute();
}

/** Customers by code, for an import naming them (one query for the whole file). */
export function findCustomersByCodes(db: Db, companyId: string, codes: string[]) {
  return db
    .selectFrom('customers')
    .select(customerColumns)
    .where('company_id', '=', companyId)
    .where('code', '=', sql<string>`any(${codes}::text[])`)
    .execute();
}
