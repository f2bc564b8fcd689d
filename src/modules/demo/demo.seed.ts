import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { createUser } from '../users/user.service';
import { insertCompany, insertMembership, noCompanies } from '../users/user.repository';
import { createCustomer } from '../customers/customer.service';
import { addAttachment } from '../attachments/attachment.service';
import { createProduct } from '../products/product.service';
import { createWarehouse } from '../warehouses/warehouse.service';
import { receiveGoods } from '../stock/stock.service';
import { fillBackorders } from '../orders/backorders';
import { createCustomerBody, type CreateCustomerInput } from '../customers/customer.schemas';
import { createProductBody } from '../products/product.schemas';
import { reasonCode } from '../../lib/reason-codes';

export const DEMO_PASSWORD = 'demo1234';

/** Demo logins: username → roles (all with DEMO_PASSWORD). admin belongs to both companies. */
export const DEMO_USERS: Record<string, { name: string; roles: string[] }> = {
  admin: { name: '系统管理员', roles: ['admin'] },
  sales: { name: '王销售', roles: ['sales_assistant'] },
  reviewer: { name: '李审核', roles: ['reviewer'] },
  director: { name: '赵总监', roles: ['sales_director'] },
  gm: { name: '钱总经理', roles: ['general_manager'] },
  finance: { name: '孙财务', roles: ['finance', 'credit_controller'] },
  legal: { name: '何法务', roles: ['legal'] },
  planner: { name: '周计划', roles: ['production_planner'] },
  orderadmin: { name: '吴订单', roles: ['order_admin'] },
  warehouse: { name: '郑仓库', roles: ['warehouse'] },
  logistics: { name: '冯物流', roles: ['logistics'] },
  service: { name: '陈客服', roles: ['customer_service'] },
  allocation: { name: '褚分货', roles: ['allocation_planner'] },
  docs: { name: '卫单证', roles: ['documents_clerk'] },
};

const customers: Partial<CreateCustomerInput>[] = [
  {
    code: 'C001',
    shortCode: 'ABC',
    name: '广州安邦贸易有限公司',
    kind: 'ordinary',
    region: '广州',
    paymentMethod: 'credit',
    paymentDays: 30,
    creditLimit: '200000.00',
    contacts: [{ name: '张伟', phone: '13800138000', idNumber: '440101199001011234' }],
    addresses: [{ consignee: '张伟', phone: '13800138000', address: '广州市天河区体育西路 100 号', isDefault: true }],
  },
  {
    code: 'F001',
    shortCode: 'SZJM',
    name: '深圳佳美加盟店',
    kind: 'franchisee',
    region: '深圳',
    paymentMethod: 'prepaid',
    creditLimit: '50000.00',
    priority: 1,
    contacts: [{ name: '刘洋', phone: '13912345678' }],
    addresses: [{ consignee: '刘洋', address: '深圳市南山区科技园 8 栋', isDefault: true }],
  },
  {
    code: 'F002',
    shortCode: 'DGHX',
    name: '东莞华信加盟店',
    kind: 'franchisee',
    region: '东莞',
    paymentMethod: 'prepaid',
    creditLimit: '30000.00',
    priority: 2,
    contacts: [{ name: '陈静', phone: '13711112222' }],
    addresses: [{ consignee: '陈静', address: '东莞市南城区鸿福路 50 号', isDefault: true }],
  },
  {
    code: 'D001',
    shortCode: 'SZ01',
    name: '深圳直营区',
    kind: 'direct',
    region: '深圳',
    paymentMethod: 'monthly',
    creditLimit: '0.00',
  },
  {
    code: 'J001',
    shortCode: 'SH01',
    name: '上海联营区',
    kind: 'joint',
    region: '上海',
    paymentMethod: 'monthly',
    creditLimit: '100000.00',
  },
];

