import { APP_CLIENT_ID } from './accounts.ts';
import { APP_URL, EMULATOR_URL } from './env.ts';
import { expect, sessionToken, signInAs, test } from './fixtures.ts';

test.describe('The current-token page', () => {
  test('verifying the token says it is valid and when it was checked', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const [head] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'HEAD' && r.url() === `${EMULATOR_URL}/api/v2/tokens/me`),
      page.getByRole('button', { name: 'Verify token' }).click(),
    ]);
    expect(head.headers().authorization).toMatch(/^Bearer /);
    await expect(page.getByRole('status').filter({ hasText: 'Token is valid' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(/checked (now|\d+ seconds? ago)/);
  });

  test('shows when the token idles out, with the exact time on hover', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const lifetime = page.getByRole('region', { name: 'Lifetime' });
    // The seeded organisation idles tokens out after 30 minutes.
    await expect(lifetime.getByText(/in (29|30) minutes/)).toBeVisible();
    await lifetime.locator('time').first().hover();
    await expect(page.getByRole('tooltip')).toContainText(new Date().getFullYear().toString());
    await expect(lifetime.getByText(/in (23|24) hours/)).toBeVisible();
  });

  test('signing out asks first, deletes the token at Genesys and lands on the sign-in screen', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    const token = await sessionToken(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out of Token Admin?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect((await emulator.api(token, 'HEAD', '/api/v2/tokens/me')).status()).toBe(200);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in with Genesys Cloud' })).toBeVisible();
    expect((await emulator.api(token, 'HEAD', '/api/v2/tokens/me')).status()).toBe(401);
    expect((await emulator.api(token, 'GET', '/api/v2/tokens/me')).status()).toBe(401);
    expect(await page.evaluate(() => sessionStorage.getItem('token-admin:session'))).toBeNull();
  });

  test('where configured, signing out also ends the Genesys Cloud web session', async ({ page, emulator }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        json: { clientId: APP_CLIENT_ID, environment: 'mypurecloud.com', apiBaseUrl: EMULATOR_URL, loginBaseUrl: EMULATOR_URL, signOutOfGenesys: true },
      }),
    );
    await signInAs(page, 'admin@example.com');
    const token = await sessionToken(page);
    const [logout] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith(`${EMULATOR_URL}/logout?`)),
      page.getByRole('button', { name: 'Sign out' }).click().then(() =>
        page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click(),
      ),
    ]);
    expect(new URL(logout.url()).searchParams.get('client_id')).toBe(APP_CLIENT_ID);
    await expect(page.getByText('You are signed out')).toBeVisible();
    expect(page.url()).toContain(`${APP_URL}signin`);
    expect((await emulator.api(token, 'HEAD', '/api/v2/tokens/me')).status()).toBe(401);
  });

  test('signing out works whether Genesys answers the delete with 200 or 204', async ({ page, emulator }) => {
    await emulator.setQuirks({ deleteStatus: 200 });
    await signInAs(page, 'admin@example.com');
    const token = await sessionToken(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out')).toBeVisible();
    expect((await emulator.api(token, 'HEAD', '/api/v2/tokens/me')).status()).toBe(401);
  });

  test('a rate-limited load waits and carries on, even when the browser cannot read Retry-After', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await emulator.setQuirks({ exposeHeaders: false });
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 429, count: 1, retryAfterSeconds: 1 });
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/v2/tokens/me')) statuses.push(r.status());
    });
    await page.reload();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Rate limited once, then answered: the app waited and asked again by itself.
    expect(statuses).toEqual([429, 200]);
  });

  test('a failed sign-out keeps the session and says why', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await emulator.injectFault({ method: 'DELETE', path: '/api/v2/tokens/me', status: 503, code: 'service.unavailable', message: 'The service is currently unavailable.' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out of Token Admin?' });
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText("Couldn't delete your token");
    await expect(alert).toContainText('The service is currently unavailable.');
    await expect(alert).toContainText('Correlation id for support');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('You are signed out')).toBeVisible();
  });

  test('the trustee account sees the trustee banner and who it is cloned from', async ({ page }) => {
    await signInAs(page, 'trustee@partner.example.com');
    const banner = page.getByRole('note').filter({ hasText: 'Trustee session' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('Example Org');
    await expect(banner).toContainText('Partner Support Ltd');
    const trustee = page.getByRole('region', { name: 'Trustee' });
    await expect(trustee).toContainText('b22de000-0000-4000-8000-000000000004');
    await expect(page.getByRole('region', { name: 'Organisation' })).toContainText('Not your home organisation');
  });

  test('on a phone the header wraps without covering the trustee banner', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signInAs(page, 'trustee@partner.example.com');
    const header = await page.locator('header').boundingBox();
    const banner = await page.getByRole('note').filter({ hasText: 'Trustee session' }).boundingBox();
    expect(header).not.toBeNull();
    expect(banner).not.toBeNull();
    expect(banner?.y ?? 0).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
  });

  test('on a phone every page in the navigation opens below the header, and nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await signInAs(page, 'admin@example.com');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Idle timeout', 'Users', 'Activity', 'My token']) {
      await nav.getByRole('link', { name }).click();
      // Each page's title is its navigation label: wait for this page, not the one being left.
      const heading = page.getByRole('heading', { level: 1, name, exact: true });
      await expect(heading).toBeVisible();
      const header = await page.locator('header').boundingBox();
      const title = await heading.boundingBox();
      expect(title, `${name}: the title has a place on the page`).not.toBeNull();
      expect(title?.y ?? 0, `${name}: the title starts below the header`).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  });

  test('an admin in their home organisation sees no trustee banner', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Trustee' })).toHaveCount(0);
  });

  test('a failed first load explains the error with its correlation id and can be retried', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 500, count: 3, code: 'internal.server.error', message: 'Something broke inside Genesys Cloud.' });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't load your token" });
    await expect(alert).toContainText('Something broke inside Genesys Cloud.');
    await expect(alert).toContainText('Correlation id for support');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
  });
});
