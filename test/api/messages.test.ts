import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { orderActors, productBySku } from '../helpers/orders';
import { fulfilmentFactories } from '../helpers/fulfilment';
import { deliverDue, type SendOptions } from '../../src/modules/messages/message-sender';
import { routeMessages } from '../../src/modules/messages/message-routing';
import { backoffMs } from '../../src/lib/retry';
import type { ChannelConfig } from '../../src/modules/messages/channels/channel';
import { messageAttachments } from '../../src/jobs/message-attachments';
import { recordDomainEvent } from '../../src/lib/domain-events';
import { JOBS, startJobs } from '../../src/jobs/runner';
import { addDays } from '../../src/lib/calendar/calendar';
import { localDate } from '../../src/lib/local-date';

// Messages to customers leave through real channels: a local SMTP server, WeCom and DingTalk robot stand-ins, and
// an SMS provider stand-in that checks the request's signature the way the provider does.

let t: TestContext;
let a: Awaited<ReturnType<typeof orderActors>>;
let f: ReturnType<typeof fulfilmentFactories>;
let smtp: SMTPServer;
let http: Server;
let channels: ChannelConfig;
let base: string;
type Mail = { to: string[]; raw: string };
const mails: Mail[] = [];
type Hit = { path: string; body: string; query: URLSearchParams; signed: boolean };
const hits: Hit[] = [];
/** errcode the DingTalk stand-in answers while it is non-zero. */
let dingtalkErr = 0;
const logLines: string[] = [];
const DINGTALK_SECRET = 'SEC-test-secret-0123456789';
const SMS_SECRET = 'sms-access-key-secret';

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;
const ok = (res: Res, status = 200) => {
  if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
};

/** The plain-text part of a raw e-mail, decoded. */
function mailText(raw: string) {
  const part = raw.slice(raw.search(/Content-Type: text\/plain/i));
  const cte = /Content-Transfer-Encoding: ([\w-]+)/i;
  const encoding = (cte.exec(part) ?? cte.exec(raw))![1].toLowerCase();
  const body = part
    .slice(part.search(/\r?\n\r?\n/))
    .trim()
    .split(/\r?\n--/)[0];
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable')
    return Buffer.from(
      body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  return body;
}

/** What the SMS provider does: recompute the RPC signature over the sorted, RFC 3986-encoded query. */
function smsSignatureValid(q: URLSearchParams) {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const pairs = [...q.entries()].filter(([k]) => k !== 'Signature').sort(([x], [y]) => (x < y ? -1 : 1));
  const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const expected = createHmac('sha1', `${SMS_SECRET}&`)
    .update(`GET&${enc('/')}&${enc(canonical)}`)
    .digest('base64');
  return expected === q.get('Signature');
}

/** What DingTalk does: HMAC-SHA256 of "timestamp\nsecret", base64. */
function dingtalkSignatureValid(q: URLSearchParams) {
  const ts = q.get('timestamp') ?? '';
  return createHmac('sha256', DINGTALK_SECRET).update(`${ts}\n${DINGTALK_SECRET}`).digest('base64') === q.get('sign');
}

const send = (at: Date, extra: Partial<SendOptions> = {}) =>
  deliverDue(t.database.db, at, { channels, timeoutMs: 5000, log: (l) => logLines.push(l), ...extra });

const messagesOf = async (customerId: string, q = '') =>
  ok(await a.admin({ method: 'GET', url: `/api/messages?customer=${customerId}&pageSize=100${q}` })).items as {
    id: string;
    kind: string;
    channel: string;
    status: string;
    recipient: string;
    text: string;
    attempts: number;
    lastError: string | null;
    actions: string[];
  }[];

beforeAll(async () => {
  t = await createTestContext();
  a = await orderActors(t);
  f = fulfilmentFactories(t, a);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('bounce')) return cb(new Error(`mailbox ${address.address} unavailable`));
      cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const q = url.searchParams;
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/sms') {
        const signed = smsSignatureValid(q);
        hits.push({ path: '/sms', body, query: q, signed });
        return res.end(JSON.stringify(signed ? { Code: 'OK', Message: 'OK' } : { Code: 'SignatureDoesNotMatch' }));
      }
      const signed = url.pathname === '/dingtalk' ? dingtalkSignatureValid(q) : true;
      hits.push({ path: url.pathname, body, query: q, signed });
      const errcode = url.pathname === '/dingtalk' ? (signed ? dingtalkErr : 310000) : 0;
      res.end(JSON.stringify({ errcode, errmsg: errcode ? 'sign not match' : 'ok' }));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  channels = {
    smtp: {
      host: '127.0.0.1',
      port: (smtp.server.address() as AddressInfo).port,
      secure: false,
      from: 'luyue@example.com',
    },
    wecom: { url: `${base}/wecom?key=robot-key` },
    dingtalk: { url: `${base}/dingtalk?access_token=robot-token`, secret: DINGTALK_SECRET },
    sms: {
      provider: 'aliyun',
      endpoint: `${base}/sms`,
      accessKeyId: 'test-key-id',
      accessKeySecret: SMS_SECRET,
      signName: '陆岳',
      templates: { shipped: 'SMS_0001', payment_reminder: 'SMS_0002' },
    },
  };
});

