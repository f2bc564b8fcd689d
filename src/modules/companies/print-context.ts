import type { FastifyRequest } from 'fastify';
import { todayOf } from '../../lib/local-date';
import type { PrintContext } from '../../lib/printable';
import { findCompanyName } from './company.repository';
import { actorOf, envOf, type AppContext } from '../../http/context';

/** The header of a form printed for this request: its language, the user's company, today by the request clock. */
export async function printContextOf(ctx: AppContext, req: FastifyRequest): Promise<PrintContext> {
  const env = envOf(ctx);
  return {
    lang: req.lang,
    company: await findCompanyName(ctx.db, actorOf(req).companyId),
    printedOn: todayOf(env),
    timeZone: env.workingHours.timeZone,
  };
}
