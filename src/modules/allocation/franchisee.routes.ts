import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, langQuery, moneyString, requiredText } from '../../lib/schemas';
import { AppError } from '../../lib/errors';
import { actorOf, envOf, type AppContext } from '../../http/context';
import { readUpload, sendXlsx } from '../../http/upload';
import { readXlsx } from '../../lib/excel';
import { localColumns, localXlsx, type LocalColumn } from '../../lib/local-sheet';
import { importFailed } from '../../lib/import-rows';
import { isMoneyString } from '../../lib/money';
import { reasonCode } from '../../lib/reason-codes';
import type { Db } from '../../db/database';
import type { Actor } from '../auth/auth.service';
import { ledgerOf, listBalances, setMoney } from './franchisee-money';
import { updateFranchiseeMoney } from './franchisee-payment';
import { findFranchisee } from './allocation.repository';

const FINANCE = ['finance'];
const moneyColumns: LocalColumn[] = [
  { key: 'code', header: { zh: '客户编码', en: 'Code' } },
  { key: 'funds', header: { zh: '资金', en: 'Funds' } },
  { key: 'credit', header: { zh: '信用', en: 'Credit' } },
];

async function franchiseeId(db: Db, actor: Actor, id: string) {
  const c = await findFranchisee(db, actor.companyId, id);
  if (!c || c.kind !== 'franchisee') throw new AppError('FRANCHISEE.NOT_FOUND');
  return c.id;
}

export function franchiseeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['franchisees'];

  r.get(
    '/api/franchisees',
    { config: { roles: 'any' }, schema: { tags, summary: 'Franchisees with funds and credit' } },
    async (req) => listBalances(ctx.db, actorOf(req)),
  );

  r.get(
    '/api/franchisees/export.xlsx',
    {
      config: { roles: 'any' },
      schema: {
        tags,
        summary: 'Franchisee money to Excel (the import format), in the request language (or lang)',
        querystring: langQuery,
      },
    },
    async (req, reply) =>
      sendXlsx(
        reply,
        'franchisees.xlsx',
        await localXlsx(
          { zh: '加盟商资金', en: 'Franchisee money' },
          moneyColumns,
          await listBalances(ctx.db, actorOf(req)),
          req.query.lang ?? req.lang,
        ),
      ),
  );

  r.get(
    '/api/franchisees/:id/ledger',
    { config: { roles: 'any' }, schema: { tags, summary: 'Every change of funds and credit', params: idParams } },
    async (req) => ledgerOf(ctx.db, actorOf(req), await franchiseeId(ctx.db, actorOf(req), req.params.id), req.lang),
  );

  r.post(
    '/api/franchisees/:id/money',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: "Set today's funds and/or credit (finance)",
        params: idParams,
        body: z
          .object({ funds: moneyString.optional(), credit: moneyString.optional(), reason: requiredText(200) })
          .strict(),
      },
    },
    async (req) =>
      ctx.db
        .transaction()
        .execute(async (trx) =>
          updateFranchiseeMoney(
            trx,
            actorOf(req),
            envOf(ctx),
            await franchiseeId(trx, actorOf(req), req.params.id),
            req.body,
          ),
        ),
  );

  r.post(
    '/api/franchisees/import',
    {
      config: { roles: FINANCE },
      schema: {
        tags,
        summary: 'Import funds and credit from Excel (all rows or none)',
        consumes: ['multipart/form-data'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const columns = localColumns(moneyColumns, req.lang);
      const sheet = await readXlsx((await readUpload(req)).data, columns);
      const franchisees = new Map((await listBalances(ctx.db, actor)).map((f) => [f.code, f.customerId]));
      const errors = [...sheet.errors];
      for (const { row, values } of sheet.rows) {
        if (!franchisees.has(values.code))
          errors.push({ row, column: columns[0].header, message: `unknown franchisee "${values.code}"` });
        for (const c of columns.slice(1))
          if (values[c.key] !== '' && !isMoneyString(values[c.key]))
            errors.push({ row, column: c.header, message: `malformed amount "${values[c.key]}"` });
      }
      if (errors.length) throw importFailed(errors);
      return ctx.db.transaction().execute(async (trx) => {
        for (const { values } of sheet.rows) {
          await updateFranchiseeMoney(trx, actor, envOf(ctx), franchisees.get(values.code)!, {
            funds: values.funds || undefined,
            credit: values.credit || undefined,
            reason: reasonCode('franchisee_import'),
          });
        }
        return { imported: sheet.rows.length };
      });
    },
  );
}
