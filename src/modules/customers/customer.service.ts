import type { Selectable } from 'kysely';
import type { Db } from '../../db/database';
import { AppError } from '../../lib/errors';
import { isUniqueViolation } from '../../lib/db-errors';
import { isMasked } from '../../lib/mask';
import { keepStored, personalValue, stillMasked } from '../../lib/personal-fields';
import type { Env } from '../../lib/env';
import type { Actor } from '../auth/auth.service';
import { hasRole } from '../auth/roles';
import {
  assertMayChangeCredit,
  creditChanges,
  isCreditController,
  recordCreditChanges,
  SAFE_CREDIT_TERMS,
} from './credit-terms';
import * as repo from './customer.repository';
import type { Address, Contact, CustomersTable } from './customer.table';
import type { CreateCustomerInput, ListCustomersQuery, UpdateCustomerInput } from './customer.schemas';

type CustomerRow = Omit<Selectable<CustomersTable>, 'company_id'>;

/** Who edits customers; of them only credit controllers change credit terms, the others request a change. */
export const CUSTOMER_EDITORS = ['sales_assistant', 'sales_director', 'finance', 'credit_controller'];

/** What the actor may do about the customer's credit terms: change them, or request a change. */
const creditActions = (actor: Actor) =>
  isCreditController(actor)
    ? ['change_credit']
    : hasRole(actor.roles, CUSTOMER_EDITORS)
      ? ['request_credit_change']
      : [];

/** Contacts and addresses as these roles may see them (个人信息, src/lib/personal-fields.ts). */
function maskContacts(roles: readonly string[], contacts: Contact[]): Contact[] {
  return contacts.map((c) => ({
    ...c,
    phone: personalValue(roles, 'contactPhone', c.phone),
    email: personalValue(roles, 'contactEmail', c.email),
    idNumber: personalValue(roles, 'idNumber', c.idNumber),
  }));
}

function maskAddresses(roles: readonly string[], addresses: Address[]): Address[] {
  return addresses.map((a) => ({
    ...a,
    phone: personalValue(roles, 'consigneePhone', a.phone),
    address: personalValue(roles, 'address', a.address),
  }));
}

export function customerRowToCustomer(row: CustomerRow, actor: Actor) {
  return {
    id: row.id,
    code: row.code,
    shortCode: row.short_code,
    name: row.name,
    kind: row.kind,
    region: row.region,
    paymentMethod: row.payment_method,
    paymentDays: row.payment_days,
    overdueInterestBp: row.overdue_interest_bp,
    creditLimit: row.credit_limit,
    /** 客户折扣 off the list price (set with the customer's prices), null for none. */
    discountPercent: row.discount_percent === null ? null : String(Number(row.discount_percent)),
    priority: row.priority,
    contacts: maskContacts(actor.roles, row.contacts),
    addresses: maskAddresses(actor.roles, row.addresses),
    remark: row.remark,
    active: row.active,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    creditActions: creditActions(actor),
  };
}
export type Customer = ReturnType<typeof customerRowToCustomer>;

function conflictError(err: unknown, input: { code?: string; shortCode?: string }): unknown {
  if (isUniqueViolation(err, 'customers_company_id_short_code_key'))
    return new AppError('CUSTOMER.SHORT_CODE_TAKEN', { shortCode: input.shortCode ?? '' });
  if (isUniqueViolation(err, 'customers_company_id_code_key'))
    return new AppError('CUSTOMER.CODE_TAKEN', { code: input.code ?? '' });
  return err;
}

export function customerInsertRow(actor: Actor, input: CreateCustomerInput) {
  return {
    company_id: actor.companyId,
    code: input.code,
    short_code: input.shortCode,
    name: input.name,
    kind: input.kind,
    region: input.region,
    payment_method: input.paymentMethod,
    payment_days: input.paymentDays,
    overdue_interest_bp: input.overdueInterestBp,
    credit_limit: input.creditLimit,
    priority: input.priority,
    contacts: JSON.stringify(input.contacts),
    addresses: JSON.stringify(input.addresses),
    remark: input.remark,
    created_by: actor.userId,
    updated_by: actor.userId,
  };
}

/** Refuses masked values that do not stand for a stored one. */
function assertNoMaskedDetails(contacts: Contact[]) {
  contacts.forEach((c, i) => {
    for (const field of ['phone', 'email', 'idNumber'] as const) {
      if (isMasked(c[field]))
        throw new AppError('VALIDATION.FAILED', { summary: `contacts[${i}].${field}` }, [
          { path: `contacts[${i}].${field}`, message: 'must not contain *' },
        ]);
    }
  });
}

