// 报表: the menu's words and the notice that last month's report is ready; the report's own texts come with its
// pages (pages/reports/texts.ts).
export const zh = {
  menuGroup: { reports: '报表' },
  reports: { menu: '月度分析' },
  notice: { monthly_report_ready: '{{month}} 月度订单分析报表已生成' },
};
