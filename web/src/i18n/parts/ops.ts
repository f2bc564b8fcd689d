// Warehouse, logistics and customer service: list filters, phone cards and empty states.
export const zh = {
  ops: {
    filter: {
      status: '状态',
      carrier: '承运商',
      customer: '客户',
      from: '开始日期',
      to: '结束日期',
      clear: '清除筛选',
    },
    allShipments: '全部出库单',
    shipping: '发运与签收',
    enterTracking: '录入运单号',
    createdAt: '创建时间',
    registeredAt: '登记时间',
    select: '选中',
    pickLists: '拣货单',
    details: '详情',
    empty: {
      shipments: '在“待出库订单”中为订单生成出库单，出库单会出现在这里',
      logistics: '仓库发运后，出库单会出现在这里，可录入运单号和签收',
      queue: '订单确认并预留库存后，会出现在这里等待出库',
      callbacks: '订单签收后会生成回访任务；现在没有待回访的订单',
      complaints: '回访发现问题时选择“有问题”即可登记投诉',
      exceptions: '发运后的异常在仓库作业的出库单详情中登记',
      stale: '所有在途出库单都有近期轨迹',
      pickLists: '分货计划下达后会生成拣货单',
    },
  },
};