const products = [
  {
    sku: 'A-01',
    name: '夏季轻薄外套',
    spec: 'M / 蓝色',
    unit: '件',
    listPrice: '120.00',
    standardCost: '70.00',
    seasonal: true,
    launchPriority: 1,
  },
  {
    sku: 'A-02',
    name: '夏季短袖 T 恤',
    spec: 'L / 白色',
    unit: '件',
    listPrice: '59.90',
    standardCost: '25.00',
    seasonal: true,
    launchPriority: 2,
  },
  {
    sku: 'B-01',
    name: '商务双肩包',
    spec: '15.6 英寸',
    unit: '个',
    listPrice: '299.00',
    standardCost: '150.00',
    seasonal: false,
    launchPriority: 3,
  },
  {
    sku: 'B-02',
    name: '旅行收纳袋',
    spec: '三件套',
    unit: '套',
    listPrice: '45.00',
    standardCost: '18.00',
    seasonal: false,
    launchPriority: 4,
  },
  {
    sku: 'C-01',
    name: '保温杯',
    spec: '500ml',
    unit: '个',
    listPrice: '88.00',
    standardCost: '40.00',
    seasonal: false,
    launchPriority: 5,
  },
];

/** A one-page PDF standing in for a scanned business licence. */
function demoLicence(name: string): Buffer {
  const text = `Business licence (demo) ${Buffer.from(name).toString('hex').slice(0, 24)}`;
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

async function seedCompany(db: Db, actor: Actor, prefix: string) {
  for (const c of customers) {
    const customer = await createCustomer(db, actor, createCustomerBody.parse({ ...c, code: `${prefix}${c.code}` }));
    // Established customers: their business licence is on file, so the demo's first review passes.
    await addAttachment(db, actor, {
      ownerType: 'customer',
      ownerId: customer.id,
      kind: 'business_licence',
      filename: `营业执照-${c.shortCode}.pdf`,
      contentType: 'application/pdf',
      data: demoLicence(c.name ?? ''),
    });
  }
  const made = [];
  for (const p of products) made.push(await createProduct(db, actor, createProductBody.parse(p)));
  const central = await createWarehouse(db, actor, {
    code: 'ZC',
    name: '总仓',
    kind: 'central',
    address: '东莞市虎门镇物流园 1 号',
  });
  await createWarehouse(db, actor, { code: 'SZ', name: '深圳分仓', kind: 'regional', address: '深圳市宝安区物流中心' });
  await receiveGoods(
    db,
    actor,
    {
      warehouseId: central.id,
      reference: 'DEMO-INIT',
      reason: reasonCode('opening_stock'),
      lines: made.map((p, i) => ({ productId: p.id, qty: 100 + i * 50 })),
    },
    fillBackorders,
  );
}

/**
 * Two companies with users, customers, products, warehouses and opening stock, set up at the given time. Runs in
 * the caller's transaction.
 */
export async function seedDemo(db: Db, at: Date) {
  // HN is set up first, so a login lands there: explicit times, because two inserts can share a clock
  // tick (the embedded engine's clock is coarse) and the tie would then go to HD by code.
  const now = at.getTime();
  const a = await insertCompany(db, { code: 'HN', name: '华南制造有限公司', created_at: new Date(now - 1000) });
  const b = await insertCompany(db, { code: 'HD', name: '华东分销有限公司', created_at: new Date(now) });
  const ids: Record<string, string> = {};
  for (const [username, u] of Object.entries(DEMO_USERS)) {
    ids[username] = (
      await createUser(db, null, a.id, {
        username,
        displayName: u.name,
        password: DEMO_PASSWORD,
        roles: u.roles as never,
      })
    ).id;
  }
  await insertMembership(db, { company_id: b.id, user_id: ids.admin, roles: ['admin'], created_by: null });
  await insertMembership(db, { company_id: b.id, user_id: ids.sales, roles: ['sales_assistant'], created_by: null });
  for (const company of [a, b]) {
    const actor: Actor = {
      userId: ids.admin,
      username: 'admin',
      displayName: 'admin',
      companyId: company.id,
      roles: ['admin'],
      sessionId: '',
      sessionKind: 'token',
      csrfToken: '',
    };
    await seedCompany(db, actor, company === a ? '' : 'E');
  }
  return { companies: [a.id, b.id] };
}

export async function isEmpty(db: Db): Promise<boolean> {
  return noCompanies(db);
}
