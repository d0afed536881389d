import type { Page, Request } from '@playwright/test';
import { SUPERVISOR } from '../emulator/seed.ts';
import { assertNoA11yViolations, expect, signInAs, signInOnGenesysPage, test } from './fixtures.ts';

/**
 * The order requests start in, on a signed-in reload of the token page: what starts before what
 * finishes, from the browser's Resource Timing of one page load. Order only, never milliseconds,
 * so a slow machine cannot make it flaky and a faster one cannot hide a waterfall.
 */

interface Timing {
  name: string;
  startTime: number;
  responseEnd: number;
}

/** Signs in, reloads /token, waits for its data, and returns the reload's Resource Timing. */
async function reloadTokenPage(page: Page) {
  await signInAs(page, 'admin@example.com');
  await page.reload();
  await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
  return page.evaluate(() => ({
    timings: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: e.name,
      startTime: e.startTime,
      responseEnd: e.responseEnd,
    })),
    // The entry, not the boot module (async) that runs ahead of it.
    entryScript: document.querySelector<HTMLScriptElement>('script[type="module"][src]:not([async])')?.src ?? '',
  }));
}

/** The first request (in start order) matching; fails the test, listing what was fetched, when none does. */
function find(timings: readonly Timing[], what: string, match: (url: URL) => boolean): Timing {
  const found = timings.find((t) => match(new URL(t.name)));
  expect(found, `a request for ${what} in ${JSON.stringify(timings.map((t) => t.name))}`).toBeDefined();
  return found ?? { name: what, startTime: NaN, responseEnd: NaN };
}

test('config.json is fetched while the scripts download, not after them', async ({ page }) => {
  const { timings, entryScript } = await reloadTokenPage(page);
  expect(entryScript, 'index.html loads an entry script').not.toBe('');
  const script = find(timings, 'the entry script', (url) => url.href === entryScript);
  const config = find(timings, 'config.json', (url) => url.pathname.endsWith('/config.json'));
  // index.html preloads config.json, so the request does not wait for the scripts that read it.
  expect(config.startTime, 'config.json starts before the entry script has arrived').toBeLessThan(script.responseEnd);
});

test('the token page asks for the token and the user side by side', async ({ page }) => {
  await signInAs(page, 'admin@example.com');
  // Neither answer is let through until both have been asked for: a waterfall, where one waits
  // for the other's answer, would never release them, and the page would never show its data.
  const asked = new Set<string>();
  let release: () => void = () => undefined;
  const bothAsked = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/v2\/(tokens|users)\/me/, async (route) => {
    if (route.request().method() === 'GET') {
      asked.add(new URL(route.request().url()).pathname);
      if (asked.size === 2) release();
      await bothAsked;
    }
    await route.continue();
  });
  await page.reload();
  await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
  await expect(page.getByTestId('acting-as')).toContainText('Avery Admin');
  expect([...asked].sort()).toEqual(['/api/v2/tokens/me', '/api/v2/users/me']);
});

/**
 * Holds the entry script's answer until `released` says so (or 10 s pass): whatever starts
 * meanwhile started before the entry script had downloaded, an order, not a time. The boot module
 * runs ahead of it; the app itself cannot run until it arrives.
 */
async function holdEntryScript(page: Page, released: Promise<unknown>) {
  await page.route(/\/assets\/index-[^/]*\.js$/, async (route) => {
    await Promise.race([released, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await route.continue();
  });
}

/** Resolves at the first request `match` accepts. */
function whenRequested(page: Page, match: (request: Request) => boolean): Promise<Request> {
  return new Promise((resolve) => {
    const listener = (request: Request) => {
      if (!match(request)) return;
      page.off('request', listener);
      resolve(request);
    };
    page.on('request', listener);
  });
}

const isGet = (pattern: RegExp) => (request: Request) => request.method() === 'GET' && pattern.test(new URL(request.url()).pathname);

/** The page's Genesys GETs and chunks, counted from `page.on('request')`. */
function countRequests(page: Page) {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'GET') seen.push(new URL(request.url()).pathname + new URL(request.url()).search);
  });
  return (pathname: string) => seen.filter((url) => url.split('?')[0] === pathname).length;
}

