// What to do next on an empty master-data or allocation list.
export const zh = {
  emptyHint: {
    customers: '还没有客户，点击 新建 或 导入 Excel',
    customersReadOnly: '还没有客户，请联系销售内勤登记',
    products: '还没有产品，点击 新建 或 导入 Excel',
    productsReadOnly: '还没有产品，请联系销售内勤登记',
    warehouses: '还没有仓库，点击 新建 添加第一个仓库',
    users: '还没有其他用户，点击 新建 添加',
    stores: '还没有门店，点击 新建门店 添加',
    franchisees: '还没有加盟商；在客户中把类型设为 加盟 即出现在这里',
    reservations: '没有此状态的预留；分货给未付款的加盟商时会生成预留',
    samples: '没有此状态的样机',
    prepRequests: '还没有备货 · 备料申请，点击 新建 提交第一张',
    production: '没有生产申请；订单缺货需要生产时会出现在这里',
    allocation: '选择到货或全部可用库存，点击 预览 查看分货结果',
  },
};
