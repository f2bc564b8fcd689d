// The customer portal's texts the staff app needs (the invite action, history reasons); the portal's own pages
// load theirs with the portal (web/src/pages/portal/texts.ts).
export const zh = {
  portal: {
    invite: {
      action: '邀请门户账号',
      username: '登录名',
      displayName: '姓名',
      phone: '电话',
      email: '邮箱',
      done: '已创建账号 {{username}}，初始密码：{{password}}（仅显示一次，首次登录须修改）',
    },
  },
  codes: {
    reason: {
      confirmed_in_portal: '客户门户电子确认（来自 {{address}}）',
      signed_in_portal: '客户门户签收，签收人 {{name}}（来自 {{address}}）',
    },
  },
};

export const en: typeof zh = {
  portal: {
    invite: {
      action: 'Invite portal user',
      username: 'Login name',
      displayName: 'Name',
      phone: 'Phone',
      email: 'Email',
      done: 'Login {{username}} created; first password: {{password}} (shown once, to be changed at first login)',
    },
  },
  codes: {
    reason: {
      confirmed_in_portal: 'Confirmed in the customer portal (from {{address}})',
      signed_in_portal: 'Signed for in the customer portal by {{name}} (from {{address}})',
    },
  },
};
