import type { Db } from '../../db/database';
import type { Lang } from '../../lib/errors';
import { readXlsx } from '../../lib/excel';
import { codeOf, localColumns, localXlsx, nameOf, type LocalColumn } from '../../lib/local-sheet';
import { customerKindLabels, paymentMethodLabels } from './customer.labels';
import type { Actor } from '../auth/auth.service';
import * as repo from './customer.repository';
import { createCustomerBody, type CreateCustomerInput } from './customer.schemas';
import { customerInsertRow, customerRowToCustomer } from './customer.service';
import { creditChanges, isCreditController, SAFE_CREDIT_TERMS } from './credit-terms';
import { importFailed, parseImportRows } from '../../lib/import-rows';

// One contact and one address per row: enough for a first load from a spreadsheet.
export const customerColumns: LocalColumn[] = [
  { key: 'code', header: { zh: '客户编码', en: 'Code' } },
  { key: 'shortCode', header: { zh: '简码', en: 'Short code' }, width: 10 },
  { key: 'name', header: { zh: '名称', en: 'Name' }, width: 30 },
  { key: 'kind', header: { zh: '类型', en: 'Kind' } },
  { key: 'region', header: { zh: '区域', en: 'Region' } },
  { key: 'paymentMethod', header: { zh: '付款方式', en: 'Payment' } },
  { key: 'paymentDays', header: { zh: '账期天数', en: 'Days' }, width: 10 },
  { key: 'creditLimit', header: { zh: '信用额度', en: 'Credit limit' } },
  { key: 'priority', header: { zh: '优先级', en: 'Priority' }, width: 10 },
  { key: 'contactName', header: { zh: '联系人', en: 'Contact' } },
  { key: 'contactPhone', header: { zh: '联系电话', en: 'Phone' } },
  { key: 'consignee', header: { zh: '收货人', en: 'Consignee' } },
  { key: 'address', header: { zh: '收货地址', en: 'Address' }, width: 40 },
  { key: 'active', header: { zh: '启用', en: 'Active' }, width: 8 },
];

export async function exportCustomers(db: Db, actor: Actor, lang: Lang): Promise<Buffer> {
  const rows = (await repo.allCustomers(db, actor.companyId)).map((r) => customerRowToCustomer(r, actor));
  return localXlsx(
    { zh: '客户', en: 'Customers' },
    customerColumns,
    rows.map((c) => ({
      ...c,
      kind: nameOf(customerKindLabels, c.kind, lang),
      paymentMethod: nameOf(paymentMethodLabels, c.paymentMethod, lang),
      contactName: c.contacts[0]?.name ?? '',
      contactPhone: c.contacts[0]?.phone ?? '',
      consignee: c.addresses[0]?.consignee ?? '',
      address: c.addresses[0]?.address ?? '',
      active: c.active ? 'Y' : 'N',
    })),
    lang,
  );
}

function rowToInput(v: Record<string, string>) {
  return {
    code: v.code,
    shortCode: v.shortCode,
    name: v.name,
    kind: v.kind ? codeOf(customerKindLabels, v.kind) : 'ordinary',
    region: v.region,
    paymentMethod: v.paymentMethod ? codeOf(paymentMethodLabels, v.paymentMethod) : 'prepaid',
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
export async function importCustomers(
  db: Db,
  actor: Actor,
  file: Buffer,
  lang: Lang = 'zh-CN',
): Promise<{ imported: number }> {
  const columns = localColumns(customerColumns, lang);
  const sheet = await readXlsx(file, columns);
  const { inputs, errors } = parseImportRows<CreateCustomerInput>(
    sheet,
    columns,
    createCustomerBody,
    rowToInput,
    fieldToColumn,
  );
  const header = (key: string) => columns.find((c) => c.key === key)!.header;
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
