import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database';
import type { ContractClauseTemplatesTable } from './contract.table';

/** The company's clause templates in their order, retired ones included. */
export function clauseTemplates(db: Db, companyId: string) {
  return db
    .selectFrom('contract_clause_templates')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}
export type ClauseTemplateRow = Awaited<ReturnType<typeof clauseTemplates>>[number];

export async function insertClauseTemplates(db: Db, rows: Insertable<ContractClauseTemplatesTable>[]) {
  if (rows.length)
    await db
      .insertInto('contract_clause_templates')
      .values(rows)
      .onConflict((c) => c.doNothing())
      .execute();
}

/** Inserts one template; false when the code is taken. */
export async function insertClauseTemplate(db: Db, row: Insertable<ContractClauseTemplatesTable>) {
  const r = await db
    .insertInto('contract_clause_templates')
    .values(row)
    .onConflict((c) => c.doNothing())
    .returning('code')
    .executeTakeFirst();
  return !!r;
}

export async function updateClauseTemplate(
  db: Db,
  companyId: string,
  code: string,
  patch: Updateable<ContractClauseTemplatesTable>,
) {
  const r = await db
    .updateTable('contract_clause_templates')
    .set(patch)
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .returning('code')
    .executeTakeFirst();
  return !!r;
}
