import type { MessageKind } from './message-kinds';
import type { MessageLanguage } from './message.table';

type Template = { subject: string; text: string };

// The text of each message in Chinese and English. `{{name}}` is a parameter; `{{#name}}…{{/name}}` is shown only
// when the parameter is given.
const TEMPLATES: Record<MessageKind, Record<MessageLanguage, Template>> = {
  order_to_sign: {
    zh: {
      subject: '订单 {{number}} 待您确认',
      text: '{{customer}}您好：订单 {{number}}（金额 ¥{{total}}）已审核完毕，请确认并签署。{{#link}}确认链接：{{link}}{{/link}}',
    },
    en: {
      subject: 'Order {{number}} awaits your confirmation',
      text:
        'Dear {{customer}}, order {{number}} (¥{{total}}) has been reviewed. ' +
        'Please confirm and sign it.{{#link}} Confirm at: {{link}}{{/link}}',
    },
  },
  order_confirmed: {
    zh: {
      subject: '订单 {{number}} 已确认',
      text: '{{customer}}您好：订单 {{number}}（金额 ¥{{total}}）已确认，我们将尽快安排发货。{{#expected}}预计交期 {{expected}}。{{/expected}}',
    },
    en: {
      subject: 'Order {{number}} confirmed',
      text:
        'Dear {{customer}}, order {{number}} (¥{{total}}) is confirmed and will be shipped soon.' +
        '{{#expected}} Expected delivery: ' +
        '{{expected}}.{{/expected}}',
    },
  },
  change_awaiting_confirmation: {
    zh: {
      subject: '订单 {{number}} 的变更待您确认',
      text: '{{customer}}您好：订单 {{number}} 的变更 {{change}} 已生效（第 {{version}} 版），请确认。',
    },
    en: {
      subject: 'A change to order {{number}} awaits your confirmation',
      text:
        'Dear {{customer}}, change {{change}} to order {{number}} has been applied (version {{version}}). ' +
        'Please confirm it.',
    },
  },
  shipped: {
    zh: {
      subject: '发货单 {{number}} 已发货',
      text:
        '{{customer}}您好：您的货物（发货单 {{number}}）已由{{carrier}}发出，运单号 {{trackingNo}}，预计 {{expected}} 送达。' +
        '{{#trackingUrl}}物流查询：{{trackingUrl}}{{/trackingUrl}}',
    },
    en: {
      subject: 'Shipment {{number}} is on its way',
      text:
        'Dear {{customer}}, shipment {{number}} left with {{carrier}}, ' +
        'tracking number {{trackingNo}}, expected on {{expected}}.' +
        '{{#trackingUrl}} Track it: {{trackingUrl}}{{/trackingUrl}}',
    },
  },
  delivered: {
    zh: {
      subject: '发货单 {{number}} 已签收',
      text: '{{customer}}您好：发货单 {{number}}（{{carrier}} {{trackingNo}}）已签收。如有问题请联系我们。',
    },
    en: {
      subject: 'Shipment {{number}} delivered',
      text:
        'Dear {{customer}}, shipment {{number}} ({{carrier}} {{trackingNo}}) has been delivered. ' +
        'Please tell us of any problem.',
    },
  },
  payment_reminder: {
    zh: {
      subject: '付款提醒：订单 {{order}}',
      text: '{{customer}}您好：订单 {{order}} 的应付款 ¥{{amount}} 将于 {{due}} 到期，请按时付款。',
    },
    en: {
      subject: 'Payment reminder: order {{order}}',
      text: 'Dear {{customer}}, ¥{{amount}} for order {{order}} falls due on {{due}}. Please pay on time.',
    },
  },
  overdue: {
    zh: {
      subject: '逾期提醒：订单 {{order}}',
      text: '{{customer}}您好：订单 {{order}} 的应付款 ¥{{amount}} 已于 {{due}} 到期，已逾期 {{days}} 天，请尽快付款。',
    },
    en: {
      subject: 'Overdue: order {{order}}',
      text:
        'Dear {{customer}}, ¥{{amount}} for order {{order}} was due on {{due}} and is {{days}} days overdue. ' +
        'Please pay now.',
    },
  },
  monthly_statement: {
    zh: {
      subject: '{{period}} 月结对账单',
      text: '{{customer}}您好：附件为 {{from}} 至 {{to}} 的对账单，本期应付 ¥{{amount}}，到期日 {{due}}，期末余额 ¥{{balance}}。',
    },
    en: {
      subject: 'Statement for {{period}}',
      text:
        'Dear {{customer}}, attached is your statement from {{from}} to {{to}}: ¥{{amount}} due on {{due}}, ' +
        'closing balance ¥{{balance}}.',
    },
  },
  return_approved: {
    zh: {
      subject: '退货申请 {{number}} 已批准',
      text: '{{customer}}您好：退货申请 {{number}} 已批准，请按约定寄回货物。',
    },
    en: {
      subject: 'Return {{number}} approved',
      text: 'Dear {{customer}}, return {{number}} is approved. Please send the goods back as agreed.',
    },
  },
  refund_made: {
    zh: {
      subject: '退货 {{number}} 已退款',
      text: '{{customer}}您好：退货 {{number}} 的退款 ¥{{amount}} 已支付，请注意查收。',
    },
    en: {
      subject: 'Refund for return {{number}}',
      text: 'Dear {{customer}}, the refund of ¥{{amount}} for return {{number}} has been paid.',
    },
  },
};

const fill = (s: string, params: Record<string, string>) =>
  s
    .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, name: string, inner: string) => (params[name] ? inner : ''))
    .replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');

/** The subject and text of a message in a language; an unknown kind shows its parameters. */
export function renderMessage(kind: string, language: MessageLanguage, params: Record<string, string>) {
  const t = (TEMPLATES as Record<string, Record<MessageLanguage, Template>>)[kind]?.[language];
  if (!t) return { subject: kind, text: JSON.stringify(params) };
  return { subject: fill(t.subject, params), text: fill(t.text, params) };
}