export async function createCustomer(db: Db, actor: Actor, input: CreateCustomerInput): Promise<Customer> {
  // 职责分离: a new customer's credit terms other than the safe default are a credit controller's too.
  assertMayChangeCredit(actor, creditChanges(SAFE_CREDIT_TERMS, input));
  assertNoMaskedDetails(input.contacts);
  try {
    const [row] = await repo.insertCustomers(db, [customerInsertRow(actor, input)]);
    return customerRowToCustomer(row, actor);
  } catch (err) {
    throw conflictError(err, input);
  }
}

export async function getCustomer(db: Db, actor: Actor, id: string): Promise<Customer> {
  const row = await repo.findCustomer(db, actor.companyId, id);
  if (!row) throw new AppError('CUSTOMER.NOT_FOUND');
  return customerRowToCustomer(row, actor);
}

export async function listCustomers(db: Db, actor: Actor, q: ListCustomersQuery) {
  const page = await repo.listCustomers(db, actor.companyId, q);
  return { ...page, items: page.items.map((r) => customerRowToCustomer(r, actor)) };
}

/** A masked value sent back unchanged keeps the stored one: masking must never destroy data. */
function keepMaskedDetails(roles: readonly string[], next: Contact[], stored: Contact[]): Contact[] {
  return next.map((c, i) => ({
    ...c,
    phone: keepStored(roles, 'contactPhone', c.phone, stored[i]?.phone),
    email: keepStored(roles, 'contactEmail', c.email, stored[i]?.email),
    idNumber: keepStored(roles, 'idNumber', c.idNumber, stored[i]?.idNumber),
  }));
}

export async function updateCustomer(
  db: Db,
  actor: Actor,
  env: Env,
  id: string,
  input: UpdateCustomerInput,
): Promise<Customer> {
  const current = await repo.findCustomer(db, actor.companyId, id);
  if (!current) throw new AppError('CUSTOMER.NOT_FOUND');
  // 职责分离: credit terms are a credit controller's; a sales assistant could otherwise lift the limit
  // and so skip the director's review stage of their own next order.
  const credit = creditChanges(
    { creditLimit: current.credit_limit, paymentMethod: current.payment_method, paymentDays: current.payment_days },
    input,
  );
  assertMayChangeCredit(actor, credit);
  if (credit.length && !input.creditChangeReason)
    throw new AppError('VALIDATION.FAILED', { summary: 'creditChangeReason' }, [
      { path: 'creditChangeReason', message: 'say why the credit terms change' },
    ]);
  const contacts = input.contacts && keepMaskedDetails(actor.roles, input.contacts, current.contacts);
  if (contacts) assertNoMaskedDetails(contacts);
  const addresses = input.addresses?.map((a, i) => ({
    ...a,
    phone: keepStored(actor.roles, 'consigneePhone', a.phone, current.addresses[i]?.phone),
    address: keepStored(actor.roles, 'address', a.address, current.addresses[i]?.address),
  }));
  if (addresses?.some((a) => isMasked(a.phone)))
    throw new AppError('VALIDATION.FAILED', { summary: 'addresses.phone' }, [
      { path: 'addresses.phone', message: 'must not contain *' },
    ]);
  if (addresses?.some((a) => stillMasked(actor.roles, 'address', a.address)))
    throw new AppError('VALIDATION.FAILED', { summary: 'addresses.address' }, [
      { path: 'addresses.address', message: 'must not contain *' },
    ]);
  try {
    const row = await repo.updateCustomer(db, actor.companyId, id, {
      code: input.code,
      short_code: input.shortCode,
      name: input.name,
      kind: input.kind,
      region: input.region,
      payment_method: input.paymentMethod,
      payment_days: input.paymentDays,
      overdue_interest_bp: input.overdueInterestBp,
      credit_limit: input.creditLimit,
      priority: input.priority,
      contacts: contacts && JSON.stringify(contacts),
      addresses: addresses && JSON.stringify(addresses),
      remark: input.remark,
      active: input.active,
      updated_at: env.now,
      updated_by: actor.userId,
    });
    await recordCreditChanges(db, actor, id, credit, { reason: input.creditChangeReason ?? '', at: env.now });
    return customerRowToCustomer(row!, actor);
  } catch (err) {
    throw conflictError(err, input);
  }
}
