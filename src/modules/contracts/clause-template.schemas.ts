import { z } from 'zod';
import { requiredText, text } from '../../lib/schemas';
import { CLAUSE_FACTS } from './contract-clauses';

/** Every {placeholder} of a template body must be one of the facts a draft fills in. */
const templateBody = (max: number) =>
  text(max).refine((b) => [...b.matchAll(/\{(\w+)\}/g)].every((m) => CLAUSE_FACTS.includes(m[1])), {
    message: `unknown placeholder; use ${CLAUSE_FACTS.map((f) => `{${f}}`).join(' ')}`,
  });

const templateFields = {
  title: requiredText(100),
  titleEn: text(200),
  body: templateBody(4000).pipe(z.string().min(1)),
  bodyEn: templateBody(4000),
  sort: z.number().int().min(0).max(100_000),
};

/** 合同条款模板: a new clause of the company's standard contract. */
export const createClauseTemplateBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (at most 40), starting with a letter'),
    ...templateFields,
    titleEn: templateFields.titleEn.default(''),
    bodyEn: templateFields.bodyEn.default(''),
    sort: templateFields.sort.default(1000),
  })
  .strict();
export type CreateClauseTemplate = z.infer<typeof createClauseTemplateBody>;

/** Its texts and place changed, or retired (left out of new drafts) and reinstated. */
export const updateClauseTemplateBody = z
  .object({
    title: templateFields.title.optional(),
    titleEn: templateFields.titleEn.optional(),
    body: templateFields.body.optional(),
    bodyEn: templateFields.bodyEn.optional(),
    sort: templateFields.sort.optional(),
    retired: z.boolean().optional(),
  })
  .strict();
export type UpdateClauseTemplate = z.infer<typeof updateClauseTemplateBody>;

export const clauseCodeParams = z.object({ code: z.string().max(40) });
