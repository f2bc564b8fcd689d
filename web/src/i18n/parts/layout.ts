// The menu's work areas, the phone menu and empty states.
export const zh = {
  menuGroup: {
    work: '工作',
    sales: '销售',
    review: '审核',
    operations: '仓储物流',
    finance: '财务',
    allocation: '分货',
    master: '基础资料',
    system: '系统',
  },
  layout: { openMenu: '打开菜单' },
  empty: {
    default: '暂无数据',
    filtered: '没有符合筛选条件的记录，可清除筛选后再试',
  },
};
