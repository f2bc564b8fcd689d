import type { ContractClause } from './contract.table';

/** The nine standard clauses of a sales contract, used when the company has not set its own. */
export const STANDARD_CLAUSES: { code: string; title: string; titleEn: string; body: string; bodyEn: string }[] = [
  {
    code: 'products',
    title: '产品名称、规格',
    titleEn: 'Products and specifications',
    body: '产品名称、型号、规格见本合同明细表（{lineCount} 项）。',
    bodyEn: 'Products, models and specifications as listed in the schedule ({lineCount} lines).',
  },
  {
    code: 'quantity',
    title: '数量',
    titleEn: 'Quantity',
    body: '合同数量以明细表为准，买方可分批要货，累计不超过合同数量。',
    bodyEn: 'Quantities as listed; the buyer may call off in several orders up to the contract quantity.',
  },
  {
    code: 'quality',
    title: '质量标准',
    titleEn: 'Quality standard',
    body: '产品符合国家标准、行业标准及双方确认的样品与技术要求。',
    bodyEn: 'Products conform to national and industry standards and to the samples and specifications agreed.',
  },
  {
    code: 'price',
    title: '价格',
    titleEn: 'Price',
    body: '合同总金额为人民币 {total} 元（含税），单价见明细表，合同期内不变。',
    bodyEn: 'Contract total CNY {total} (tax included); unit prices as listed, fixed for the term of the contract.',
  },
  {
    code: 'payment',
    title: '付款方式',
    titleEn: 'Payment',
    body: '付款方式：{paymentMethod}，账期 {paymentDays} 天。',
    bodyEn: 'Payment: {paymentMethod}, {paymentDays} days.',
  },
  {
    code: 'delivery',
    title: '交货',
    titleEn: 'Delivery',
    body: '交货日期：{deliveryDate}，以每次要货订单约定为准；交货地点为买方指定地址。',
    bodyEn: 'Delivery by {deliveryDate}, or as each call-off order states, to the address the buyer names.',
  },
  {
    code: 'acceptance',
    title: '验收',
    titleEn: 'Acceptance',
    body: '买方应于收货后 7 日内验收，逾期未提出书面异议视为验收合格。',
    bodyEn: 'The buyer inspects within 7 days of receipt; no written objection in that time means acceptance.',
  },
  {
    code: 'after_sales',
    title: '售后服务',
    titleEn: 'After-sales service',
    body: '卖方对质量问题提供退换货服务，质保期自验收之日起十二个月。',
    bodyEn: 'The seller replaces or takes back faulty goods; the warranty runs twelve months from acceptance.',
  },
  {
    code: 'breach',
    title: '违约责任',
    titleEn: 'Breach',
    body: '任何一方违约，应赔偿对方因此遭受的损失；争议协商不成的，提交卖方所在地人民法院诉讼解决。',
    bodyEn:
      "A party in breach compensates the other's loss; disputes not settled go to the court of the seller's seat.",
  },
];

/** The facts a draft fills into a clause's {placeholders}. */
export const CLAUSE_FACTS = ['lineCount', 'total', 'paymentMethod', 'paymentDays', 'deliveryDate', 'customerPo'];

/** Fills {placeholders} with the contract's facts; an unknown placeholder stays as written. */
export function renderClause(body: string, facts: Record<string, string | number>): string {
  return body.replace(/\{(\w+)\}/g, (m, k: string) => (k in facts ? String(facts[k]) : m));
}

/** The clauses as the contract keeps them, in Chinese and (where the template has it) in English. */
export function renderClauses(
  templates: { code: string; title: string; body: string; title_en: string; body_en: string }[],
  facts: Record<string, string | number>,
  factsEn: Record<string, string | number>,
): ContractClause[] {
  return templates.map((t) => ({
    code: t.code,
    title: t.title,
    body: renderClause(t.body, facts),
    ...(t.title_en ? { titleEn: t.title_en } : {}),
    ...(t.body_en ? { bodyEn: renderClause(t.body_en, factsEn) } : {}),
  }));
}
