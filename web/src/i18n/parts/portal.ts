// The customer portal's history reasons; the portal's pages and the invite action load their texts with them
// (web/src/pages/portal/texts.ts).
export const zh = {
  enums: { role: { customer: '客户门户账号' } },
  codes: {
    reason: {
      confirmed_in_portal: '客户门户电子确认（来自 {{address}}）',
      signed_in_portal: '客户门户签收，签收人 {{name}}（来自 {{address}}）',
    },
  },
};
