import { expect, signInAs, test } from './fixtures.ts';

const AGENT_ID = 'a11ce000-0000-4000-8000-000000000003';

/**
 * A few cells of the fault matrix (test/faultMatrix.ts) over real HTTP, where only a browser
 * shows them: a connection cut, a response without CORS headers, a proxy's page.
 */
test.describe('When Genesys, or what stands in front of it, fails', () => {
  test('a guest-network page answering GET tokens/me is not taken for the token, and Try again reads it', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await emulator.injectFault({ method: 'GET', path: '/api/v2/tokens/me', status: 200, rawBody: '<!doctype html><h1>Sign in to the guest network</h1>', count: 1 });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't load your token" });
    await expect(alert).toContainText('a web page (HTML) instead of data');
    await expect(alert).toContainText(/Correlation id for support: [0-9a-f-]{36}/);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
  });

  test('an answer the browser refuses for want of CORS headers is a failure to reach Genesys, retried, then Try again', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com', 'users?q=smith');
    await expect(page.getByText(/users match “smith”/)).toBeVisible();
    // Every try of the read: the first and the client's two retries.
    await emulator.injectFault({ method: 'POST', path: '/api/v2/users/search', kind: 'no-cors', count: 3 });
    const search = page.getByRole('searchbox', { name: 'Search users' });
    await search.fill('jones');
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't search users" });
    await expect(alert).toContainText('Could not reach');
    await expect(search).toHaveValue('jones');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(alert).toBeHidden();
  });

  test('a connection cut under a read: retried, then said in words, and Try again reads it', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com', `users/${AGENT_ID}`);
    // More than the client's three tries: Chromium itself sends a request again, once, when a
    // kept-alive connection drops before any answer.
    await emulator.injectFault({ method: 'GET', path: `/api/v2/users/${AGENT_ID}`, kind: 'drop', count: 10 });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: "Couldn't load this user" });
    await expect(alert).toContainText('Could not reach');
    await emulator.clearFaults();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('region', { name: 'Profile' })).toBeVisible();
  });

  test('a revocation whose answer the browser refuses is not sent again by itself: the dialog says it may or may not have happened', async ({ page, emulator }) => {
    const deletes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'DELETE' && request.url().endsWith(`/api/v2/tokens/${AGENT_ID}`)) deletes.push(request.url());
    });
    await signInAs(page, 'admin@example.com', `users/${AGENT_ID}`);
    // Genesys revokes them, but the answer comes without CORS headers: the page cannot read it.
    await emulator.injectFault({ method: 'DELETE', path: `/api/v2/tokens/${AGENT_ID}`, kind: 'no-cors', count: 1 });
    await page.getByRole('button', { name: 'Revoke all tokens' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
    await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();
    const alert = dialog.getByRole('alert').filter({ hasText: "Couldn't revoke the tokens" });
    await expect(alert).toContainText(/may or may not have/);
    expect(deletes).toHaveLength(1);
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Tokens revoked at', { exact: false })).toBeVisible();
    expect(deletes).toHaveLength(2);
  });
});
