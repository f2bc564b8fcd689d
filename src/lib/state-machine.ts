import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../db/database';
import { AppError, type Label } from './errors';
import type { ErrorCode } from './error-codes';
import { recordDomainEvent } from './domain-events';
import { prepared } from './sql';

// A lifecycle is data: allowed transitions (from, event, to, roles, guard) and how its state is saved.
// applyEvent is the one place that checks a move, saves the new state and writes its history row, in one
// transaction; planEvent checks it the same way for a hot path that saves it inside a statement of its own (the
// caller's statement runs the move's SQL, written here). Nothing else writes a status column (a test in the suite
// checks the source for it).

/** Who applies an event. The services' Actor carries more; the machine needs only these. */
export type Actor = { userId: string; companyId: string; roles: readonly string[] };

/** A guard sees the facts the service gathered, plus the actor; it returns a refusal code or nothing. */
export type GuardContext<C> = C & { actor: Actor };
export type Refusal = ErrorCode | { code: ErrorCode; params: Record<string, string | number> };
export type Guard<C> = (ctx: GuardContext<C>) => Refusal | undefined;

export type Transition<S extends string, E extends string, C> = {
  from: readonly S[];
  event: E;
  to: S;
  roles: readonly string[];
  /** Named guards, checked in order; the first refusal wins. */
  guards?: readonly Guard<C>[];
};

/** How a machine's state is saved: the status column plus the columns the event sets (`patch`). */
export type SaveArgs<S extends string> = {
  companyId: string;
  entityId: string;
  from: S;
  to: S;
  patch: Record<string, unknown>;
  by: string;
  at: Date;
};
/** What a move records beside the new state: its history row and, for a published move, the event. */
export type MoveRecord = {
  entity: string;
  event: string;
  reason: string | null;
  published?: string;
  alongside?: RawBuilder<unknown>;
};
export type StateStore<S extends string> = {
  save: (db: Transaction<DB> | Kysely<DB>, args: SaveArgs<S>) => Promise<boolean>;
  /** Saves the state and writes its records in one statement (one round trip); stores without it take three. */
  saveRecorded?: (db: Transaction<DB> | Kysely<DB>, args: SaveArgs<S>, record: MoveRecord) => Promise<boolean>;
  /**
   * The same writes as data-modifying CTEs for a statement of the caller's (`moved` returns one row when the
   * move was saved); stores without it cannot be moved inside another statement.
   */
  moveCtes?: (args: SaveArgs<S>, record: MoveRecord) => RawBuilder<unknown>;
};

/** Every state and event named in both languages, so no message, form or export shows a raw code. */
export type MachineLabels<S extends string, E extends string> = { states: Record<S, Label>; events: Record<E, Label> };

export type Machine<S extends string, E extends string, C = unknown> = {
  entity: string;
  labels: MachineLabels<S, E>;
  initial: S;
  states: readonly S[];
  transitions: readonly Transition<S, E, C>[];
  store: StateStore<S>;
  /** Moves other systems hear of: the event name (`order.confirmed`) written to the event log with the move. */
  publish?: Partial<Record<E, string>>;
};

/**
 * The usual store: `update <table> set status = to, …patch where company_id = … and id = … and status = from`.
 * The `status = from` condition makes a move made on a stale read fail instead of overwriting another's.
 */
