// English of ../parts/messages.ts: fetched with the rest of English the first time someone reads in English.
export const en = {
  menu: { messages: 'Messages' },
  outMessages: {
    createdAt: 'Created',
    customer: 'Customer',
    kind: 'Kind',
    channel: 'Channel',
    recipient: 'Recipient',
    status: 'Status',
    attempts: 'Attempts',
    lastError: 'Last error',
    sentAt: 'Sent',
    nextAttemptAt: 'Next try',
    view: 'View',
    retry: 'Send again',
    retried: 'Queued to send again',
    group: 'Group robot',
    search: 'Customer or recipient',
    empty: 'No messages to customers yet: confirmations, shipping notices and reminders appear here by themselves',
    statuses: { queued: 'Queued', sent: 'Sent', failed: 'Failed', dead: 'Gave up' },
  },
  enums: {
    messageChannel: { email: 'E-mail', sms: 'SMS', wecom: 'WeCom group', dingtalk: 'DingTalk group' },
    messageKind: {
      order_to_sign: 'Order to confirm and sign',
      order_confirmed: 'Order confirmed',
      change_awaiting_confirmation: 'Change awaiting confirmation',
      shipped: 'Shipping notice',
      delivered: 'Delivered',
      payment_reminder: 'Payment due soon',
      overdue: 'Overdue',
      monthly_statement: 'Monthly statement',
      return_approved: 'Return approved',
      refund_made: 'Refund paid',
    },
  },
  customer: {
    contactEmail: 'E-mail',
    contactChannels: 'Channels (none: each kind’s default)',
    contactLanguage: 'Language',
  },
  settings: { messages: 'Messages to customers', 'messages.defaultChannels': 'Default channels of each kind' },
  notice: {
    message_dead:
      'A message to a customer ($t(enums.messageKind.{{kind}}), $t(enums.messageChannel.{{channel}})) ' +
      'failed {{attempts}} times and was given up',
  },
};
