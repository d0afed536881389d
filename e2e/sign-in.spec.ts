import { APP_URL, EMULATOR_URL } from './env.ts';
import { expect, sessionToken, signInOnGenesysPage, signInThroughGenesys, test } from './fixtures.ts';

test.describe('Signing in', () => {
  test('an admin signs in through Genesys Cloud and sees their token', async ({ page }) => {
    await page.goto('');
    // A real cross-origin round trip: the app sends the browser to the login host.
    await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/oauth/authorize\\?`));
    await expect(page.getByRole('heading', { name: /Sign in to Genesys Cloud/ })).toBeVisible();
    await signInOnGenesysPage(page, 'admin@example.com');

    await expect(page).toHaveURL(`${APP_URL}token`);
    await expect(page.getByRole('heading', { name: 'My token', level: 1 })).toBeVisible();
    const organisation = page.getByRole('region', { name: 'Organisation' });
    await expect(organisation.getByText('Example Org').first()).toBeVisible();
    const client = page.getByRole('region', { name: 'OAuth client' });
    await expect(client.getByText('Token Admin (local)')).toBeVisible();
    await expect(client.getByText('5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13')).toBeVisible();
    await expect(client.getByText('Authorization code (CODE)')).toBeVisible();
    await expect(page.getByTestId('acting-as')).toContainText('Avery Admin');
    await expect(page.getByTestId('acting-as')).toContainText('Example Org');
  });

  test('the token stays out of the URL and out of localStorage', async ({ page }) => {
    await signInThroughGenesys(page, 'admin@example.com');
    const token = await sessionToken(page);
    expect(page.url()).not.toContain('code=');
    expect(page.url()).not.toContain(token);
    const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    expect(local).not.toContain(token);
    // The callback URL (with its one-time code) was replaced, not left in history: Back leaves the app.
    await page.goBack();
    expect(page.url()).not.toContain('code=');
    await page.goForward();
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a deep link survives the sign-in round trip', async ({ page }) => {
    await page.goto('token?source=portal#scopes');
    await signInOnGenesysPage(page, 'supervisor@example.com');
    await expect(page).toHaveURL(`${APP_URL}token?source=portal#scopes`);
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
  });

  test('a deep link to an unknown page signs in and then says the page does not exist', async ({ page }) => {
    await page.goto('no/such/page');
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(`${APP_URL}no/such/page`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('a tampered state is refused and no session is created', async ({ page }) => {
    await page.goto('token');
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    const authorize = new URL(page.url());
    authorize.searchParams.set('state', 'forged-state-from-an-attacker');
    await page.goto(authorize.toString());
    await signInOnGenesysPage(page, 'admin@example.com');

    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in refused for your security' })).toBeVisible();
    expect(page.url()).not.toContain('code=');
    const stored = await page.evaluate(() => sessionStorage.getItem('token-admin:session'));
    expect(stored).toBeNull();

    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
  });

  test('a state is single use: replaying the callback is refused', async ({ page }) => {
    await page.goto('token');
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    await page.getByLabel('Email').fill('admin@example.com');
    const [callback] = await Promise.all([
      page.waitForRequest((request) => request.url().startsWith(`${APP_URL}auth/callback`)),
      page.getByRole('button', { name: 'Sign in', exact: true }).click(),
    ]);
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
    await page.evaluate(() => sessionStorage.removeItem('token-admin:session'));
    await page.goto(callback.url());
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in refused for your security' })).toBeVisible();
  });

  test('an OAuth error on return is explained and can be retried', async ({ page }) => {
    await page.goto('token');
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    await page.getByRole('button', { name: 'Cancel' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in cancelled' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('access_denied');
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(`${APP_URL}token`);
  });

  test('the implicit grant works where it is configured', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({
        json: {
          clientId: '8e2d4b6f-1a3c-4d5e-9f7a-0b2c4d6e8f91',
          environment: 'mypurecloud.com',
          oauthFlow: 'implicit',
          apiBaseUrl: EMULATOR_URL,
          loginBaseUrl: EMULATOR_URL,
        },
      }),
    );
    await page.goto('token');
    await expect(page).toHaveURL(/response_type=token/);
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(`${APP_URL}token`);
    await expect(page.getByRole('region', { name: 'OAuth client' }).getByText('Implicit grant (TOKEN)')).toBeVisible();
    expect(page.url()).not.toContain('access_token');
  });

  test('a broken config.json shows each problem instead of a blank page', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { clientId: 'REPLACE-ME', environment: 'evil.example.com', oauthFlow: 'magic' } }),
    );
    await page.goto('token');
    await expect(page.getByRole('heading', { name: 'Token Admin is not configured correctly' })).toBeVisible();
    const problems = page.getByRole('alert');
    await expect(problems).toContainText('clientId');
    await expect(problems).toContainText('not a known Genesys Cloud region');
    await expect(problems).toContainText('must be "pkce" or "implicit"');
  });

  test('without a configured region the admin picks one, and a portal link may pre-select it', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { clientId: '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13', apiBaseUrl: EMULATOR_URL, loginBaseUrl: EMULATOR_URL } }),
    );
    await page.goto('token?environment=evil.example.com');
    await expect(page.getByRole('heading', { name: 'Token Admin' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign in with Genesys Cloud' }).click();
    await expect(page.getByText('Choose the region your Genesys Cloud organisation is in.')).toBeVisible();

    await page.goto('token?gcHostOrigin=https://apps.mypurecloud.ie&gcTargetEnv=prod-euw1');
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page).toHaveURL(/\/token\?gcHostOrigin=/);
    await expect(page.getByTestId('acting-as')).toContainText('EMEA (Dublin)');
  });
});
