import i18next from 'i18next';

// 客户门户 pages' texts, added to the translations when the portal loads (kept out of the staff app's first load).
export const zh = {
  portal: {
    title: '客户门户',
    logout: '退出',
    tab: { orders: '我的订单', shipments: '物流', money: '往来账', allocations: '分货' },
    orders: { title: '我的订单', empty: '暂无订单', toConfirm: '待您确认' },
    order: {
      confirm: '确认订单',
      confirmed: '订单已确认',
      escalated: '已提交，待信用审批',
      confirmChange: '确认变更 {{number}}',
      lines: '订单明细',
      timeline: '进度',
      documents: '单据',
      complain: '投诉',
      return: '申请退货',
      complaintType: '投诉类型',
      description: '问题描述',
      line: '订单行',
      qty: '数量',
      reason: '退货原因',
      send: '提交',
      sent: '已提交，我们会尽快处理',
    },
    complaintType: { short: '少货', damage: '破损', wrong_item: '错发', quality: '质量问题', late: '延迟' },
    returnReason: { quality: '质量问题', wrong_item: '错发', damage: '破损', changed_mind: '不想要了', other: '其他' },
    shipment: {
      title: '发货单',
      empty: '暂无发货',
      sign: '签收',
      signedBy: '签收人',
      photo: '拍照 / 上传照片',
      photoNeeded: '请附上签收照片',
      signed: '{{name}} 于 {{at}} 签收',
    },
    money: {
      receivables: '应收',
      statements: '对账单',
      payments: '付款记录',
      download: '下载 Excel',
      print: '打印',
      overdue: '已逾期',
      due: '{{date}} 到期',
      none: '暂无',
    },
    allocations: {
      notFranchisee: '分货信息仅对加盟商开放',
      money: '资金与信用',
      funds: '资金',
      credit: '信用',
      reservations: '预留',
      daysLeft: '剩 {{days}} 天',
      rows: '分货明细',
    },
    ledgerKind: { payment: '付款', credit_limit: '信用额度', shipment: '发货扣款', correction: '更正', import: '导入' },
    invite: {
      action: '邀请门户账号',
      username: '登录名',
      displayName: '姓名',
      phone: '电话',
      email: '邮箱',
      done: '已创建账号 {{username}}，初始密码：{{password}}（仅显示一次，首次登录须修改）',
    },
  },
};

export const en: typeof zh = {
  portal: {
    title: 'Customer portal',
    logout: 'Log out',
    tab: { orders: 'My orders', shipments: 'Shipments', money: 'Account', allocations: 'Allocations' },
    orders: { title: 'My orders', empty: 'No orders yet', toConfirm: 'Waiting for your confirmation' },
    order: {
      confirm: 'Confirm order',
      confirmed: 'Order confirmed',
      escalated: 'Sent; waiting for credit approval',
      confirmChange: 'Confirm change {{number}}',
      lines: 'Lines',
      timeline: 'Progress',
      documents: 'Documents',
      complain: 'Complain',
      return: 'Request a return',
      complaintType: 'Kind of problem',
      description: 'What happened',
      line: 'Order line',
      qty: 'Quantity',
      reason: 'Reason',
      send: 'Send',
      sent: 'Sent; we will get back to you soon',
    },
    complaintType: { short: 'Short', damage: 'Damaged', wrong_item: 'Wrong item', quality: 'Quality', late: 'Late' },
    returnReason: {
      quality: 'Quality',
      wrong_item: 'Wrong item',
      damage: 'Damaged',
      changed_mind: 'Changed my mind',
      other: 'Other',
    },
    shipment: {
      title: 'Shipment',
      empty: 'No shipments yet',
      sign: 'Sign for delivery',
      signedBy: 'Signed by',
      photo: 'Take / upload a photo',
      photoNeeded: 'Please add a photo of the delivery',
      signed: 'Signed by {{name}} at {{at}}',
    },
    money: {
      receivables: 'Receivables',
      statements: 'Statements',
      payments: 'Payments',
      download: 'Download Excel',
      print: 'Print',
      overdue: 'Overdue',
      due: 'due {{date}}',
      none: 'None',
    },
    allocations: {
      notFranchisee: 'Allocations are shown to franchisees only',
      money: 'Funds and credit',
      funds: 'Funds',
      credit: 'Credit',
      reservations: 'Reservations',
      daysLeft: '{{days}} days left',
      rows: 'Allocated to me',
    },
    ledgerKind: {
      payment: 'Payment',
      credit_limit: 'Credit limit',
      shipment: 'Shipment',
      correction: 'Correction',
      import: 'Import',
    },
    invite: {
      action: 'Invite portal user',
      username: 'Login name',
      displayName: 'Name',
      phone: 'Phone',
      email: 'Email',
      done: 'Login {{username}} created; first password: {{password}} (shown once, to be changed at first login)',
    },
  },
};

let added = false;
/** Adds these texts to the translations once (the portal's pages and the staff's invite action call it). */
export function addPortalTexts() {
  if (added) return;
  added = true;
  i18next.addResourceBundle('zh-CN', 'translation', zh, true, false);
  i18next.addResourceBundle('en', 'translation', en, true, false);
}
