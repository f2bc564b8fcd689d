import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-db';
import type { Database } from '../db/connect';
import { listHistory } from '../modules/history/history.repository';
import { applyEvent, availableEvents, defineMachine, validateMachine, type Machine } from './state-machine';
import { AppError, translate } from './errors';

type S = 'draft' | 'in_review' | 'confirmed' | 'cancelled';
type E = 'submit' | 'approve' | 'cancel';
// An in-memory store stands in for a table: the spec is about the machine, not a table.
const saved: { from: S; to: S; patch: Record<string, unknown> }[] = [];
const machine: Machine<S, E, { complete: boolean }> = {
  entity: 'test_order',
  labels: {
    states: {
      draft: { zh: '草稿', en: 'Draft' },
      in_review: { zh: '审核中', en: 'In review' },
      confirmed: { zh: '已确认', en: 'Confirmed' },
      cancelled: { zh: '已取消', en: 'Cancelled' },
    },
    events: {
      submit: { zh: '提交审核', en: 'submit' },
      approve: { zh: '批准', en: 'approve' },
      cancel: { zh: '取消', en: 'cancel' },
    },
  },
  store: {
    save: async (_db, { from, to, patch }) => {
      saved.push({ from, to, patch });
      return true;
    },
  },
  initial: 'draft',
  states: ['draft', 'in_review', 'confirmed', 'cancelled'],
  transitions: [
    {
      from: ['draft'],
      event: 'submit',
      to: 'in_review',
      roles: ['sales_assistant'],
      guards: [(c) => (c.complete ? undefined : 'VALIDATION.FAILED')],
    },
    { from: ['in_review'], event: 'approve', to: 'confirmed', roles: ['reviewer'] },
    { from: ['draft', 'in_review'], event: 'cancel', to: 'cancelled', roles: ['sales_assistant', 'reviewer'] },
  ],
};

describe('state machine', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('accepts a valid table', () => {
    expect(validateMachine(machine)).toEqual([]);
    expect(() => defineMachine(machine)).not.toThrow();
  });

  it('finds unknown targets, missing initial state, duplicates and unreachable states', () => {
    const bad = {
      ...machine,
      initial: 'nowhere' as S,
      states: [...machine.states, 'orphan' as S],
      transitions: [
        ...machine.transitions,
        { from: ['draft'] as S[], event: 'submit' as E, to: 'limbo' as S, roles: ['x'] },
      ],
    };
    const problems = validateMachine(bad).join('\n');
    expect(problems).toMatch(/initial state "nowhere"/);
    expect(problems).toMatch(/unknown target "limbo"/);
    expect(problems).toMatch(/draft\/submit: defined twice/);
    expect(problems).toMatch(/"orphan" is unreachable/);
    expect(() => defineMachine(bad)).toThrow();
  });

  const actor = {
    userId: '00000000-0000-0000-0000-000000000001',
    companyId: '00000000-0000-0000-0000-0000000000aa',
    roles: ['sales_assistant'],
  };
  const entityId = '00000000-0000-0000-0000-0000000000e1';

  it('applies an event, persists the new state and writes history in the same transaction', async () => {
    const to = await database.db.transaction().execute((trx) =>
      applyEvent(trx, machine, {
        entityId,
        current: 'draft' as S,
        event: 'submit',
        actor,
        reason: 'ready',
        context: { complete: true },
        patch: { submitted_note: 'x' },
      }),
    );
    expect(to).toBe('in_review');
    expect(saved.at(-1)).toEqual({ from: 'draft', to: 'in_review', patch: { submitted_note: 'x' } });
    const history = await listHistory(database.db, actor.companyId, 'test_order', entityId);
    expect(history).toMatchObject([
      { from_state: 'draft', to_state: 'in_review', event: 'submit', actor_id: actor.userId, reason: 'ready' },
    ]);
  });

  it('refuses an illegal transition with STATE.ILLEGAL_TRANSITION (409) and writes nothing', async () => {
    const err = await applyEvent(database.db, machine, {
      entityId,
      current: 'confirmed',
      event: 'submit',
      actor,
      context: { complete: true },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('STATE.ILLEGAL_TRANSITION');
    expect(err.status).toBe(409);
    // Named in the user's language, never as raw codes; the codes stay in the details for programs.
    expect(translate(err.code, err.params, 'zh-CN')).toBe('当前状态“已确认”不允许“提交审核”');
    expect(translate(err.code, err.params, 'en')).toBe('Cannot submit while "Confirmed"');
    expect(err.details).toEqual({ entity: 'test_order', from: 'confirmed', event: 'submit' });
    expect(await listHistory(database.db, actor.companyId, 'test_order', entityId)).toHaveLength(1);
  });

  it('refuses a role outside the transition (403) and a failing guard', async () => {
    const forbidden = await applyEvent(database.db, machine, {
      entityId,
      current: 'in_review',
      event: 'approve',
      actor,
      context: { complete: true },
    }).catch((e) => e);
    expect(forbidden.code).toBe('AUTH.FORBIDDEN');
    const guarded = await applyEvent(database.db, machine, {
      entityId,
      current: 'draft',
      event: 'submit',
      actor,
      context: { complete: false },
    }).catch((e) => e);
    expect(guarded.code).toBe('VALIDATION.FAILED');
  });

  it('lists the events an actor may apply now, asking the guards when facts are given', () => {
    const both = { ...actor, roles: ['sales_assistant', 'reviewer'] };
    expect(availableEvents(machine, 'draft', actor)).toEqual(['submit', 'cancel']);
    expect(availableEvents(machine, 'draft', actor, { complete: false })).toEqual(['cancel']);
    expect(availableEvents(machine, 'in_review', actor)).toEqual(['cancel']);
    expect(availableEvents(machine, 'in_review', both)).toEqual(['approve', 'cancel']);
    expect(availableEvents(machine, 'confirmed', both)).toEqual([]);
  });
});
