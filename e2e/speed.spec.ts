import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures.ts';

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
    entryScript: document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src ?? '',
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
