import { z } from 'zod';
import { isoDate, quantity } from '../../lib/schema';
import { fixedOrderPageQuery, requiredText, text } from '../../lib/schemas';
import { CONTRACT_STATES } from './contract.machine';

/** 逾期利息 of the contract, basis points a day (5 = 0.05 % a day); null or absent: the customer's rate. */
const overdueInterestBp = z.number().int().min(0).max(1000).nullable().optional();

const clause = z
  .object({
    code: requiredText(40),
    title: requiredText(100),
    body: requiredText(4000),
    titleEn: text(200).optional(),
    bodyEn: text(4000).optional(),
  })
  .strict();

/** 生成合同: from an accepted quotation; the customer's PO number kept; clauses from the company's templates. */
export const createContractBody = z
  .object({
    quotationId: z.uuid(),
    customerPo: text(60).default(''),
    clauses: z.array(clause).min(1).max(40).optional(),
    overdueInterestBp,
  })
  .strict();

/** While draft: the PO number, the clauses and the interest rate may still change. */
export const updateContractBody = z
  .object({ customerPo: text(60).optional(), clauses: z.array(clause).min(1).max(40).optional(), overdueInterestBp })
  .strict();

/** 提前终止: why the contract ends before its quantities are called off. */
export const closeContractBody = z.object({ reason: requiredText(500) }).strict();

export const listContractsQuery = fixedOrderPageQuery.extend({
  status: z.enum(CONTRACT_STATES).optional(),
  customerId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** submit (sales), approve or reject with the reason (the stage's reviewer). */
export const reviewContractBody = z
  .object({ decision: z.enum(['submit', 'approve', 'reject']), reason: text(500).optional() })
  .strict()
  .refine((b) => b.decision !== 'reject' || !!b.reason, {
    path: ['reason'],
    message: 'a reason is required to reject',
  });

/** Signed by both sides: the scan of the signed paper (an attachment of the contract), or electronically. */
export const signContractBody = z
  .object({
    attachmentId: z.uuid().optional(),
    electronic: z.literal(true).optional(),
    customerSignatory: text(100).optional(),
  })
  .strict()
  .refine((b) => !!b.attachmentId !== !!b.electronic, {
    path: ['attachmentId'],
    message: 'the signed scan (attachmentId) or electronic: true',
  });

/** 要货订单: what to call off the contract now; prices and terms come from the contract. */
export const callOffBody = z
  .object({
    lines: z
      .array(z.object({ productId: z.uuid(), quantity }).strict())
      .min(1)
      .max(200),
    deliveryDate: isoDate.optional(),
    remarks: text(1000).optional(),
  })
  .strict();
export type CallOffInput = z.infer<typeof callOffBody>;
