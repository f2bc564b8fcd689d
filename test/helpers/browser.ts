import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/modules/demo/demo.seed';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: run "apt-get install -y chromium" (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * The test worker's Chromium, launched by the first browser test file the worker runs and kept for the next ones
 * (launching one costs about a second each time): vitest keeps a worker's process from one file to the next, and
 * Playwright kills the browser when that process exits. Each file still gets its own contexts (own cookies and
 * storage), closed after the file. Held on globalThis, so it survives a file that loads this module again; a
 * browser that went away (crashed) is launched anew.
 */
const WORKER_BROWSER = Symbol.for('luyue.test.workerBrowser');
type WorkerGlobal = { [WORKER_BROWSER]?: Promise<Browser> };

export function workerBrowser(): Promise<Browser> {
  const g = globalThis as WorkerGlobal;
  const held = g[WORKER_BROWSER];
  if (held) return held.then((b) => (b.isConnected() ? b : relaunch()), relaunch);
  return relaunch();
  function relaunch() {
    const launched = launchBrowser();
    g[WORKER_BROWSER] = launched;
    return launched;
  }
}

export function screenshotPath(name: string): string {
  const dir = path.resolve('test-results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** Listens on a free local port and returns the base URL. */
export async function serveApp(app: import('fastify').FastifyInstance): Promise<string> {
  if (!fs.existsSync('web/dist/index.html'))
    throw new Error('web/dist is missing: run "npm run build:web" (npm test does it first)');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/** A fresh browser context: its own cookies and storage, the desktop size and the users' language. */
export function newTestContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
}

/**
 * Logs the page's context in as the web app does (the same login request, which sets the session cookie in the
 * context), then opens the app. The login form itself is walked by the tests that open `loginForm`; going through it
 * for every other login cost a second of a loaded CI machine each time.
 */
export async function logIn(page: Page, base: string, username: string, password: string, path = '/') {
  const res = await page.context().request.post(`${base}/api/auth/login`, {
    data: { username, password, mode: 'cookie' },
  });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
  await page.goto(base + path);
  await page.getByTestId('main-menu').waitFor();
}

/**
 * Opens a path of the app already loaded in the page as its own links do, without loading the page again (a load
 * costs a second of Chromium's time; the router's change, a fraction). The page is mounted afresh and reads its data
 * (one order, then another, as well), so wait for something of it. The path already open is loaded again instead,
 * since the router would keep the page as it is.
 */
export async function openInApp(page: Page, path: string) {
  const [from, to] = [new URL(page.url()), new URL(path, page.url())];
  if (to.pathname + to.search === from.pathname + from.search) {
    await page.reload();
  } else {
    await page.evaluate((href) => {
      history.pushState(null, '', href);
      dispatchEvent(new PopStateEvent('popstate'));
    }, to.pathname + to.search);
  }
  await page.getByTestId('main-menu').waitFor();
}

/** Requests in flight per page (browserSession's pages count theirs from the start), for `settled`. */
const inFlight = new WeakMap<Page, number>();
function countRequests(page: Page) {
  inFlight.set(page, 0);
  const done = () => inFlight.set(page, inFlight.get(page)! - 1);
  page.on('request', () => inFlight.set(page, inFlight.get(page)! + 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until the page has no request in flight and its text has stopped changing: lists and cards load after the
 * page. (Playwright's `networkidle` waits for half a second of silence on top, over a second a page on CI.)
 */
export async function settled(page: Page) {
  let text = '';
  let idleBefore = false;
  await expect
    .poll(async () => {
      const before = text;
      // Idle at the last poll as well: an answer that just arrived gets a poll's time to be rendered.
      const idle = inFlight.get(page) === 0;
      text = await page.evaluate(() => document.body.innerText);
      const still = idle && idleBefore && text === before;
      idleBefore = idle;
      return still;
    })
    .toBe(true);
}

/** A failing browser test leaves a picture of its page in test-results/, to read after a red run. */
export function screenshotOnFailure(page: () => Page | undefined) {
  beforeEach((ctx) =>
    ctx.onTestFailed(async () => {
      await page()
        ?.screenshot({
          path: screenshotPath(`failed-${path.basename(ctx.task.file.name)}-${ctx.task.name.slice(0, 40)}.png`),
          fullPage: true,
        })
        .catch(() => undefined);
    }),
  );
}

/**
 * Presses a dialog's OK button and, unless told otherwise, waits for the dialog to close. A press
 * that lands while the dialog is still opening sends nothing: then OK is pressed again (never after
 * a request went out, so nothing is submitted twice). A dialog that stays open fails with what the
 * page said (the app's error message or the form's field errors), not just a timeout.
 */
export async function submitDialog(page: Page, ok: string | Locator, opts: { expectClosed?: boolean } = {}) {
  const button = typeof ok === 'string' ? page.getByTestId(ok) : ok;
  for (let attempt = 0; attempt < 3; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'), { timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    await button.click();
    if (await sent) break;
  }
  if (opts.expectClosed === false) return;
  await expect
    .poll(async () => {
      if ((await button.count()) === 0 || !(await button.isVisible())) return 'closed';
      const said = (await page.locator('.ant-message-notice, .ant-form-item-explain-error').allInnerTexts()).join(
        ' | ',
      );
      return `still open${said ? `: ${said}` : ''}`;
    })
    .toBe('closed');
}

/**
 * Picks an option of an Ant Design select by its text and checks the select took it: options that
 * arrive while the list is open can swallow a click, so it tries again until the choice shows.
 */
export async function chooseOption(page: Page, select: Locator, text: string, opts: { search?: boolean } = {}) {
  await expect
    .poll(
      async () => {
        if ((await select.innerText()).includes(text)) return true;
        if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) {
          await select.click();
          if (opts.search) await page.keyboard.type(text);
        }
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option')
          .filter({ hasText: text })
          .first()
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        return (await select.innerText()).includes(text);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

/**
 * The browser side of one test file: `start` serves the app on a free port and takes the worker's Chromium,
 * `loginAs` gives one page at a time logged in as a demo user, each in a new context. A failing test leaves a
 * screenshot; after the file its contexts and the test context are closed (the browser stays for the next file).
 */
export function browserSession() {
  const s: { browser?: Browser; page?: Page; base: string; context?: { close: () => Promise<void> } } = { base: '' };
  const opened: BrowserContext[] = [];
  screenshotOnFailure(() => s.page);
  afterAll(async () => {
    for (const c of opened) await c.close().catch(() => undefined);
    await s.context?.close();
  });
  /** A new page in a context of its own, closing the previous page's context; `lang` is the language the user chose. */
  async function freshPage(lang?: 'en' | 'zh-CN') {
    await s.page?.context().close();
    const context = await newTestContext(s.browser!);
    // Chosen before the app's first load, as the app's language switch leaves it, so no second load is needed.
    if (lang) await context.addInitScript((l) => localStorage.setItem('luyue.lang', l), lang);
    opened.push(context);
    s.page = await context.newPage();
    s.page.setDefaultTimeout(15_000);
    countRequests(s.page);
    return s.page;
  }
  return {
    async start(context: { app: import('fastify').FastifyInstance; close: () => Promise<void> }) {
      s.context = context;
      s.base = await serveApp(context.app);
      s.browser = await workerBrowser();
      return s.base;
    },
    /** Logs in as `username` with the app opened at `path` (one page load), in `lang` if given. */
    async loginAs(username: string, path = '/', lang?: 'en' | 'zh-CN') {
      const page = await freshPage(lang);
      await logIn(page, s.base, username, DEMO_PASSWORD, path);
      return page;
    },
    /** A fresh page (own cookies) on the login form, for a test that logs in by itself. */
    async loginForm(lang?: 'en' | 'zh-CN') {
      const page = await freshPage(lang);
      await page.goto(s.base);
      await page.getByTestId('login-username').waitFor();
      return page;
    },
  };
}
