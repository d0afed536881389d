import type { Page } from '@playwright/test';
import { ADMIN_ID } from './accounts.ts';
import { APP_URL, EMULATOR_URL } from './env.ts';
import { assertNoA11yViolations, expect, signInAs, signInElsewhere, signInOnGenesysPage, test } from './fixtures.ts';

const AGENT_ID = 'a11ce000-0000-4000-8000-000000000003';
const SUPERVISOR_ID = 'a11ce000-0000-4000-8000-000000000002';
const UNKNOWN_ID = '0badc0de-0000-4000-8000-000000000000';

/** Opens a user's page the way a link from a ticket does. */
async function goToUser(page: Page, userId: string, name: string) {
  await page.goto(`users/${userId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search users' });
}

function results(page: Page) {
  return page.getByRole('list', { name: 'Matching users' }).getByRole('listitem');
}

async function openRevokeDialog(page: Page, title: string) {
  await page.getByRole('button', { name: 'Revoke all tokens' }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('Finding a user', () => {
  test('"smith" finds the seeded Smiths, a page at a time, with the search in the address', async ({ page }) => {
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${EMULATOR_URL}/api/v2/users/search`) searches.push(request.postData() ?? '');
    });
    await signInAs(page, 'admin@example.com', 'users');
    await expect(searchBox(page)).toBeFocused();
    await searchBox(page).pressSequentially('smith', { delay: 60 });

    const status = page.getByRole('status').filter({ hasText: /match/ });
    await expect(status).toContainText(/\d+ users match “smith”/);
    expect(searches.length, 'a typed name is searched at most twice').toBeLessThanOrEqual(2);
    await expect(page).toHaveURL(`${APP_URL}users?q=smith`);
    const total = Number(/(\d+) users match/.exec((await status.textContent()) ?? '')?.[1]);
    await expect(results(page)).toHaveCount(Math.min(total, 25));
    for (const row of await results(page).all()) await expect(row).toContainText(/smith/i);

    expect(total, 'the seed has more than a page of Smiths').toBeGreaterThan(25);
    const firstPage = await results(page).first().textContent();
    await page.getByRole('button', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(`${APP_URL}users?q=smith&page=2`);
    await expect(status).toContainText('page 2 of');
    await expect(results(page)).toHaveCount(total - 25);
    await expect(results(page).first()).not.toHaveText(firstPage ?? '');

    await page.goBack();
    await expect(page).toHaveURL(`${APP_URL}users?q=smith`);
    await expect(results(page).first()).toHaveText(firstPage ?? '');
    await page.goBack();
    await expect(searchBox(page)).toHaveValue('');
    await page.goForward();
    await expect(searchBox(page)).toHaveValue('smith');
  });

  test('a shared search link opens the same results, with inactive users marked', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users?q=hansen');
    await expect(searchBox(page)).toHaveValue('hansen');
    await expect(page.getByRole('status').filter({ hasText: /match/ })).toContainText('“hansen”');
    const liam = results(page).filter({ hasText: 'Liam Hansen' });
    await expect(liam).toContainText('Inactive');
    await expect(liam).toContainText('liam.hansen@example.com');
  });

  test('an email address searches by email', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users');
    await searchBox(page).fill('mei.smith@example');
    await expect(results(page)).toHaveCount(1);
    await expect(results(page).first()).toContainText('Mei Smith');
  });

  test('a pasted user id opens that user', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users');
    await searchBox(page).fill(AGENT_ID);
    await expect(page).toHaveURL(`${APP_URL}users/${AGENT_ID}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ari Agent' })).toBeVisible();
    const profile = page.getByRole('region', { name: 'Profile' });
    await expect(profile).toContainText('agent@example.com');
    await expect(profile).toContainText('Customer Service Agent');
    await expect(page.getByRole('region', { name: 'Ids' })).toContainText(AGENT_ID);
    await expect(page.getByRole('button', { name: 'Copy user id' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sign-ins' })).toContainText(/ago/);
    const signIns = page.getByRole('region', { name: 'Sign-ins' });
    await expect(signIns).toContainText("Signed out after 30 minutes without activity: the organisation's timeout.");
    await expect(signIns.getByRole('link', { name: 'Why?' })).toHaveAttribute('href', `/tools/tokens/settings/idle-timeout?user=${AGENT_ID}`);
  });

  test('a shared link that searches for a user id opens that user', async ({ page }) => {
    await signInAs(page, 'admin@example.com', `users?q=${AGENT_ID}`);
    await expect(page).toHaveURL(`${APP_URL}users/${AGENT_ID}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ari Agent' })).toBeVisible();
  });

  test('the user page says which idle timeout applies: a supervisor gets their group bundle', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users/a11ce000-0000-4000-8000-000000000002');
    await expect(page.getByRole('region', { name: 'Sign-ins' })).toContainText('Signed out after 2 hours without activity: group bundle priority 1.');
  });

  test('input that cannot match anyone says why, without searching', async ({ page }) => {
    const searches: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v2/users/search')) searches.push(request.postData() ?? '');
    });
    await signInAs(page, 'admin@example.com', 'users');
    await searchBox(page).fill('12345');
    await expect(page.getByRole('status').filter({ hasText: 'No user can match this' })).toContainText('no user can match');
    await searchBox(page).fill('a11ce000-0000');
    await expect(page.getByRole('status').filter({ hasText: 'No user can match this' })).toContainText('part of a user id');
    // A real name searches at once; had the junk been sent, its search would have gone first.
    await Promise.all([page.waitForRequest((r) => r.url().endsWith('/api/v2/users/search')), searchBox(page).fill('smith')]);
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain('smith');
  });

  test('an id that is malformed or unknown says "No such user" with a way back to search', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users/not-a-user');
    await expect(page.getByRole('heading', { name: 'No such user' })).toBeVisible();
    await expect(page.getByText('“not-a-user” is not a user id')).toBeVisible();

    await page.goto(`users/${UNKNOWN_ID}`);
    await expect(page.getByRole('heading', { name: 'No such user' })).toBeVisible();
    await expect(page.getByText(/has no user with the id/)).toContainText(UNKNOWN_ID);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('link', { name: 'Search users' }).click();
    await expect(searchBox(page)).toBeVisible();
  });

  test('from the keyboard: / focuses the search, arrows move through results, Enter opens one', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users?q=smith');
    await expect(results(page).first()).toBeVisible();
    await page.getByRole('heading', { name: 'Users' }).click();
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    const links = page.getByRole('list', { name: 'Matching users' }).getByRole('link');
    await expect(links.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(links.nth(1)).toBeFocused();
    const name = (await links.nth(1).textContent()) ?? '';
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('Ctrl+K on any page opens a quick search that jumps to a user', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await page.keyboard.press('Control+K');
    const quick = page.getByRole('textbox', { name: 'Quick user search' });
    await expect(quick).toBeFocused();
    await quick.fill('mei smith');
    await page.getByRole('button', { name: /^Mei Smith mei\.smith@/ }).click();
    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mei Smith' })).toBeVisible();

    await page.keyboard.press('Control+K');
    await quick.fill(AGENT_ID);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Ari Agent' })).toBeVisible();
  });

  test('without directory:user:view the Users page names the permission instead of searching', async ({ page }) => {
    await signInAs(page, 'agent@example.com', 'users');
    await expect(page.getByRole('note').filter({ hasText: 'You may not search users' })).toContainText('directory:user:view');
    await expect(searchBox(page)).toHaveCount(0);
  });
});