afterAll(async () => {
  http?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await t?.close();
});

async function shippedWithTracking(customerId: string, trackingNo: string) {
  const product = await productBySku(a.sales, 'A-01');
  const order = await f.confirmedOrder(customerId, [{ productId: product.id, qty: 1 }]);
  const shipment = await f.packedShipment([order.id]);
  ok(
    await a.warehouse({
      method: 'POST',
      url: `/api/shipments/${shipment}/ship`,
      payload: { carrier: '顺丰速运', trackingNo },
    }),
  );
  return order;
}

describe('messages to customers', () => {
  it('the shipping notice reaches a real SMTP server in Chinese with the tracking number', async () => {
    const customer = await f.newCustomer('MSG1', 'credit', {
      contacts: [{ name: '王经理', email: 'wang@example.com', phone: '13800138000', channels: ['email'] }],
    });
    // The carrier rule for the consignee's region (上海) says 5 days: the notice gives that arrival date.
    ok(
      await a.admin({
        method: 'PUT',
        url: '/api/carrier-rules',
        payload: [{ region: '上海', carrier: '顺丰速运', transitDays: 5 }],
      }),
    );
    await shippedWithTracking(customer, 'SF7788990011');
    await routeMessages(t.database.db, new Date());
    const now = new Date();
    await send(now);
    const [shipped] = (await messagesOf(customer)).filter((m) => m.kind === 'shipped');
    expect(shipped).toMatchObject({ channel: 'email', status: 'sent', recipient: 'wang@example.com', attempts: 1 });
    const mail = mails.find((m) => m.raw.includes(shipped.id));
    expect(mail?.to).toEqual(['wang@example.com']);
    const text = mailText(mail!.raw);
    expect(text).toContain('运单号 SF7788990011');
    expect(text).toContain('顺丰速运');
    expect(text).toContain('MSG1 公司您好');
    expect(text).toContain(`预计 ${addDays(localDate(new Date(), 'Asia/Shanghai'), 5)} 送达`);
    // The admin page shows the text in the viewer's language.
    const en = ok(
      await a.admin({
        method: 'GET',
        url: `/api/messages?customer=${customer}&kind=shipped`,
        headers: { 'accept-language': 'en' },
      }),
    ).items[0];
    expect(en.text).toContain('tracking number SF7788990011');
  });

  it('the order to sign and the confirmation come from the order events, once each', async () => {
    const customer = await f.newCustomer('MSG5', 'credit', {
      contacts: [{ name: '孙', email: 'sun@example.com', phone: '13600136000', channels: ['email'], language: 'en' }],
    });
    const product = await productBySku(a.sales, 'A-01');
    const order = await f.confirmedOrder(customer, [{ productId: product.id, qty: 1 }]);
    await routeMessages(t.database.db, new Date());
    await routeMessages(t.database.db, new Date());
    const made = await messagesOf(customer);
    expect(made.map((m) => m.kind).sort()).toEqual(['order_confirmed', 'order_to_sign']);
    await send(new Date());
    const mail = mails.find((m) => m.raw.includes(made.find((x) => x.kind === 'order_confirmed')!.id));
    // The contact reads English.
    expect(mailText(mail!.raw)).toContain(`Dear MSG5 公司, order ${order.number}`);
  });

  it('an overdue receivable is told with amount and days; events customers need not hear of make nothing', async () => {
    const customer = await f.newCustomer('MSG7', 'credit', { contacts: [{ name: '吴', phone: '13500135000' }] });
    const at = new Date();
    const event = (type: string, data: Record<string, unknown>) =>
      recordDomainEvent(t.database.db, {
        companyId: t.companyA,
        type,
        entityType: 'receivable',
        entityId: crypto.randomUUID(),
        data,
        at,
      });
    await event('receivable.overdue', {
      customerId: customer,
      orderNumber: 'OD-77',
      outstanding: '250.00',
      dueDate: '2026-11-01',
      daysOverdue: 22,
    });
    await event('receipt.recorded', { customerId: customer, amount: '1.00' });
    await routeMessages(t.database.db, at);
    const made = await messagesOf(customer);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ kind: 'overdue', channel: 'sms', recipient: '13500135000' });
    expect(made[0].text).toContain('订单 OD-77 的应付款 ¥250.00 已于 2026-11-01 到期，已逾期 22 天');
  });

  it('the monthly statement leaves by e-mail with its xlsx attached', async () => {
    const customer = await f.newCustomer('MSG6', 'monthly', {
      contacts: [{ name: '周', email: 'zhou@example.com' }],
    });
    await t.database.db
      .insertInto('outbox_messages')
      .values({
        company_id: t.companyA,
        customer_id: customer,
        channel: 'email',
        kind: 'monthly_statement',
        params: JSON.stringify({
          period: '2026-11',
          from: '2026-10-26',
          to: '2026-11-25',
          amount: '0.00',
          due: '2026-12-25',
          balance: '0.00',
        }),
      })
      .execute();
    await routeMessages(t.database.db, new Date());
    const attachments = messageAttachments('Asia/Shanghai', () => new Date());
    await send(new Date(), { attachments });
    const [m] = await messagesOf(customer);
    expect(m).toMatchObject({ kind: 'monthly_statement', channel: 'email', status: 'sent' });
    const mail = mails.find((x) => x.raw.includes(m.id))!;
    expect(mailText(mail.raw)).toContain('2026-10-26 至 2026-11-25 的对账单');
    expect(mail.raw).toContain('filename=statement-2026-11.xlsx');
    expect(mail.raw).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(mail.raw).toContain('filename=statement-2026-11.pdf');
  });

  it("a contact's e-mail is masked for roles that do not talk to the customer, and kept when sent back", async () => {
    const customer = await f.newCustomer('MSG8', 'credit', {
      contacts: [{ name: '郑', email: 'zheng@example.com', channels: ['email', 'sms'] }],
    });
    const seen = ok(await a.finance({ method: 'GET', url: `/api/customers/${customer}` }));
    expect(seen.contacts[0]).toMatchObject({ email: 'z***@example.com', channels: ['email', 'sms'] });
    ok(
      await a.finance({
        method: 'PATCH',
        url: `/api/customers/${customer}`,
        payload: { contacts: seen.contacts, remark: '改' },
      }),
    );
    const full = ok(await a.admin({ method: 'GET', url: `/api/customers/${customer}` }));
    expect(full.contacts[0].email).toBe('zheng@example.com');
    const bad = await a.admin({
      method: 'PATCH',
      url: `/api/customers/${customer}`,
      payload: { contacts: [{ name: '郑', email: 'not an address' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('email');
  });

  it('the shipped text carries the tracking link when the notice has one', async () => {
    const { renderMessage } = await import('../../src/modules/messages/message-templates');
    const params = { number: 'S1', carrier: '顺丰速运', trackingNo: 'SF1', expected: '2026-12-03' };
    expect(renderMessage('shipped', 'zh', params).text).not.toContain('物流查询');
    const withLink = renderMessage('shipped', 'zh', { ...params, trackingUrl: 'https://t.example/SF1' });
    expect(withLink.text).toContain('物流查询：https://t.example/SF1');
  });

  it('WeCom and DingTalk robots get the text, DingTalk signed; the SMS stand-in checks the signature', async () => {
    const customer = await f.newCustomer('MSG2', 'credit', {
      contacts: [{ name: '李', phone: '13900139000', channels: ['sms', 'wecom', 'dingtalk'] }],
    });
    hits.length = 0;
    await shippedWithTracking(customer, 'YT5566');
    await routeMessages(t.database.db, new Date());
    await send(new Date());
    const shipped = (await messagesOf(customer)).filter((m) => m.kind === 'shipped');
    expect(shipped.map((m) => `${m.channel}:${m.status}`).sort()).toEqual(['dingtalk:sent', 'sms:sent', 'wecom:sent']);
    const wecom = hits.find((h) => h.path === '/wecom' && h.body.includes('YT5566'));
    expect(JSON.parse(wecom!.body)).toMatchObject({ msgtype: 'text' });
    expect(wecom!.query.get('key')).toBe('robot-key');
    const dingtalk = hits.find((h) => h.path === '/dingtalk' && h.body.includes('YT5566'));
    expect(dingtalk?.signed).toBe(true);
    expect(JSON.parse(dingtalk!.body).text.content).toContain('运单号 YT5566');
    const sms = hits.find((h) => h.path === '/sms' && h.query.get('PhoneNumbers') === '13900139000');
    expect(sms?.signed).toBe(true);
    expect(sms!.query.get('TemplateCode')).toBe('SMS_0001');
    expect(JSON.parse(sms!.query.get('TemplateParam')!)).toMatchObject({ trackingNo: 'YT5566', carrier: '顺丰速运' });
  });

  it('a failing channel is retried with back-off, then dead after N tries; the admin is told and retries', async () => {
    const customer = await f.newCustomer('MSG3', 'credit', {
      contacts: [
        { name: '赵', phone: '13700137000', email: 'bounce-zhao@example.com', channels: ['dingtalk', 'email'] },
      ],
    });
    await t.database.db
      .insertInto('outbox_messages')
      .values({
        company_id: t.companyA,
        customer_id: customer,
        channel: 'sms',
        kind: 'payment_reminder',
        params: JSON.stringify({ order: 'DUE-3', amount: '120.00', due: '2026-12-03' }),
      })
      .execute();
    const now = new Date();
    await routeMessages(t.database.db, now);
    dingtalkErr = 130101;
    logLines.length = 0;
    await send(now, { maxAttempts: 3 });
    const byChannel = async () => Object.fromEntries((await messagesOf(customer)).map((m) => [m.channel, m]));
    let m = await byChannel();
    expect(m.dingtalk).toMatchObject({ status: 'failed', attempts: 1 });
    expect(m.email).toMatchObject({ status: 'failed', attempts: 1 });
    // Not tried again before the back-off has passed.
    await send(new Date(now.getTime() + backoffMs(1) - 1000), { maxAttempts: 3 });
    expect((await byChannel()).dingtalk.attempts).toBe(1);
    const second = new Date(now.getTime() + backoffMs(1));
    await send(second, { maxAttempts: 3 });
    const third = new Date(second.getTime() + backoffMs(2));
    await send(third, { maxAttempts: 3 });
    m = await byChannel();
    expect(m.dingtalk).toMatchObject({ status: 'dead', attempts: 3, actions: ['retry'] });
    expect(m.dingtalk.lastError).toContain('130101');
    expect(m.email).toMatchObject({ status: 'dead', attempts: 3 });
    const notes = ok(await a.admin({ method: 'GET', url: '/api/notifications' }));
    expect(
      notes.items.filter((n: { kind: string; params: { channel: string } }) => n.kind === 'message_dead').length,
    ).toBeGreaterThanOrEqual(2);
    const dead = ok(await a.admin({ method: 'GET', url: '/api/messages?status=dead&channel=dingtalk&pageSize=100' }));
    expect(dead.items.map((x: { id: string }) => x.id)).toContain(m.dingtalk.id);

    // Nothing personal is logged: the refused address and the phone never appear.
    expect(logLines.length).toBeGreaterThanOrEqual(6);
    const logged = logLines.join('\n');
    expect(logged).toContain('payment_reminder');
    expect(logged).not.toContain('bounce-zhao@example.com');
    expect(logged).not.toContain('13700137000');
    expect(m.email.lastError).not.toContain('bounce-zhao@example.com');

    dingtalkErr = 0;
    const retried = ok(await a.admin({ method: 'POST', url: `/api/messages/${m.dingtalk.id}/retry` }));
    expect(retried).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await a.sales({ method: 'POST', url: `/api/messages/${m.email.id}/retry` })).statusCode).toBe(403);
    await send(new Date(third.getTime() + 1000));
    expect((await byChannel()).dingtalk).toMatchObject({ status: 'sent', attempts: 1 });
    const again = await a.admin({ method: 'POST', url: `/api/messages/${m.dingtalk.id}/retry` });
    expect(again.statusCode).toBe(409);
  });

  it('two senders running at once deliver each message exactly once', async () => {
    const customer = await f.newCustomer('MSG4', 'credit', { contacts: [{ name: '钱', channels: ['wecom'] }] });
    const orders = Array.from({ length: 12 }, (_, i) => `ONCE-${i}-X`);
    await t.database.db
      .insertInto('outbox_messages')
      .values(
        orders.map((order) => ({
          company_id: t.companyA,
          customer_id: customer,
          channel: 'sms',
          kind: 'payment_reminder',
          params: JSON.stringify({ order, amount: '1.00', due: '2026-12-03' }),
        })),
      )
      .execute();
    await Promise.all([routeMessages(t.database.db, new Date()), routeMessages(t.database.db, new Date())]);
    hits.length = 0;
    const now = new Date();
    const results = await Promise.all([send(now, { batch: 5 }), send(now, { batch: 5 }), send(now, { batch: 5 })]);
    await send(now);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBeGreaterThan(0);
    const seen = hits.filter((h) => h.path === '/wecom').map((h) => /ONCE-\d+-X/.exec(h.body)?.[0]);
    expect(seen.filter(Boolean).sort()).toEqual([...orders].sort());
    expect((await messagesOf(customer)).every((m) => m.status === 'sent')).toBe(true);
  });

  it('runs as a durable job: routed and sent through the channels the environment configures', async () => {
    const customer = await f.newCustomer('MSG9', 'credit', { contacts: [{ name: '冯', channels: ['wecom'] }] });
    await t.database.db
      .insertInto('outbox_messages')
      .values({
        company_id: t.companyA,
        customer_id: customer,
        channel: 'sms',
        kind: 'payment_reminder',
        params: JSON.stringify({ order: 'JOB-1', amount: '9.00', due: '2026-12-03' }),
      })
      .execute();
    process.env.LUYUE_WECOM_ROBOT_URL = `${base}/wecom?key=from-env`;
    const boss = await startJobs(t.database, () => {});
    try {
      await boss.send(JOBS.messages, {});
      await expect
        .poll(async () => (await messagesOf(customer)).map((m) => m.status), { timeout: 20_000, interval: 250 })
        .toEqual(['sent']);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: true });
      delete process.env.LUYUE_WECOM_ROBOT_URL;
    }
    const hit = hits.find((h) => h.path === '/wecom' && h.body.includes('JOB-1'));
    expect(hit?.query.get('key')).toBe('from-env');
  });

  it('lists with filters, refuses bad filters naming the field, other roles and another company', async () => {
    const bad = await a.admin({ method: 'GET', url: '/api/messages?status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('status');
    expect((await a.sales({ method: 'GET', url: '/api/messages' })).statusCode).toBe(403);
    const [one] = ok(await a.admin({ method: 'GET', url: '/api/messages?channel=email' })).items;
    expect(one.channel).toBe('email');
    const adminB = t.as(await t.token('admin', t.companyB));
    expect(
      ok(await adminB({ method: 'GET', url: '/api/messages' })).items.map((m: { id: string }) => m.id),
    ).not.toContain(one.id);
    expect((await adminB({ method: 'POST', url: `/api/messages/${one.id}/retry` })).statusCode).toBe(404);
  });
});