test.describe('the boot module, on a first visit', () => {
  test('starts GET tokens/me before the entry script has downloaded, and the app asks for nothing twice', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const count = countRequests(page);
    await holdEntryScript(page, whenRequested(page, isGet(/\/api\/v2\/tokens\/me$/)));
    await page.reload();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    await expect(page.getByTestId('acting-as')).toContainText('Avery Admin');
    const { timings, entryScript } = await page.evaluate(() => ({
      timings: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })),
      entryScript: document.querySelector<HTMLScriptElement>('script[type="module"][src]:not([async])')?.src ?? '',
    }));
    const script = find(timings, 'the entry script', (url) => url.href === entryScript);
    const token = find(timings, 'GET tokens/me', (url) => url.pathname === '/api/v2/tokens/me');
    expect(token.startTime, 'GET tokens/me starts before the entry script has downloaded').toBeLessThan(script.responseEnd);
    expect(new URL(token.name).searchParams.get('preserveIdleTTL'), 'the read the admin asked for by opening the page counts as activity').toBe('false');
    expect(count('/api/v2/tokens/me'), 'GET tokens/me once').toBe(1);
    expect(count('/api/v2/users/me'), 'GET users/me once').toBe(1);
  });

  test("a deep link to a user's page starts the page's code and its data before the entry script has arrived", async ({ page }) => {
    await signInAs(page, 'admin@example.com', `users/${SUPERVISOR.id}`);
    const count = countRequests(page);
    const userRead = whenRequested(page, isGet(new RegExp(`/api/v2/users/${SUPERVISOR.id}$`)));
    const pageChunk = whenRequested(page, (request) => /\/assets\/userRoute-[^/]*\.js$/.test(request.url()));
    await holdEntryScript(page, Promise.all([userRead, pageChunk]));
    await page.reload();
    await expect(page.getByRole('region', { name: 'Profile' })).toBeVisible();
    const timings = await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })));
    const script = find(timings, 'the entry script', (url) => /\/assets\/index-[^/]*\.js$/.test(url.pathname));
    expect(find(timings, "the user's page chunk", (url) => url.pathname.includes("/assets/userRoute-")).startTime).toBeLessThan(script.responseEnd);
    expect(find(timings, 'GET users/{id}', (url) => url.pathname === `/api/v2/users/${SUPERVISOR.id}`).startTime).toBeLessThan(script.responseEnd);
    expect(count(`/api/v2/users/${SUPERVISOR.id}`), 'the user read once').toBe(1);
    expect(count('/api/v2/tokens/me')).toBe(1);
  });

  test('a 401 on the early read ends the session as a late one does, and signing in again returns to the page', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com', 'users');
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 401, count: 1 });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(/\/users$/);
  });

  test('a 500 on the early read is retried as the app retries its own, and the page shows its data', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    const count = countRequests(page);
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 500, count: 1 });
    await page.reload();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    expect(count('/api/v2/tokens/me'), 'the early read, then one retry').toBe(2);
  });

  test('sends no Genesys request on the sign-in and callback pages', async ({ page }) => {
    const genesys: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v2/')) genesys.push(request.url());
    });
    await page.goto('signin?returnTo=%2Ftoken');
    await page.waitForURL(/\/oauth\/authorize/);
    await page.goto('auth/callback?code=forged&state=forged');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Even with a session in the tab, the callback page sends no token.
    await page.evaluate(() =>
      sessionStorage.setItem('token-admin:session', JSON.stringify({ accessToken: 'stale', expiresAt: Date.now() + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' })),
    );
    await page.goto('auth/callback?code=forged&state=forged');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(genesys).toEqual([]);
  });

  /** Where the page's title and lead sit on screen. */
  const headingBoxes = (page: Page) =>
    page.evaluate(() =>
      ['h1', '[data-page-data]'].map((selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box ? { x: Math.round(box.x), y: Math.round(box.y) } : undefined;
      }),
    );

  for (const scheme of ['dark', 'light'] as const) {
    test(`says it is loading before any script has run, draws the token's heading from the early answers, then the whole page over it (${scheme})`, async ({ page }) => {
      await signInAs(page, 'admin@example.com');
      await page.emulateMedia({ colorScheme: scheme });
      // What goes into #root, in order: index.html's own line, the first look, then the app's first render.
      await page.addInitScript(() => {
        const drawn: { loading: boolean; firstLook: boolean; tokenDetails: boolean; skeleton: boolean }[] = [];
        (window as unknown as { drawnInRoot: typeof drawn }).drawnInRoot = drawn;
        new MutationObserver((mutations) => {
          for (const mutation of mutations) {
            if ((mutation.target as Element).id !== 'root') continue;
            for (const node of mutation.addedNodes) {
              // Mantine's theme variables come as a <style> of their own.
              if (!(node instanceof Element) || node.tagName === 'STYLE') continue;
              drawn.push({
                loading: node.textContent.includes('Loading Token Admin'),
                firstLook: node.matches('[data-first-look]'),
                tokenDetails: node.querySelector('section[aria-label="OAuth client"]') !== null,
                skeleton: node.querySelector('.mantine-Skeleton-root') !== null,
              });
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      let release: () => void = () => undefined;
      await holdEntryScript(page, new Promise<void>((resolve) => (release = resolve)));
      // The token's answer waits too, until the loading line has been looked at.
      let answer: () => void = () => undefined;
      const answerHeld = new Promise<void>((resolve) => (answer = resolve));
      await page.route(/\/api\/v2\/tokens\/me/, async (route) => {
        await Promise.race([answerHeld, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        await route.continue();
      });
      await page.reload({ waitUntil: 'commit' });
      const loading = page.getByRole('status').filter({ hasText: 'Loading Token Admin…' });
      await expect(loading).toBeVisible();
      if (scheme === 'dark') {
        // In the admin's scheme from the first paint: no white flash before a dark page.
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
        // Read once the stylesheet has arrived: nothing is painted before it.
        await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(36, 36, 36)');
        await assertNoA11yViolations(page, 'the loading line before the scripts', ['dark']);
      }
      answer();

      // The entry script is held, so this is the boot module's drawing, from the early answers.
      const heading = page.getByRole('heading', { level: 1, name: 'My token' });
      await expect(heading).toBeVisible();
      const lead = page.locator('[data-page-data]');
      await expect(lead).toContainText(/The token this tab uses: Avery Admin in Example Org, through Token Admin \(local\)\. It idles out in \d+ minutes/);
      await expect(page.getByRole('status')).toHaveText('Loading the rest of the page…');
      await expect(page.getByRole('button')).toHaveCount(0);
      await assertNoA11yViolations(page, 'the first look', [scheme]);
      const drawnFirst = await headingBoxes(page);

      release();
      await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
      await expect(page.locator('[data-first-look]')).toHaveCount(0);
      await expect(lead).toContainText('The token this tab uses: Avery Admin in Example Org');
      expect(await headingBoxes(page), "the page's heading lands where the first look drew it").toEqual(drawnFirst);
      const drawn = await page.evaluate(() => (window as unknown as { drawnInRoot: unknown[] }).drawnInRoot);
      expect(drawn, 'index.html draws the loading line; the first look replaces it; then the whole page: no loader, no skeleton').toEqual([
        { loading: true, firstLook: false, tokenDetails: false, skeleton: false },
        { loading: false, firstLook: true, tokenDetails: false, skeleton: false },
        { loading: false, firstLook: false, tokenDetails: true, skeleton: false },
      ]);
    });
  }
});
