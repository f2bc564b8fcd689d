import type { Db } from '../../db/database';
import { readXlsx, toXlsx, type SheetColumn } from '../../lib/excel';
import type { Actor } from '../auth/auth.service';
import * as repo from './customer.repository';
import { createCustomerBody, type CreateCustomerInput } from './customer.schemas';
import { customerInsertRow, customerRowToCustomer } from './customer.service';
import { creditChanges, isCreditController, SAFE_CREDIT_TERMS } from './credit-terms';
import { importFailed, parseImportRows } from '../../lib/import-rows';

// One contact and one address per row: enough for a first load from a spreadsheet.
export const customerColumns: SheetColumn[] = [
  { key: 'code', header: '客户编码 Code' },
  { key: 'shortCode', header: '简码 Short code', width: 10 },
  { key: 'name', header: '名称 Name', width: 30 },
  { key: 'kind', header: '类型 Kind' },
  { key: 'region', header: '区域 Region' },
  { key: 'paymentMethod', header: '付款方式 Payment' },
  { key: 'paymentDays', header: '账期天数 Days', width: 10 },
  { key: 'creditLimit', header: '信用额度 Credit limit' },
  { key: 'priority', header: '优先级 Priority', width: 10 },
  { key: 'contactName', header: '联系人 Contact' },
  { key: 'contactPhone', header: '联系电话 Phone' },
  { key: 'consignee', header: '收货人 Consignee' },
  { key: 'address', header: '收货地址 Address', width: 40 },
  { key: 'active', header: '启用 Active', width: 8 },
];

export async function exportCustomers(db: Db, actor: Actor): Promise<Buffer> {
  const rows = (await repo.allCustomers(db, actor.companyId)).map((r) => customerRowToCustomer(r, actor));
  return toXlsx([
    {
      name: '客户 Customers',
      columns: customerColumns,
      rows: rows.map((c) => ({
        ...c,
        contactName: c.contacts[0]?.name ?? '',
        contactPhone: c.contacts[0]?.phone ?? '',
        consignee: c.addresses[0]?.consignee ?? '',
        address: c.addresses[0]?.address ?? '',
        active: c.active ? 'Y' : 'N',
      })),
    },
  ]);
}

function rowToInput(v: Record<string, string>) {
  return {
    code: v.code,
    shortCode: v.shortCode,
    name: v.name,
    kind: v.kind || 'ordinary',
    region: v.region,
    paymentMethod: v.paymentMethod || 'prepaid',
    paymentDays: v.paymentDays === '' ? 0 : Number(v.paymentDays),
    creditLimit: v.creditLimit === '' ? '0.00' : v.creditLimit,
    priority: v.priority === '' ? 100 : Number(v.priority),
    contacts: v.contactName ? [{ name: v.contactName, phone: v.contactPhone || undefined }] : [],
    addresses: v.address
      ? [{ consignee: v.consignee || v.contactName || v.name, address: v.address, isDefault: true }]
      : [],
    remark: '',
  };
}

const fieldToColumn: Record<string, string> = { contacts: 'contactName', addresses: 'address' };

/** All rows or none: any wrong row → 422 with every (row, column, message). */
export async function importCustomers(db: Db, actor: Actor, file: Buffer): Promise<{ imported: number }> {
  const sheet = await readXlsx(file, customerColumns);
  const { inputs, errors } = parseImportRows<CreateCustomerInput>(
    sheet,
    customerColumns,
    createCustomerBody,
    rowToInput,
    fieldToColumn,
  );
  const header = (key: string) => customerColumns.find((c) => c.key === key)!.header;
  const seen = new Map<string, number>();
  for (const { row, input } of inputs) {
    for (const [key, value] of [
      ['code', input.code],
      ['shortCode', input.shortCode],
    ] as const) {
      const k = `${key}:${value}`;
      if (seen.has(k)) errors.push({ row, column: header(key), message: `duplicate of row ${seen.get(k)}` });
      else seen.set(k, row);
    }
  }
  const taken = await repo.findTakenCodes(
    db,
    actor.companyId,
    inputs.map((i) => i.input.code),
    inputs.map((i) => i.input.shortCode),
  );
  for (const { row, input } of inputs) {
    if (taken.some((t) => t.code === input.code))
      errors.push({ row, column: header('code'), message: `code "${input.code}" already exists` });
    if (taken.some((t) => t.short_code === input.shortCode))
      errors.push({ row, column: header('shortCode'), message: `short code "${input.shortCode}" already exists` });
  }
  // 职责分离: rows that set credit terms other than the safe default are a credit controller's to import.
  if (!isCreditController(actor))
    for (const { row, input } of inputs)
      for (const c of creditChanges(SAFE_CREDIT_TERMS, input))
        errors.push({
          row,
          column: header(c.key),
          message: 'changed by a credit controller only: request a credit change',
        });
  if (errors.length) throw importFailed(errors);
  if (inputs.length)
    await repo.insertCustomers(
      db,
      inputs.map((i) => customerInsertRow(actor, i.input)),
    );
  return { imported: inputs.length };
}
