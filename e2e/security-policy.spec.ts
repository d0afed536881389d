import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { APP_URL, EMULATOR_URL } from './env.ts';
import { expect, signInAs, test } from './fixtures.ts';

/** The sha256 source of the page's one inline script (the colour scheme), hashed here independently. */
function inlineScriptHash(html: string): string {
  const body = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(body, 'index.html has its inline colour-scheme script').toBeDefined();
  return `'sha256-${createHash('sha256').update(body ?? '').digest('base64')}'`;
}

test.describe('The security policy the app is served with', () => {
  test('the page, a deep link and config.json carry it, for the config.json being served', async ({ request }) => {
    const page = await request.get(APP_URL);
    const policy = [
      "default-src 'none'",
      `script-src 'self' ${inlineScriptHash(await page.text())}`,
      "style-src 'self' 'unsafe-inline'",
      // The e2e config.json points apiBaseUrl and loginBaseUrl at the emulator, which also serves the pictures.
      `img-src 'self' data: ${EMULATOR_URL}`,
      `connect-src 'self' ${EMULATOR_URL}`,
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ].join('; ');
    for (const path of ['', 'users/some-id', 'config.json']) {
      const response = path ? await request.get(`${APP_URL}${path}`) : page;
      expect(response.status(), path).toBe(200);
      expect(response.headers(), path).toMatchObject({
        'content-security-policy': policy,
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
      });
    }
  });

  test('a page on another origin cannot show the app in a frame', async ({ page }) => {
    // A real page on another port, as in a clickjacking attempt (Chromium keeps public pages from framing loopback ones anyway).
    const portal = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<!doctype html><title>Portal</title><iframe title="Token Admin" src="${APP_URL}users/some-id"></iframe>`);
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    try {
      const address = portal.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const refusal = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
      const blocked = page.waitForEvent('requestfailed', (request) => request.url() === `${APP_URL}users/some-id`);
      await page.goto(`http://127.0.0.1:${address.port}/`);
      expect((await refusal).text()).toContain(
        `Framing '${new URL(APP_URL).origin}/' violates the following Content Security Policy directive: "frame-ancestors 'none'". The request has been blocked.`,
      );
      expect((await blocked).failure()?.errorText).toBe('net::ERR_BLOCKED_BY_RESPONSE');
      await expect(page.frameLocator('iframe').locator('#root')).toHaveCount(0);
    } finally {
      portal.closeAllConnections();
      await new Promise((resolve) => portal.close(resolve));
    }
  });

  test('an inline script injected into the app is refused, and the test hears of it', async ({ page, cspViolations }) => {
    await signInAs(page, 'agent@example.com');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true';
      document.head.append(script);
      return 'injectedScriptRan' in window;
    });
    expect(ran).toBe(false);
    await expect.poll(() => [...cspViolations]).toEqual([expect.stringMatching(/^script-src-elem blocked inline in http:\/\/localhost:\d+\/tools\/tokens\/token /)]);
    // Expected here: cleared so that the automatic check after the test passes.
    cspViolations.length = 0;
  });
});
