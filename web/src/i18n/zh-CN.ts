export const zhCN = {
  app: { name: '履约', tagline: '销售订单管理系统' },
  menu: { home: '工作台', customers: '客户', products: '产品', warehouses: '仓库', stock: '库存', users: '用户与角色', docs: 'API 文档' },
  common: {
    search: '搜索', create: '新建', edit: '编辑', save: '保存', cancel: '取消', export: '导出 Excel', import: '导入 Excel', actions: '操作',
    active: '启用', inactive: '停用', deactivate: '停用', activate: '启用', yes: '是', no: '否', logout: '退出登录', language: 'English',
    company: '公司', saved: '已保存', total: '共 {{total}} 条', importDone: '已导入 {{count}} 条', importFailed: '导入失败，未导入任何数据',
    row: '行', column: '列', message: '说明', all: '全部', loading: '加载中…', welcome: '欢迎，{{name}}',
  },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', demo: '演示账号：admin / demo1234' },
  home: { roles: '您的角色', shortcuts: '快捷入口' },
  customer: {
    code: '客户编码', shortCode: '简码', name: '名称', kind: '类型', region: '区域', paymentMethod: '付款方式', paymentDays: '账期（天）',
    creditLimit: '信用额度（元）', priority: '优先级', contacts: '联系人', addresses: '收货地址', remark: '备注', documents: '资质文件',
    contactName: '姓名', contactTitle: '职务', phone: '电话', idNumber: '身份证号', consignee: '收货人', address: '地址', addContact: '添加联系人',
    addAddress: '添加地址', upload: '上传文件', newTitle: '新建客户', editTitle: '编辑客户',
  },
  product: { sku: 'SKU', name: '名称', spec: '规格型号', unit: '单位', listPrice: '标准价（元）', standardCost: '标准成本（元）', seasonal: '季节性', launchPriority: '上市优先级', newTitle: '新建产品', editTitle: '编辑产品' },
  warehouse: { code: '编码', name: '名称', kind: '类型', address: '地址', newTitle: '新建仓库', editTitle: '编辑仓库' },
  stock: {
    balances: '库存余额', movements: '库存流水', receipt: '收货入库', adjustment: '库存调整', warehouse: '仓库', product: '产品', onHand: '在库',
    reserved: '已预留', available: '可用', qty: '数量', delta: '调整数量（负数为减少）', reason: '原因', reference: '单据号', at: '时间', kind: '类型',
    by: '操作人', onHandDelta: '在库变动', reservedDelta: '预留变动', addLine: '添加行', posted: '已过账',
  },
  user: { username: '用户名', displayName: '姓名', password: '密码', roles: '角色', newTitle: '新建用户', editTitle: '编辑用户', newPassword: '新密码（留空不改）' },
  enums: {
    customerKind: { ordinary: '普通客户', franchisee: '加盟商', direct: '直营', joint: '联营' },
    paymentMethod: { prepaid: '预付款', credit: '账期', tt: 'T/T 定金+尾款', lc: '信用证', monthly: '月结', cod: '货到付款' },
    warehouseKind: { central: '总仓', regional: '分仓', other: '其他' },
    movementKind: { receipt: '收货', reserve: '预留', release: '释放', issue: '出库', return: '退货', adjust: '调整' },
    role: {
      sales_assistant: '销售助理', reviewer: '订单审核', sales_director: '销售总监', general_manager: '总经理', finance: '财务',
      production_planner: '生产计划', order_admin: '订单管理', warehouse: '仓库', logistics: '物流', customer_service: '客服',
      allocation_planner: '分货计划', admin: '系统管理员',
    },
  },
};
export type Messages = typeof zhCN;
