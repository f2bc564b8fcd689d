import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/database';
import { AppError } from './errors';
import type { ErrorCode } from './error-codes';
import { insertHistory } from '../modules/history/history.repository';

// A lifecycle is data: allowed transitions (from, event, to, roles, guard). applyEvent is
// the one place that checks a move, persists it and writes its history row, in one transaction.
export type Guard<C> = (ctx: C) => ErrorCode | undefined | Promise<ErrorCode | undefined>;

export type Transition<S extends string, E extends string, C> = {
  from: readonly S[];
  event: E;
  to: S;
  roles: readonly string[];
  guard?: Guard<C>;
};

export type Machine<S extends string, E extends string, C = unknown> = {
  entity: string;
  initial: S;
  states: readonly S[];
  transitions: readonly Transition<S, E, C>[];
};

/** Checks the table once: known states, an initial state, no ambiguous moves, every state reachable. */
export function defineMachine<S extends string, E extends string, C>(m: Machine<S, E, C>): Machine<S, E, C> {
  const problems = validateMachine(m);
  if (problems.length) throw new Error(`Machine ${m.entity} is invalid:\n${problems.join('\n')}`);
  return m;
}

export function validateMachine<S extends string, E extends string, C>(m: Machine<S, E, C>): string[] {
  const problems: string[] = [];
  const states = new Set<string>(m.states);
  if (!states.has(m.initial)) problems.push(`initial state "${m.initial}" is not a state`);
  const seen = new Set<string>();
  for (const t of m.transitions) {
    if (!states.has(t.to)) problems.push(`${t.event}: unknown target "${t.to}"`);
    for (const f of t.from) {
      if (!states.has(f)) problems.push(`${t.event}: unknown source "${f}"`);
      const key = `${f}/${t.event}`;
      if (seen.has(key)) problems.push(`${key}: defined twice`);
      seen.add(key);
    }
    if (t.roles.length === 0) problems.push(`${t.event}: admits no role`);
  }
  const reached = new Set<string>([m.initial]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of m.transitions) {
      if (!reached.has(t.to) && t.from.some((f) => reached.has(f))) {
        reached.add(t.to);
        grew = true;
      }
    }
  }
  for (const s of m.states) if (!reached.has(s)) problems.push(`state "${s}" is unreachable`);
  return problems;
}

export function findTransition<S extends string, E extends string, C>(m: Machine<S, E, C>, from: S, event: E) {
  return m.transitions.find((t) => t.event === event && t.from.includes(from));
}

export type Actor = { userId: string; companyId: string; roles: readonly string[] };

export async function applyEvent<S extends string, E extends string, C>(
  trx: Transaction<DB> | Kysely<DB>,
  m: Machine<S, E, C>,
  args: {
    entityId: string;
    current: S;
    event: E;
    actor: Actor;
    reason?: string;
    context: C;
    persist: (to: S) => Promise<void>;
  },
): Promise<S> {
  const t = findTransition(m, args.current, args.event);
  if (!t) throw new AppError('STATE.ILLEGAL_TRANSITION', { from: args.current, event: args.event });
  if (!args.actor.roles.some((r) => r === 'admin' || t.roles.includes(r))) throw new AppError('AUTH.FORBIDDEN');
  const refusal = t.guard ? await t.guard(args.context) : undefined;
  if (refusal) throw new AppError(refusal);
  await args.persist(t.to);
  await insertHistory(trx, {
    company_id: args.actor.companyId,
    entity_type: m.entity,
    entity_id: args.entityId,
    from_state: args.current,
    to_state: t.to,
    event: args.event,
    actor_id: args.actor.userId,
    reason: args.reason ?? null,
  });
  return t.to;
}
