import { ADMIN_ID } from './accounts.ts';
import { APP_URL, EMULATOR_URL } from './env.ts';
import { expect, signInAs, signInOnGenesysPage, switchTabAwayAndBack, test } from './fixtures.ts';

/** A request held back until the test releases it: a slow Genesys, on demand. */
function gate() {
  let release: () => void = () => undefined;
  const held = new Promise<undefined>((resolve) => {
    release = () => resolve(undefined);
  });
  return { held, release };
}

/** When Genesys last counted the admin's token as used. */
async function lastUsed(emulator: { tokensOf: (id: string) => Promise<{ lastUsedAt: string; status: string }[]> }) {
  const active = (await emulator.tokensOf(ADMIN_ID)).filter((t) => t.status === 'active');
  expect(active).toHaveLength(1);
  return active[0]?.lastUsedAt;
}

test.describe('The admin’s session', () => {
  test('a return path that resolves to another host is refused after sign-in', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await page.goto('signin?returnTo=%2F..%2F%2Fevil.example%2Fphish');
    await expect(page).toHaveURL(`${APP_URL}token`);
    await page.goto('signin?returnTo=%2Fx%2F..%2F%5Cevil.example');
    await expect(page).toHaveURL(`${APP_URL}token`);
  });

  test('a crafted link cannot show "Your session ended": only a session the app ended is reported', async ({ page }) => {
    await page.goto('session-ended?returnTo=%2Ftoken&cause=revoked');
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
    await page.goto('session-ended?cause=self-revoked');
    await expect(page).toHaveURL(`${APP_URL}token`);
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toHaveCount(0);
  });

  for (const firstLoad of ['failed', 'succeeded'] as const) {
    test(`switching tabs after a first load that ${firstLoad} does not count as the admin's activity`, async ({ page, emulator }) => {
      await signInAs(page, 'admin@example.com');
      await page.clock.install();
      if (firstLoad === 'failed') {
        await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 403, count: 1, code: 'not.authorized', message: 'Not allowed.' });
      }
      await page.reload();
      if (firstLoad === 'failed') await expect(page.getByRole('alert').filter({ hasText: "Couldn't load your token" })).toBeVisible();
      else await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();

      const before = await lastUsed(emulator);
      await emulator.advanceClock(120);
      // Long enough for the loaded token to count as stale, short of the minute's poll.
      await page.clock.fastForward('00:31');
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${EMULATOR_URL}/api/v2/`)) requests.push(`${r.method()} ${r.url().slice(EMULATOR_URL.length)}`);
      });
      const [refresh] = await Promise.all([
        page.waitForResponse((r) => r.url().startsWith(`${EMULATOR_URL}/api/v2/tokens/me`) && r.request().method() === 'GET'),
        switchTabAwayAndBack(page),
      ]);
      expect(refresh.url()).toContain('preserveIdleTTL=true');
      await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
      expect(await lastUsed(emulator)).toBe(before);
      // users/me cannot preserve the idle timer, so it is never read again by itself.
      expect(requests).toEqual(['GET /api/v2/tokens/me?preserveIdleTTL=true']);
    });
  }

  test('a rate-limited first load shows the shell at once and counts down to the retry', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await page.clock.install();
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 429, count: 1, retryAfterSeconds: 20 });
    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const notice = page.getByRole('status').filter({ hasText: 'Genesys Cloud is rate limiting requests' });
    await expect(notice).toContainText(/tries again by itself in\s*(20|19|18) s/);
    await expect(notice).not.toContainText('[');
    await page.clock.fastForward('00:21');
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    await expect(notice).toBeHidden();
  });

  test('a slow answer says what the page is waiting for', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const { held, release } = gate();
    await page.route(`${EMULATOR_URL}/api/v2/tokens/me**`, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: "Waiting for Genesys Cloud to send your token's details" })).toBeVisible();
    release();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
  });

  test('while identity loads or after it failed, the header invents nothing', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await emulator.injectFault({ method: 'GET', path: '/api/v2/users/me', status: 500, count: 3, message: 'Directory is down.' });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't find out who you are signed in as" });
    await expect(alert).toContainText('Directory is down.');
    const actingAs = page.getByTestId('acting-as');
    await expect(actingAs).toContainText('Example Org');
    await expect(actingAs).not.toContainText('Signed in');
    await expect(actingAs).not.toContainText('Avery Admin');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(actingAs).toContainText('Avery Admin');
  });

  test('when identity and token fail for one reason, one alert with one Try again retries both', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    for (const path of ['/api/v2/users/me', '/api/v2/tokens/me']) {
      await emulator.injectFault({ method: 'GET', path, status: 503, count: 3, code: 'service.unavailable', message: 'Service Unavailable.' });
    }
    await page.reload();
    const alerts = page.getByRole('alert');
    await expect(alerts).toHaveCount(1);
    await expect(alerts).toContainText("Couldn't load who you are or your token");
    await expect(alerts).toContainText('Correlation id for support');
    await alerts.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    await expect(page.getByTestId('acting-as')).toContainText('Avery Admin');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a token revoked by another admin ends the session with a word of why, and sign-in returns to the same page', async ({ page, emulator }) => {
    await page.clock.install();
    await page.goto('token?view=scopes');
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();

    const other = await emulator.mintToken('supervisor@example.com');
    expect((await emulator.api(other, 'DELETE', `/api/v2/tokens/${ADMIN_ID}`)).status()).toBe(204);
    // The page's next background refresh gets a 401.
    await page.clock.fastForward('01:05');
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    await expect(page.getByText(/no longer accepts your token/)).toBeVisible();
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(`${APP_URL}token?view=scopes`);
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
  });

  test('an admin who leaves the page open idles out: the session-ended page says when', async ({ page, emulator }) => {
    await page.clock.install();
    const reads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.url().startsWith(`${EMULATOR_URL}/api/v2/tokens/me`)) reads.push(r.url());
    });
    await signInAs(page, 'admin@example.com');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('preserveIdleTTL=false');
    await page.clock.fastForward('01:05');
    await expect.poll(() => reads.length).toBe(2);
    expect(reads[1]).toContain('preserveIdleTTL=true');

    // Past the 30-minute idle timeout with only background refreshes, the token is dead.
    await emulator.advanceClock(31 * 60);
    await page.clock.fastForward('31:00');
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    await expect(page.getByText(/Your token idled out at/)).toBeVisible();
  });

  test('Verify finding the token dead ends the session at once, with no live details left', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    const other = await emulator.mintToken('supervisor@example.com');
    expect((await emulator.api(other, 'DELETE', `/api/v2/tokens/${ADMIN_ID}`)).status()).toBe(204);
    await page.getByRole('button', { name: 'Verify token' }).click();
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    await expect(page.getByText('idles out')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Lifetime' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(`${APP_URL}token`);
  });

  test('Verify keeps keyboard focus on its button while it asks Genesys', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const { held, release } = gate();
    await page.route(`${EMULATOR_URL}/api/v2/tokens/me`, async (route) => {
      if (route.request().method() === 'HEAD') await held;
      await route.continue();
    });
    const verify = page.getByRole('button', { name: 'Verify token' });
    await verify.focus();
    await page.keyboard.press('Enter');
    await expect(verify).toHaveAttribute('aria-busy', 'true');
    await expect(verify).toBeFocused();
    release();
    await expect(page.getByRole('status').filter({ hasText: 'Token is valid' })).toBeVisible();
    await expect(verify).toBeFocused();
  });
});
