import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext, type TestContext } from '../helpers/test-app';

// The bell: a user may leave thousands of notices unread (a finance user is told of every order's finance stage), so
// the count stops at what the badge shows (99+) and reads only the unread ones.

let t: TestContext;
let service: ReturnType<TestContext['as']>;
let userId: string;

/** `n` unread notices for the service user, the newest last. */
const notify = (n: number, kind = 'order_confirmed') =>
  sql`insert into notifications (company_id, user_id, kind, params)
      select ${t.companyA}::uuid, ${userId}::uuid, ${kind}, jsonb_build_object('number', 'N' || i)
        from generate_series(1, ${n}) i`.execute(t.database.db);
const unread = async () =>
  (await service({ method: 'GET', url: '/api/notifications/unread-count' })).json().unread as number;

beforeAll(async () => {
  t = await createTestContext();
  service = t.as(await t.token('service'));
  userId = (
    await t.database.db.selectFrom('users').select('id').where('username', '=', 'service').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe('the notification bell', () => {
  it('counts unread notices exactly up to 100, and 100 for more (the badge shows 99+)', async () => {
    await service({ method: 'POST', url: '/api/notifications/read', payload: { all: true } });
    expect(await unread()).toBe(0);
    await notify(3);
    expect(await unread()).toBe(3);
    await notify(250);
    expect(await unread()).toBe(100);
    const list = (await service({ method: 'GET', url: '/api/notifications?unread=true&limit=5' })).json();
    expect(list.unread).toBe(100);
    // Newest first: the last of the 250 inserted.
    expect(list.items.map((x: { params: { number: string } }) => x.params.number)).toEqual([
      'N250',
      'N249',
      'N248',
      'N247',
      'N246',
    ]);
  });

  it('reading notices takes them out of the count at once', async () => {
    await service({ method: 'POST', url: '/api/notifications/read', payload: { all: true } });
    await notify(2);
    const items = (await service({ method: 'GET', url: '/api/notifications?unread=true' })).json().items as {
      id: string;
    }[];
    expect(items).toHaveLength(2);
    await service({ method: 'POST', url: '/api/notifications/read', payload: { ids: [items[0].id] } });
    expect(await unread()).toBe(1);
    const all = (await service({ method: 'GET', url: '/api/notifications?limit=200' })).json();
    expect(all.items.filter((x: { readAt: string | null }) => x.readAt === null)).toHaveLength(1);
  });
});
