import type { Label } from '../../lib/errors';

// 模板4 月度订单分析报表: every figure's name and the sentence that defines it, in both languages. The xlsx and
// the PDF print them next to the figures; the web page shows the same sentences from its own i18n.

export const FIGURE_KEYS = [
  'orderCount',
  'orderAmount',
  'completionRate',
  'avgCycleHours',
  'onTimeProcessingRate',
  'onTimeDeliveryRate',
  'accuracyRate',
  'complaintRate',
  'returnRate',
  'collectionRate',
  'overdueAmount',
  'allocationFillRate',
  'quotationConversionRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

const MONTH_ORDERS = {
  zh: '本月订单：订单日期（默认为公司时区的登记日）在本月、已提交审核且未取消的订单',
  en:
    "the month's orders: orders dated in the month (the order date, by default the day of registration in the " +
    'company time zone), submitted for review, not cancelled',
};

export const figureLabels: Record<FigureKey, { label: Label; definition: Label }> = {
  orderCount: {
    label: { zh: '订单数', en: 'Orders' },
    definition: { zh: `${MONTH_ORDERS.zh}的数量。`, en: `The number of ${MONTH_ORDERS.en}.` },
  },
  orderAmount: {
    label: { zh: '订单金额', en: 'Order amount' },
    definition: { zh: '本月订单的订单总额之和（含税，元）。', en: "The sum of the month's orders' totals." },
  },
  completionRate: {
    label: { zh: '订单完成率', en: 'Completion rate' },
    definition: {
      zh: '本月订单中在报表生成时已完成的订单数 ÷ 本月订单数。',
      en: "The month's orders completed when the report is built ÷ the month's orders.",
    },
  },
  avgCycleHours: {
    label: { zh: '平均处理周期（小时）', en: 'Average processing cycle (hours)' },
    definition: {
      zh: '已完成的本月订单从登记到完成的平均小时数；各审核环节的平均用时见环节表。',
      en:
        "The average hours from registration to completion of the month's completed orders; each review " +
        "stage's average is in the stage table.",
    },
  },
  onTimeProcessingRate: {
    label: { zh: '订单处理及时率', en: 'On-time processing rate' },
    definition: {
      zh: '本月订单的审核环节中在时限内办结的环节数 ÷ 已办结或已超时的有时限环节数。',
      en:
        "Review stages of the month's orders decided within their time limit ÷ stages with a limit that " +
        'were decided or are past it.',
    },
  },
  onTimeDeliveryRate: {
    label: { zh: '准时交货率', en: 'On-time delivery rate' },
    definition: {
      zh: '有期望交货日期的本月订单中在该日期（含）前签收的订单数 ÷ 已签收或期望日期已过的订单数。',
      en:
        "The month's orders with an expected delivery date that were delivered on or before it ÷ those " +
        'delivered or past the date.',
    },
  },
  accuracyRate: {
    label: { zh: '订单准确率', en: 'Order accuracy' },
    definition: {
      zh: '没有数据差错的本月订单数 ÷ 本月订单数。数据差错：审核驳回后重新提交、内部发起的订单变更、错发或少发投诉、错发退货。',
      en:
        "The month's orders without a data error ÷ the month's orders. A data error: resubmitted after " +
        'a review rejection, an internally requested change, a wrong-item or short complaint, or a ' +
        'wrong-item return.',
    },
  },
  complaintRate: {
    label: { zh: '投诉率', en: 'Complaint rate' },
    definition: {
      zh: '至报表生成时有投诉的本月订单数 ÷ 本月订单数；投诉原因按投诉类型统计。',
      en:
        "The month's orders with a complaint by the time the report is built ÷ the month's orders; " +
        'reasons are counted by complaint type.',
    },
  },
  returnRate: {
    label: { zh: '退货率', en: 'Return rate' },
    definition: {
      zh: '有未被拒绝的退货申请的本月订单数 ÷ 本月订单数；退货原因按退货行统计。',
      en:
        "The month's orders with a return request not rejected ÷ the month's orders; reasons are " +
        'counted per return line.',
    },
  },
  collectionRate: {
    label: { zh: '回款率', en: 'Collection rate' },
    definition: {
      zh: '到期日在本月的应收中至报表生成时已收回（收款与折让冲抵）的金额 ÷ 本月到期应收金额。',
      en:
        'Of the receivables due in the month, the amount covered by receipts and allowances when the ' +
        'report is built ÷ the amount due.',
    },
  },
  overdueAmount: {
    label: { zh: '逾期应收', en: 'Overdue receivables' },
    definition: {
      zh: '本月最后一天已过到期日的应收未收金额，按逾期天数分段（1-30、31-60、61-90、90 天以上）。',
      en:
        'Outstanding receivables past their due date on the last day of the month, by days overdue ' +
        '(1-30, 31-60, 61-90, over 90).',
    },
  },
  allocationFillRate: {
    label: { zh: '分货满足率', en: 'Allocation fill rate' },
    definition: {
      zh: '本月分货运行分配的数量 ÷ 这些运行输入的需求数量（加盟商订货、门店需求、区域需求）。',
      en:
        "Units allocated by the month's allocation runs ÷ the units those runs were asked for " +
        '(franchisee orders, store and region demand).',
    },
  },
  quotationConversionRate: {
    label: { zh: '报价转订单率', en: 'Quotation-to-order conversion' },
    definition: {
      zh: '本月制作并已发出的报价单中，已生成销售订单的数量 ÷ 已发出的数量。',
      en: 'Of the quotations made in the month and sent to the customer, those that became a sales order ÷ those sent.',
    },
  },
};

/** Section titles and table headings of the documents. */
export const reportWords = {
  title: { zh: '月度订单分析报表', en: 'Monthly order analysis' },
  month: { zh: '月份', en: 'Month' },
  builtAt: { zh: '生成时间', en: 'Built at' },
  figures: { zh: '指标', en: 'Figures' },
  figure: { zh: '指标', en: 'Figure' },
  value: { zh: '数值', en: 'Value' },
  ratio: { zh: '分子 / 分母', en: 'Numerator / denominator' },
  definition: { zh: '定义', en: 'Definition' },
  stages: { zh: '各环节处理周期', en: 'Cycle by stage' },
  stage: { zh: '环节', en: 'Stage' },
  avgHours: { zh: '平均小时', en: 'Average hours' },
  count: { zh: '数量', en: 'Count' },
  onTimeRate: { zh: '及时率', en: 'On-time rate' },
  complaintReasons: { zh: '投诉原因', en: 'Complaint reasons' },
  returnReasons: { zh: '退货原因', en: 'Return reasons' },
  reason: { zh: '原因', en: 'Reason' },
  aging: { zh: '逾期账龄', en: 'Overdue by age' },
  bucket: { zh: '逾期天数', en: 'Days overdue' },
  amount: { zh: '金额', en: 'Amount' },
  byRegion: { zh: '按区域销售', en: 'Sales by region' },
  byCustomer: { zh: '按客户销售', en: 'Sales by customer' },
  byProduct: { zh: '按产品销售', en: 'Sales by product' },
  bySalesperson: { zh: '按业务员销售', en: 'Sales by salesperson' },
  name: { zh: '名称', en: 'Name' },
  orders: { zh: '订单数', en: 'Orders' },
  customers: { zh: '客户数', en: 'Customers' },
  clerks: { zh: '人员考核', en: 'Assessment by clerk' },
  departments: { zh: '部门考核', en: 'Assessment by department' },
  satisfaction: { zh: '客户满意度', en: 'Satisfaction' },
  accuracy: { zh: '准确率', en: 'Accuracy' },
  collection: { zh: '回款率', en: 'Collection rate' },
  customerRegions: { zh: '客户区域分布', en: 'Customers by region' },
  abc: { zh: '客户 ABC 分类', en: 'Customer ABC classes' },
  amountClass: { zh: '金额类别', en: 'Amount class' },
  frequencyClass: { zh: '频次类别', en: 'Frequency class' },
  fallingOff: { zh: '订货下滑客户', en: 'Customers ordering less' },
  previousAvg: { zh: '前三月月均', en: 'Previous 3-month average' },
  dropRate: { zh: '下降比例', en: 'Drop' },
  notes: { zh: '说明', en: 'Notes' },
} satisfies Record<string, Label>;

/** What the report says about how its tables are made, printed after the figures. */
export const reportNotes: Label[] = [
  {
    zh: '销售分析：区域为客户档案的区域，业务员为订单登记人，产品按订单行金额；客户与产品表列出金额最高的 100 个。',
    en:
      "Sales: the region is the customer's region, the salesperson the order's registrar, products by line " +
      'amount; the customer and product tables list the top 100 by amount.',
  },
  {
    zh: '客户满意度：本月订单已完成的回访中结果为“满意/无问题”的比例（回访只记录有无问题，没有评分）。',
    en:
      "Satisfaction: the share of the month's orders' completed call-backs whose outcome was OK " +
      '(call-backs record OK or a problem, not a score).',
  },
  {
    zh: '人员考核：订单数、准确率、满意度、回款率按登记人统计；处理及时率按审核环节的办理人统计。部门考核：按岗位（角色）统计，审核环节按环节所属岗位。',
    en:
      "By clerk: orders, accuracy, satisfaction and collection go to the order's registrar; on-time " +
      'processing to whoever decided the review stage. By department: by role (岗位); review stages by ' +
      "the stage's role.",
  },
  {
    zh: 'ABC 分类：按金额（或订单次数）从高到低累计，前 70% 为 A，70%–90% 为 B，其余为 C。订货下滑：本月金额低于前三个月月均的一半。',
    en:
      'ABC classes: customers ranked by amount (or number of orders); those making up the first 70% are ' +
      'A, up to 90% B, the rest C. Ordering less: the month below half of the previous three months’ ' +
      'monthly average.',
  },
];

/** Review stages (审核环节) by name. */
export const stageNames: Record<string, Label> = {
  sales: { zh: '销售审核', en: 'Sales review' },
  finance: { zh: '财务审核', en: 'Finance review' },
  production: { zh: '生产审核', en: 'Production review' },
  director: { zh: '总监审批', en: 'Director approval' },
  gm: { zh: '总经理审批', en: 'General manager approval' },
};

/** Return line reasons (退货原因) by name. */
export const returnReasonNames: Record<string, Label> = {
  quality: { zh: '质量问题', en: 'Quality problem' },
  wrong_item: { zh: '发错货', en: 'Wrong item' },
  damage: { zh: '运输破损', en: 'Damaged in transit' },
  changed_mind: { zh: '客户不想要', en: 'Changed mind' },
  other: { zh: '其他', en: 'Other' },
};
