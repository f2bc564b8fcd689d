import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { clauseCodeParams, createClauseTemplateBody, updateClauseTemplateBody } from './clause-template.schemas';
import { createClauseTemplate, listClauseTemplates, updateClauseTemplate } from './clause-templates';

// Legal keeps the clauses (admins too); sales read them to know what a draft will say.
const KEEPERS = ['legal'];

export function clauseTemplateRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contracts'];
  const tx = <T>(fn: (trx: typeof ctx.db) => Promise<T>) => ctx.db.transaction().execute(fn);

  r.get(
    '/api/contract-clauses',
    {
      config: { roles: [...KEEPERS, 'sales_assistant'] },
      schema: { tags, summary: "The company's contract clause templates (合同条款模板), retired ones marked" },
    },
    async (req) => listClauseTemplates(ctx.db, actorOf(req)),
  );
  r.post(
    '/api/contract-clauses',
    {
      config: { roles: KEEPERS },
      schema: { tags, summary: 'A new clause for the contracts drafted from now on', body: createClauseTemplateBody },
    },
    async (req, reply) =>
      reply.status(201).send(await tx((trx) => createClauseTemplate(trx, actorOf(req), envOf(ctx), req.body))),
  );
  r.put(
    '/api/contract-clauses/:code',
    {
      config: { roles: KEEPERS },
      schema: {
        tags,
        summary: "A clause's texts or order changed, or retired / reinstated; drafted contracts keep their copy",
        params: clauseCodeParams,
        body: updateClauseTemplateBody,
      },
    },
    async (req) => tx((trx) => updateClauseTemplate(trx, actorOf(req), envOf(ctx), req.params.code, req.body)),
  );
}
