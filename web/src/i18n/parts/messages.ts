// Messages to customers (系统 → 消息), the contacts' channels and the settings of each kind's default channels.
export const zh = {
  menu: { messages: '消息' },
  outMessages: {
    createdAt: '生成时间',
    customer: '客户',
    kind: '消息类型',
    channel: '渠道',
    recipient: '接收人',
    status: '状态',
    attempts: '尝试次数',
    lastError: '最后错误',
    sentAt: '发送时间',
    nextAttemptAt: '下次尝试',
    view: '查看',
    retry: '重新发送',
    retried: '已重新排队发送',
    group: '群机器人',
    search: '客户或接收人',
    empty: '还没有发给客户的消息：订单确认、发货、付款提醒等会自动生成',
    statuses: { queued: '待发送', sent: '已发送', failed: '发送失败', dead: '已放弃' },
  },
  enums: {
    messageChannel: { email: '邮件', sms: '短信', wecom: '企业微信群', dingtalk: '钉钉群' },
    messageKind: {
      order_to_sign: '订单待确认签署',
      order_confirmed: '订单已确认',
      change_awaiting_confirmation: '变更待确认',
      shipped: '发货通知',
      delivered: '签收通知',
      payment_reminder: '付款提醒（到期前）',
      overdue: '逾期提醒',
      monthly_statement: '月结对账单',
      return_approved: '退货已批准',
      refund_made: '退款已支付',
    },
  },
  customer: { contactEmail: '邮箱', contactChannels: '接收渠道（不选按消息类型默认）', contactLanguage: '语言' },
  settings: { messages: '客户消息', 'messages.defaultChannels': '各消息类型的默认渠道' },
  notice: {
    message_dead:
      '发给客户的「$t(enums.messageKind.{{kind}})」消息（$t(enums.messageChannel.{{channel}})）' +
      '已失败 {{attempts}} 次，已放弃',
  },
};
