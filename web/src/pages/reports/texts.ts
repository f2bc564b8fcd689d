// 报表: the monthly analysis report (模板4), its figures with their definitions, KPIs, and the managers' last month.
// They come with the report pages and the managers' card (addTexts), not with the first page; the menu's words
// are in i18n/parts/reports-menu.ts.
export const zh = {
  reports: {
    title: '月度订单分析报表',
    month: '月份',
    builtAt: '生成于 {{at}}',
    rebuild: '重新生成',
    rebuilt: '已按当前数据重新生成',
    downloadXlsx: '下载 Excel',
    downloadPdf: '下载 PDF',
    company: '公司',
    empty: '该月没有报表数据：选择其他月份，或重新生成',
    drillHint: '点击查看订单',
    figureOrders: '{{figure}} · {{month}} 的订单',
    back: '返回报表',
    ratio: '{{numerator}} / {{denominator}}',
    noValue: '—',
    hours: '{{value}} 小时',
    ordersBehind: '{{count}} 张订单',
    tabs: { overview: '概览', sales: '销售', kpis: '考核', customers: '客户', kpiRange: 'KPI 查询' },
    figure: {
      orderCount: '订单数',
      orderAmount: '订单金额',
      completionRate: '订单完成率',
      avgCycleHours: '平均处理周期（小时）',
      onTimeProcessingRate: '订单处理及时率',
      onTimeDeliveryRate: '准时交货率',
      accuracyRate: '订单准确率',
      complaintRate: '投诉率',
      returnRate: '退货率',
      collectionRate: '回款率',
      overdueAmount: '逾期应收',
      allocationFillRate: '分货满足率',
      quotationConversionRate: '报价转订单率',
    },
    definition: {
      orderCount: '本月订单：订单日期（默认为公司时区的登记日）在本月、已提交审核且未取消的订单的数量。',
      orderAmount: '本月订单的订单总额之和（含税，元）。',
      completionRate: '本月订单中在报表生成时已完成的订单数 ÷ 本月订单数。',
      avgCycleHours: '已完成的本月订单从登记到完成的平均小时数；各审核环节的平均用时见环节表。',
      onTimeProcessingRate: '本月订单的审核环节中在时限内办结的环节数 ÷ 已办结或已超时的有时限环节数。',
      onTimeDeliveryRate: '有期望交货日期的本月订单中在该日期（含）前签收的订单数 ÷ 已签收或期望日期已过的订单数。',
      accuracyRate:
        '没有数据差错的本月订单数 ÷ 本月订单数。数据差错：审核驳回后重新提交、内部发起的订单变更、错发或少发投诉、错发退货。',
      complaintRate: '至报表生成时有投诉的本月订单数 ÷ 本月订单数；投诉原因按投诉类型统计。',
      returnRate: '有未被拒绝的退货申请的本月订单数 ÷ 本月订单数；退货原因按退货行统计。',
      collectionRate: '到期日在本月的应收中至报表生成时已收回（收款与折让冲抵）的金额 ÷ 本月到期应收金额。',
      overdueAmount: '本月最后一天已过到期日的应收未收金额，按逾期天数分段（1-30、31-60、61-90、90 天以上）。',
      allocationFillRate: '本月分货运行分配的数量 ÷ 这些运行输入的需求数量（加盟商订货、门店需求、区域需求）。',
      quotationConversionRate: '本月制作并已发出的报价单中，已生成销售订单的数量 ÷ 已发出的数量。',
    },
    drillScope: {
      orderCount: '本月订单',
      orderAmount: '本月订单',
      completionRate: '已完成的本月订单',
      avgCycleHours: '已完成的本月订单',
      onTimeProcessingRate: '有审核环节超时的本月订单',
      onTimeDeliveryRate: '晚于期望交货日期签收、或期望日期已过仍未签收的本月订单',
      accuracyRate: '有数据差错的本月订单',
      complaintRate: '有投诉的本月订单',
      returnRate: '有退货申请的本月订单',
      collectionRate: '应收到期日在本月的订单（不论登记月份）',
      overdueAmount: '月末有逾期应收的订单（不论登记月份）',
      allocationFillRate: '本月分货分配到的订单',
      quotationConversionRate: '由本月报价单生成的订单',
    },
    charts: {
      salesByRegion: '各地区销售额',
      salesByProduct: '各产品销售额',
      complaintReasons: '投诉原因',
      returnReasons: '退货原因',
      aging: '应收账龄',
      stageCycles: '各环节平均用时',
      amount: '金额（元）',
      hours: '小时',
      count: '数量',
    },
    stage: {
      sales: '销售审核',
      finance: '财务审核',
      production: '生产审核',
      director: '总监审批',
      gm: '总经理审批',
    },
    stageCount: '笔数',
    stageOnTime: '及时率',
    bucket: { '1-30': '逾期 1–30 天', '31-60': '逾期 31–60 天', '61-90': '逾期 61–90 天', '90+': '逾期 90 天以上' },
    col: {
      name: '名称',
      orderCount: '订单数',
      amount: '金额',
      onTimeProcessingRate: '处理及时率',
      accuracyRate: '准确率',
      satisfaction: '满意度',
      collectionRate: '回款率',
      completionRate: '完成率',
      customerCount: '客户数',
      amountClass: '金额等级',
      frequencyClass: '频次等级',
      monthAmount: '本月金额',
      previousAvg: '前三月月均',
      dropRate: '降幅',
      number: '订单号',
      customer: '客户',
      status: '状态',
      registeredAt: '登记时间',
    },
    sales: {
      bySalesperson: '按业务员',
      byRegion: '按地区',
      byCustomer: '按客户',
      byProduct: '按产品',
      hint: '区域为客户档案的区域，业务员为订单登记人，产品按订单行金额；客户与产品表列出金额最高的 100 个。',
    },
    kpi: {
      clerks: '订单员考核',
      departments: '部门考核',
      range: '期间',
      groupBy: '分组',
      group: { clerk: '订单员', department: '部门', region: '地区', customer: '客户', product: '产品' },
      satisfactionHint: '本月订单已完成的回访中结果为“满意/无问题”的比例（回访只记录有无问题，没有评分）。',
      hint: '订单数、准确率、满意度、回款率按登记人统计；处理及时率按审核环节的办理人统计。部门按岗位统计。',
    },
    customers: {
      byRegion: '客户地域分布',
      abc: '客户 ABC 分类',
      abcHint: '按金额（或订单次数）从高到低累计，前 70% 为 A，70%–90% 为 B，其余为 C。',
      fallingOff: '订货下滑客户',
      fallingOffHint: '本月金额低于前三个月月均一半的客户。',
    },
    home: {
      title: '上月经营',
      open: '查看月度分析',
    },
  },
};

