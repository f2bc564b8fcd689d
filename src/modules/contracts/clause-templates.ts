import type { Db } from '../../db/database';
import type { Env } from '../../lib/env';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.service';
import * as repo from './clause-template.repository';
import type { CreateClauseTemplate, UpdateClauseTemplate } from './clause-template.schemas';
import { STANDARD_CLAUSES } from './contract-clauses';

// 合同条款模板: the company keeps its own standard clauses (legal maintains them). Until it changes one, the nine
// standard clauses are its set; the first change stores them for it. A draft copies the clauses it was made with,
// so editing or retiring a template never touches a contract already drafted.

const standardRows = (companyId: string) =>
  STANDARD_CLAUSES.map((c, i) => ({
    company_id: companyId,
    code: c.code,
    title: c.title,
    title_en: c.titleEn,
    body: c.body,
    body_en: c.bodyEn,
    sort: (i + 1) * 10,
    retired_at: null,
    updated_at: null,
    updated_by: null,
  }));

/** The company's templates; the standard nine are stored for it the first time they are needed. */
export async function storedTemplates(db: Db, companyId: string) {
  const stored = await repo.clauseTemplates(db, companyId);
  if (stored.length) return stored;
  await repo.insertClauseTemplates(db, standardRows(companyId));
  return repo.clauseTemplates(db, companyId);
}

/** What a new draft is made with: the templates not retired. */
export async function currentTemplates(db: Db, companyId: string) {
  return (await storedTemplates(db, companyId)).filter((t) => !t.retired_at);
}

const toTemplate = (r: repo.ClauseTemplateRow) => ({
  code: r.code,
  title: r.title,
  titleEn: r.title_en,
  body: r.body,
  bodyEn: r.body_en,
  sort: r.sort,
  retired: !!r.retired_at,
  retiredAt: r.retired_at,
  updatedAt: r.updated_at,
});

/** Read without writing: the standard set is shown as is until the company changes it. */
export async function listClauseTemplates(db: Db, actor: Actor) {
  const stored = await repo.clauseTemplates(db, actor.companyId);
  return { items: (stored.length ? stored : standardRows(actor.companyId)).map(toTemplate) };
}

export async function createClauseTemplate(db: Db, actor: Actor, env: Env, input: CreateClauseTemplate) {
  await storedTemplates(db, actor.companyId);
  const added = await repo.insertClauseTemplate(db, {
    company_id: actor.companyId,
    code: input.code,
    title: input.title,
    title_en: input.titleEn,
    body: input.body,
    body_en: input.bodyEn,
    sort: input.sort,
    updated_at: env.now,
    updated_by: actor.userId,
  });
  if (!added)
    throw new AppError('CONTRACT.CLAUSE_EXISTS', { code: input.code }, [{ path: 'code', message: 'already used' }]);
  return clauseTemplate(db, actor, input.code);
}

export async function updateClauseTemplate(db: Db, actor: Actor, env: Env, code: string, input: UpdateClauseTemplate) {
  const current = (await storedTemplates(db, actor.companyId)).find((t) => t.code === code);
  if (!current) throw new AppError('CONTRACT.CLAUSE_NOT_FOUND', { code });
  await repo.updateClauseTemplate(db, actor.companyId, code, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.titleEn !== undefined ? { title_en: input.titleEn } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.bodyEn !== undefined ? { body_en: input.bodyEn } : {}),
    ...(input.sort !== undefined ? { sort: input.sort } : {}),
    // Retiring keeps the first time it was retired; reinstating clears it.
    ...(input.retired !== undefined ? { retired_at: input.retired ? (current.retired_at ?? env.now) : null } : {}),
    updated_at: env.now,
    updated_by: actor.userId,
  });
  return clauseTemplate(db, actor, code);
}

async function clauseTemplate(db: Db, actor: Actor, code: string) {
  const row = (await repo.clauseTemplates(db, actor.companyId)).find((t) => t.code === code);
  if (!row) throw new AppError('CONTRACT.CLAUSE_NOT_FOUND', { code });
  return toTemplate(row);
}
