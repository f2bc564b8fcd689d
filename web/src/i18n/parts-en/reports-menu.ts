// English of ../parts/reports-menu.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menuGroup: { reports: 'Reports' },
  reports: { menu: 'Monthly analysis' },
  notice: { monthly_report_ready: 'The monthly order analysis for {{month}} is ready' },
};