export const en = {
  reports: {
    title: 'Monthly order analysis',
    month: 'Month',
    builtAt: 'Built {{at}}',
    rebuild: 'Rebuild',
    rebuilt: 'Rebuilt from the current data',
    downloadXlsx: 'Download Excel',
    downloadPdf: 'Download PDF',
    company: 'Company',
    empty: 'No report for this month: pick another month, or rebuild it',
    drillHint: 'Click to see the orders',
    figureOrders: '{{figure}} · {{month}}: the orders',
    back: 'Back to the report',
    ratio: '{{numerator}} / {{denominator}}',
    noValue: '—',
    hours: '{{value}} h',
    ordersBehind: '{{count}} orders',
    tabs: { overview: 'Overview', sales: 'Sales', kpis: 'Assessment', customers: 'Customers', kpiRange: 'KPI query' },
    figure: {
      orderCount: 'Orders',
      orderAmount: 'Order amount',
      completionRate: 'Completion rate',
      avgCycleHours: 'Average processing cycle (hours)',
      onTimeProcessingRate: 'On-time processing rate',
      onTimeDeliveryRate: 'On-time delivery rate',
      accuracyRate: 'Order accuracy',
      complaintRate: 'Complaint rate',
      returnRate: 'Return rate',
      collectionRate: 'Collection rate',
      overdueAmount: 'Overdue receivables',
      allocationFillRate: 'Allocation fill rate',
      quotationConversionRate: 'Quotation-to-order conversion',
    },
    definition: {
      orderCount:
        "The number of the month's orders: orders dated in the month (the order date, by default the day of " +
        'registration in the company time zone), submitted for review, not cancelled.',
      orderAmount: "The sum of the month's orders' totals.",
      completionRate: "The month's orders completed when the report is built ÷ the month's orders.",
      avgCycleHours:
        "The average hours from registration to completion of the month's completed orders; each review stage's " +
        'average is in the stage table.',
      onTimeProcessingRate:
        "Review stages of the month's orders decided within their time limit ÷ stages with a limit that were " +
        'decided or are past it.',
      onTimeDeliveryRate:
        "The month's orders with an expected delivery date that were delivered on or before it ÷ those delivered " +
        'or past the date.',
      accuracyRate:
        "The month's orders without a data error ÷ the month's orders. A data error: resubmitted after a review " +
        'rejection, an internally requested change, a wrong-item or short complaint, or a wrong-item return.',
      complaintRate:
        "The month's orders with a complaint by the time the report is built ÷ the month's orders; reasons are " +
        'counted by complaint type.',
      returnRate:
        "The month's orders with a return request not rejected ÷ the month's orders; reasons are counted per " +
        'return line.',
      collectionRate:
        'Of the receivables due in the month, the amount covered by receipts and allowances when the report is ' +
        'built ÷ the amount due.',
      overdueAmount:
        'Outstanding receivables past their due date on the last day of the month, by days overdue (1-30, 31-60, ' +
        '61-90, over 90).',
      allocationFillRate:
        "Units allocated by the month's allocation runs ÷ the units those runs were asked for (franchisee orders, " +
        'store and region demand).',
      quotationConversionRate:
        'Of the quotations made in the month and sent to the customer, those that became a sales order ÷ those sent.',
    },
    drillScope: {
      orderCount: "The month's orders",
      orderAmount: "The month's orders",
      completionRate: "The month's completed orders",
      avgCycleHours: "The month's completed orders",
      onTimeProcessingRate: "The month's orders with a review stage past its time limit",
      onTimeDeliveryRate: "The month's orders delivered after the expected date, or past it and not delivered",
      accuracyRate: "The month's orders with a data error",
      complaintRate: "The month's orders with a complaint",
      returnRate: "The month's orders with a return request",
      collectionRate: 'Orders with receivables due in the month (registered in any month)',
      overdueAmount: 'Orders with receivables overdue at the end of the month (registered in any month)',
      allocationFillRate: "Orders given units by the month's allocation runs",
      quotationConversionRate: "Orders made from the month's quotations",
    },
    charts: {
      salesByRegion: 'Sales by region',
      salesByProduct: 'Sales by product',
      complaintReasons: 'Complaint reasons',
      returnReasons: 'Return reasons',
      aging: 'Receivables aging',
      stageCycles: 'Average time per step',
      amount: 'Amount (¥)',
      hours: 'Hours',
      count: 'Count',
    },
    stage: {
      sales: 'Sales review',
      finance: 'Finance review',
      production: 'Production review',
      director: 'Director approval',
      gm: 'General manager approval',
    },
    stageCount: 'Count',
    stageOnTime: 'On time',
    bucket: {
      '1-30': '1–30 days overdue',
      '31-60': '31–60 days overdue',
      '61-90': '61–90 days overdue',
      '90+': 'Over 90 days overdue',
    },
    col: {
      name: 'Name',
      orderCount: 'Orders',
      amount: 'Amount',
      onTimeProcessingRate: 'On-time processing',
      accuracyRate: 'Accuracy',
      satisfaction: 'Satisfaction',
      collectionRate: 'Collection rate',
      completionRate: 'Completion rate',
      customerCount: 'Customers',
      amountClass: 'Amount class',
      frequencyClass: 'Frequency class',
      monthAmount: 'This month',
      previousAvg: 'Previous 3-month average',
      dropRate: 'Drop',
      number: 'Order number',
      customer: 'Customer',
      status: 'Status',
      registeredAt: 'Registered',
    },
    sales: {
      bySalesperson: 'By salesperson',
      byRegion: 'By region',
      byCustomer: 'By customer',
      byProduct: 'By product',
      hint:
        "The region is the customer's region, the salesperson the order's registrar, products by line amount; " +
        'the customer and product tables list the top 100 by amount.',
    },
    kpi: {
      clerks: 'Order clerks',
      departments: 'Departments',
      range: 'Period',
      groupBy: 'Group by',
      group: { clerk: 'Clerk', department: 'Department', region: 'Region', customer: 'Customer', product: 'Product' },
      satisfactionHint:
        "The share of the month's orders' completed call-backs whose outcome was OK (call-backs record OK or a " +
        'problem, not a score).',
      hint:
        "Orders, accuracy, satisfaction and collection go to the order's registrar; on-time processing to whoever " +
        'decided the review stage. Departments are roles.',
    },
    customers: {
      byRegion: 'Customers by region',
      abc: 'Customer ABC classes',
      abcHint:
        'Customers ranked by amount (or number of orders): those making up the first 70% are A, up to 90% B, the ' +
        'rest C.',
      fallingOff: 'Customers ordering less',
      fallingOffHint:
        "Customers whose month's amount is below half of their monthly average of the previous three months.",
    },
    home: {
      title: 'Last month',
      open: 'Open the monthly analysis',
    },
  },
};