export function statusColumn<S extends string>(
  table: keyof DB & string,
  options: { idColumn?: string; stamp?: { at: string; by: string } } = {},
): StateStore<S> {
  const idColumn = options.idColumn ?? 'id';
  const moveCtes: NonNullable<StateStore<S>['moveCtes']> = (
    { companyId, entityId, from, to, patch, by, at },
    record,
  ) => {
    const stamp = options.stamp ? { [options.stamp.at]: at, [options.stamp.by]: by } : {};
    const values = Object.entries({ ...patch, ...stamp, status: to }).filter(([, v]) => v !== undefined);
    const set = sql.join(values.map(([k, v]) => sql`${sql.ref(k)} = ${v}`));
    const data = JSON.stringify({ from, to, event: record.event });
    // The history row and the event are written from `moved`, so a move made on a stale read writes nothing.
    return sql`moved as (
        update ${sql.table(table)} set ${set}
         where company_id = ${companyId} and ${sql.ref(idColumn)} = ${entityId} and status = ${from}
        returning 1),
      history as (
        insert into state_history (company_id, entity_type, entity_id, from_state, to_state, event, actor_id,
                                   reason, at)
        select ${companyId}::uuid, ${record.entity}::text, ${entityId}::uuid, ${from}::text, ${to}::text,
               ${record.event}::text, ${by}::uuid, ${record.reason}::text, ${at}::timestamptz
          from moved),
      published as (
        insert into domain_events (company_id, type, entity_type, entity_id, data, occurred_at)
        select ${companyId}::uuid, ${record.published ?? ''}::text, ${record.entity}::text, ${entityId}::uuid,
               ${data}::jsonb, ${at}::timestamptz
          from moved where ${record.published ?? null}::text is not null)
      ${record.alongside ? sql`, move_alongside as (${record.alongside})` : sql``}`;
  };
  return {
    async save(db, { companyId, entityId, from, to, patch, by, at }) {
      const stamp = options.stamp ? { [options.stamp.at]: at, [options.stamp.by]: by } : {};
      const r = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .updateTable(table)
        .set({ ...patch, ...stamp, status: to })
        .where('company_id', '=', companyId)
        .where(idColumn, '=', entityId)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async saveRecorded(db, args, record) {
      const r = await sql<{ n: number }>`${prepared('state-machine.move')}
        with ${moveCtes(args, record)}
        select count(*)::int as n from moved`.execute(db);
      return r.rows[0].n === 1;
    },
    moveCtes,
  };
}

/** Checks the table once: known states, an initial state, no ambiguous moves, every state reachable. */
export function defineMachine<S extends string, E extends string, C>(m: Machine<S, E, C>): Machine<S, E, C> {
  const problems = validateMachine(m);
  if (problems.length) throw new Error(`Machine ${m.entity} is invalid:\n${problems.join('\n')}`);
  return m;
}

export function validateMachine<S extends string, E extends string, C>(
  m: Pick<Machine<S, E, C>, 'initial' | 'states' | 'transitions'>,
): string[] {
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

const admits = (t: { roles: readonly string[] }, actor: Actor) =>
  actor.roles.some((r) => r === 'admin' || t.roles.includes(r));

/** The first refusal of a move for this actor and these facts: illegal, forbidden or a guard's code. */
export function refusal<S extends string, E extends string, C>(
  m: Machine<S, E, C>,
  current: S,
  event: E,
  actor: Actor,
  context: C,
): Refusal | undefined {
  const t = findTransition(m, current, event);
  if (!t) return 'STATE.ILLEGAL_TRANSITION';
  if (!admits(t, actor)) return 'AUTH.FORBIDDEN';
  for (const guard of t.guards ?? []) {
    const code = guard({ ...context, actor });
    if (code) return code;
  }
  return undefined;
}

/**
 * The events this actor may apply now (`actions` on every entity the API returns), so screens draw their buttons
 * from the server's rules instead of a copy of them. Without facts, guards are not asked.
 */
export function availableEvents<S extends string, E extends string, C>(
  m: Machine<S, E, C>,
  current: S,
  actor: Actor,
  context?: C,
): E[] {
  const events: E[] = [];
  for (const t of m.transitions) {
    if (!t.from.includes(current) || !admits(t, actor) || events.includes(t.event)) continue;
    if (context !== undefined && refusal(m, current, t.event, actor, context)) continue;
    events.push(t.event);
  }
  return events;
}

export type ApplyArgs<S extends string, E extends string, C> = {
  entityId: string;
  current: S;
  event: E;
  actor: Actor;
  reason?: string;
  context: C;
  /** Columns saved together with the new status (e.g. `cancelled_at`, `cancel_reason`). */
  patch?: Record<string, unknown>;
  /** When it happened: the request's clock. */
  at?: Date;
  /** A write that belongs to the move (a notification), made in the same statement where the store allows. */
  alongside?: RawBuilder<unknown>;
  /** Work that belongs to the move (stock released, stages cancelled), run after the state is saved. */
  effects?: (to: S) => Promise<void>;
};

/** The move is not in the table: named in the user's language, with the codes in `details` for programs. */
function illegal<S extends string, E extends string, C>(m: Machine<S, E, C>, from: S, event: E) {
  const params = { from: m.labels.states[from] ?? from, event: m.labels.events[event] ?? event };
  return new AppError('STATE.ILLEGAL_TRANSITION', params, [], { entity: m.entity, from, event });
}

/** The move applyEvent and planEvent save, once the table, the roles and the guards admit it. */
function admittedMove<S extends string, E extends string, C>(m: Machine<S, E, C>, args: ApplyArgs<S, E, C>) {
  const code = refusal(m, args.current, args.event, args.actor, args.context);
  if (code === 'STATE.ILLEGAL_TRANSITION') throw illegal(m, args.current, args.event);
  if (typeof code === 'string') throw new AppError(code);
  if (code) throw new AppError(code.code, code.params);
  const t = findTransition(m, args.current, args.event)!;
  const at = args.at ?? new Date();
  const saveArgs = {
    companyId: args.actor.companyId,
    entityId: args.entityId,
    from: args.current,
    to: t.to,
    patch: args.patch ?? {},
    by: args.actor.userId,
    at,
  };
  const record = {
    entity: m.entity,
    event: args.event,
    reason: args.reason ?? null,
    published: m.publish?.[args.event],
    alongside: args.alongside,
  };
  return { t, at, saveArgs, record };
}

/**
 * applyEvent for a hot path that saves the move inside a statement of its own, one round trip fewer: the move is
 * checked here as applyEvent checks it; `ctes` go first in the caller's WITH and take the names `moved`, `history`,
 * `published` and `move_alongside`. The caller must run them and hand the statement's count of `moved` rows to
 * `saved` before anything else, which refuses a stale move as applyEvent does.
 */
export function planEvent<S extends string, E extends string, C>(
  m: Machine<S, E, C>,
  args: Omit<ApplyArgs<S, E, C>, 'effects'>,
) {
  const { saveArgs, record } = admittedMove(m, args);
  if (!m.store.moveCtes) throw new Error(`${m.entity}: its store cannot save a move inside another statement`);
  return {
    ctes: m.store.moveCtes(saveArgs, record),
    saved(movedRows: number) {
      if (movedRows !== 1) throw illegal(m, args.current, args.event);
    },
  };
}

export async function applyEvent<S extends string, E extends string, C>(
  trx: Transaction<DB> | Kysely<DB>,
  m: Machine<S, E, C>,
  args: ApplyArgs<S, E, C>,
): Promise<S> {
  const { t, at, saveArgs, record } = admittedMove(m, args);
  const published = record.published;
  if (m.store.saveRecorded) {
    if (!(await m.store.saveRecorded(trx, saveArgs, record))) throw illegal(m, args.current, args.event);
    if (args.effects) await args.effects(t.to);
    return t.to;
  }
  if (!(await m.store.save(trx, saveArgs))) throw illegal(m, args.current, args.event);
  // The history row (state_history, append-only), written here so no module can move a state without it.
  await trx
    .insertInto('state_history')
    .values({
      company_id: args.actor.companyId,
      entity_type: m.entity,
      entity_id: args.entityId,
      from_state: args.current,
      to_state: t.to,
      event: args.event,
      actor_id: args.actor.userId,
      reason: args.reason ?? null,
      at,
    })
    .execute();
  if (published)
    await recordDomainEvent(trx, {
      companyId: args.actor.companyId,
      type: published,
      entityType: m.entity,
      entityId: args.entityId,
      data: { from: args.current, to: t.to, event: args.event },
      at,
    });
  if (args.alongside) await args.alongside.execute(trx);
  if (args.effects) await args.effects(t.to);
  return t.to;
}

/** `status = any(<set>)` for raw SQL, from a named status set of a machine file. */
export const inStatuses = (set: readonly string[]) => sql`any(${[...set]}::text[])`;