test.describe('Revoking a user’s tokens', () => {
  test('the admin revokes the agent while the agent is signed in elsewhere; the agent’s next action ends their session', async ({ page, browser }) => {
    const agent = await signInElsewhere(browser, 'agent@example.com');
    await signInAs(page, 'admin@example.com', `users/${AGENT_ID}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ari Agent' })).toBeVisible();

    const dialog = await openRevokeDialog(page, 'Revoke all tokens of Ari Agent?');
    await expect(dialog).toContainText('agent@example.com');
    await expect(dialog).toContainText(AGENT_ID);
    await expect(dialog).toContainText('If they are an agent on a call, the call may be disconnected');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();

    await expect(dialog).toBeHidden();
    const status = page.getByRole('status').filter({ hasText: 'Tokens revoked at' });
    await expect(status).toContainText('Not signed in again since');
    await expect(page.getByRole('region', { name: 'Done from this browser' })).toContainText('Revoked all tokens of Ari Agent');

    await agent.getByRole('button', { name: 'Verify token' }).click();
    await expect(agent.getByRole('heading', { name: 'Your session ended' })).toBeVisible();

    // The agent signs in again: the question an incident responder asks next has a new answer.
    await agent.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(agent, 'agent@example.com');
    await expect(agent.getByRole('heading', { name: 'My token' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toContainText('Signed in again since');
    await agent.context().close();
  });

  test('the supervisor can revoke too', async ({ page }) => {
    await signInAs(page, 'supervisor@example.com', `users/${AGENT_ID}`);
    const dialog = await openRevokeDialog(page, 'Revoke all tokens of Ari Agent?');
    await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  });

  test('the agent sees the button disabled, with the permission named, also from the keyboard', async ({ page }) => {
    await signInAs(page, 'agent@example.com', `users/${SUPERVISOR_ID}`);
    await expect(page.getByRole('note').filter({ hasText: "You may not view users' details" })).toContainText('directory:user:view');
    const button = page.getByRole('button', { name: 'Revoke all tokens' });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByText('You may not revoke tokens: that needs the Genesys Cloud permission oauth:token:delete.')).toBeVisible();
    await button.focus();
    await expect(page.getByRole('tooltip')).toHaveText('Needs the oauth:token:delete permission');
    await button.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('revoking yourself warns that it signs you out, then shows the session-ended page', async ({ page }) => {
    await signInAs(page, 'admin@example.com', `users/${ADMIN_ID}`);
    const dialog = await openRevokeDialog(page, 'Revoke all of your own tokens?');
    await expect(dialog).toContainText('this signs you out');
    await dialog.getByRole('button', { name: 'Revoke and sign me out' }).click();
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    await expect(page.getByText('You revoked all of your own tokens')).toBeVisible();
  });

  test('a failure shows Genesys’ message and the correlation id, and Try again succeeds', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com', `users/${AGENT_ID}`);
    await emulator.injectFault({ method: 'DELETE', path: `/api/v2/tokens/${AGENT_ID}`, status: 503, code: 'service.unavailable', message: 'The service is currently unavailable.' });
    const dialog = await openRevokeDialog(page, 'Revoke all tokens of Ari Agent?');
    await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText("Couldn't revoke the tokens");
    await expect(alert).toContainText('The service is currently unavailable.');
    await expect(alert).toContainText('Correlation id for support');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  });

  test('a rate-limited revocation waits with a visible countdown and goes through by itself', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com', `users/${AGENT_ID}`);
    await emulator.injectFault({ method: 'DELETE', path: `/api/v2/tokens/${AGENT_ID}`, status: 429, retryAfterSeconds: 3 });
    const dialog = await openRevokeDialog(page, 'Revoke all tokens of Ari Agent?');
    const confirm = dialog.getByRole('button', { name: 'Revoke all tokens' });
    await confirm.click();
    await expect(dialog.getByRole('status').filter({ hasText: 'rate limiting' })).toContainText(/tries again by itself in \d s/);
    await expect(confirm).toHaveAttribute('aria-busy', 'true');
    await expect(dialog).toBeHidden({ timeout: 10_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  });
});

test.describe('Users pages on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('search results and a user page fit the width without sideways scrolling', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users?q=smith');
    await expect(results(page).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await goToUser(page, AGENT_ID, 'Ari Agent');
    await expect(page.getByRole('region', { name: 'Ids' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('Users pages in both schemes', () => {
  test('axe finds nothing serious on search results, a user page, the revoke dialog and the quick search', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users?q=smith');
    await expect(results(page).first()).toBeVisible();
    await assertNoA11yViolations(page, 'search results');

    await searchBox(page).fill('12345');
    await expect(page.getByText('No user can match this')).toBeVisible();
    await assertNoA11yViolations(page, 'unmatchable search');

    await goToUser(page, AGENT_ID, 'Ari Agent');
    await expect(page.getByRole('region', { name: 'Profile' })).toBeVisible();
    await assertNoA11yViolations(page, 'user page');

    const dialog = await openRevokeDialog(page, 'Revoke all tokens of Ari Agent?');
    // Colours are checked once the dialog has faded in.
    await expect(dialog).toHaveCSS('opacity', '1');
    await assertNoA11yViolations(page, 'revoke dialog');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+K');
    await page.getByRole('textbox', { name: 'Quick user search' }).fill('smith');
    await expect(page.getByRole('button', { name: /Smith/ }).first()).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Quick user search' })).toHaveCSS('opacity', '1');
    await assertNoA11yViolations(page, 'quick search');
  });

  test('axe finds nothing serious for the agent: permission notices and the disabled button', async ({ page }) => {
    await signInAs(page, 'agent@example.com', `users/${SUPERVISOR_ID}`);
    await expect(page.getByRole('button', { name: 'Revoke all tokens' })).toBeVisible();
    await assertNoA11yViolations(page, 'user page without permissions');
    await page.goto(`users/${UNKNOWN_ID}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await assertNoA11yViolations(page, 'users page without permission');
  });
});
