import { z } from 'zod';
import { requiredText, text } from '../../lib/schema';
import { moneyString } from '../../lib/schemas';
import { ROLES } from '../auth/roles';
import { KIND_CHANNELS, MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageKind } from '../../lib/message-kinds';

const channelList = z.array(z.enum(MESSAGE_CHANNELS)).max(MESSAGE_CHANNELS.length);
const kindChannels = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, channelList.default(KIND_CHANNELS[k])])) as Record<
  MessageKind,
  z.ZodDefault<typeof channelList>
>;
const STAGES = ['sales', 'finance', 'production', 'director', 'gm'] as const;
const hours = z.number().positive().max(1000);
/** A percentage with at most two decimals (10, 7.5). */
const percent = z.number().min(0).max(100).multipleOf(0.01);

/** Every company-level setting with its default: time limits, review stages, numbering. */
export const settingsSchema = z.object({
  /** Tokens: {yyyy} {yy} {MM} {dd} {shortCode} {customerCode} {seq:N}. The sequence runs per customer per month. */
  orderNumberRule: z
    .string()
    .max(80)
    .refine((r) => /\{seq(:\d)?\}/.test(r), 'must contain {seq} or {seq:N}')
    .default('{yyyy}{MM}-{shortCode}-{seq:3}'),
  review: z
    .object({
      /** Stages every order of the type goes through, in order; production, director and gm are added by rule. */
      baseStages: z
        .record(requiredText(40), z.array(z.enum(STAGES)).min(1).max(10))
        .default({ default: ['sales', 'finance'] }),
      gmThreshold: moneyString.default('500000.00'),
      gmOrderTypes: z.array(requiredText(40)).max(50).default(['replacement', 'sample']),
      /** A unit price this far (percent) or further below the product's list price adds the sales director. */
      maxDiscountPercent: percent.default(10),
      /** An order margin (percent of its total) below this, but above zero, adds the sales director. */
      minMarginPercent: percent.default(10),
      /** One person decides at most one stage of an order's review round, admins included (审核分离). */
      onePersonOneStage: z.boolean().default(true),
      stageHours: z.record(z.enum(STAGES), hours).default({ sales: 4, finance: 4, production: 4, director: 8, gm: 8 }),
      supervisors: z.record(z.enum(STAGES), z.enum(ROLES)).default({
        sales: 'sales_director',
        finance: 'general_manager',
        production: 'general_manager',
        director: 'general_manager',
        gm: 'admin',
      }),
      claimBatch: z.number().int().min(1).max(1000).default(100),
      claimMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60)
        .default(120),
    })
    .prefault({}),
  /** 销售合同 review: legal and finance always, the general manager from this total up; hours per stage. */
  contracts: z
    .object({
      gmThreshold: moneyString.default('200000.00'),
      stageHours: z.object({ legal: hours.default(8), finance: hours.default(4), gm: hours.default(8) }).prefault({}),
    })
    .prefault({}),
  productionRequestHours: hours.default(4),
  /** 分货 (spec/allocation.md): region priority per season, reservation days, how paid franchisees are ranked. */
  allocation: z
    .object({
      regionPriority: z
        .object({
          spring_summer: z.array(requiredText(50)).max(200),
          autumn_winter: z.array(requiredText(50)).max(200),
        })
        .default({
          spring_summer: ['机场', '深圳', '东莞', '广州', '上海', '北京', '成都', '沈阳', '贵阳', '南宁'],
          autumn_winter: ['机场', '北京', '上海', '广州', '东莞', '深圳', '成都', '沈阳', '贵阳'],
        }),
      reservationDays: z.number().int().min(0).max(365).default(15),
      paidFranchiseeOrder: z.enum(['priority', 'funds']).default('priority'),
    })
    .prefault({}),
  /** 履约 time limits and cash rules (spec §4–6). */
  fulfilment: z
    .object({
      pickHours: hours.default(24),
      trackingHours: hours.default(2),
      callbackHours: hours.default(24),
      complaintWorkingDays: z.number().int().min(1).max(30).default(2),
      lcLeadDays: z.number().int().min(0).max(365).default(30),
      reminderDaysBefore: z.number().int().min(0).max(60).default(3),
      statementClosingDay: z.number().int().min(1).max(28).default(25),
      staleTrackingDays: z.number().int().min(1).max(60).default(3),
      /** Overdue beyond both: the customer's new orders are held (信用冻结). */
      creditHoldDays: z.number().int().min(0).max(365).default(30),
      creditHoldAmount: moneyString.default('0.00'),
      defaultCarrier: text(50).default('顺丰速运'),
    })
    .prefault({}),
  /** 退货政策: days since delivery, the restocking fee per reason, and the refund finance may approve alone. */
  returns: z
    .object({
      days: z.number().int().min(0).max(3650).default(30),
      feePercent: z
        .object({ quality: percent, wrong_item: percent, damage: percent, changed_mind: percent, other: percent })
        .default({ quality: 0, wrong_item: 0, damage: 0, changed_mind: 10, other: 0 }),
      /** Refunds below this are approved by finance; from it up, by the general manager. */
      financeRefundLimit: moneyString.default('5000.00'),
    })
    .prefault({}),
  /** Messages to customers: the channels of each message kind for contacts who chose none. */
  messages: z
    .object({
      defaultChannels: z.object(kindChannels).prefault({}),
    })
    .prefault({}),
  /** 备货 · 备料: above this amount the general manager approves too; unused earmarks are flagged after N days. */
  prep: z
    .object({
      gmThreshold: moneyString.default('100000.00'),
      earmarkIdleDays: z.number().int().min(1).max(3650).default(90),
    })
    .prefault({}),
  /** 外贸: the currencies an order may be in (RMB first); a rate per day is kept for each foreign one. */
  export: z
    .object({
      currencies: z
        .array(z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code, e.g. USD'))
        .min(1)
        .max(20)
        .default(['CNY', 'USD', 'EUR']),
    })
    .prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;
export const STAGE_ROLES: Record<(typeof STAGES)[number], string> = {
  sales: 'reviewer',
  finance: 'finance',
  production: 'production_planner',
  director: 'sales_director',
  gm: 'general_manager',
};
