import { EMULATOR_URL } from './env.ts';
import { expect, signInAs, test } from './fixtures.ts';

/** `npm run screenshots` refreshes the README's pictures from the running app. */
const DIR = 'docs/screenshots';

test.use({ viewport: { width: 1280, height: 800 } });

test('the sign-in page of the emulator', async ({ page }) => {
  await page.goto('token');
  await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
  await page.screenshot({ path: `${DIR}/sign-in.png` });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the token page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signInAs(page, 'admin@example.com');
    await page.getByRole('button', { name: 'Verify token' }).click();
    await expect(page.getByText('Token is valid')).toBeVisible();
    await page.screenshot({ path: `${DIR}/token-${scheme}.png`, fullPage: true });
  });
}

test('the trustee banner', async ({ page }) => {
  await signInAs(page, 'trustee@partner.example.com');
  await expect(page.getByText('Trustee session')).toBeVisible();
  await page.screenshot({ path: `${DIR}/trustee.png`, fullPage: true });
});

test('the idle timeout page, with the summary before saving', async ({ page }) => {
  await signInAs(page, 'admin@example.com', 'settings/idle-timeout');
  await expect(page.getByText('members').first()).toBeVisible();
  await page.screenshot({ path: `${DIR}/idle-timeout.png`, fullPage: true });
  await page.getByRole('region', { name: 'Organisation' }).getByLabel('Timeout', { exact: true }).fill('45');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const save = page.getByRole('dialog', { name: 'Save the idle timeout?' });
  await expect(save.getByRole('button', { name: 'Save changes' })).toBeEnabled();
  await expect(save).toHaveCSS('opacity', '1');
  await page.screenshot({ path: `${DIR}/idle-timeout-save.png` });
});

test('the supervisor’s read-only idle timeout page explains their 2-hour rule', async ({ page }) => {
  await signInAs(page, 'supervisor@example.com', 'settings/idle-timeout');
  await expect(page.getByText('Groups: Supervisors.')).toBeVisible();
  await page.screenshot({ path: `${DIR}/idle-timeout-read-only.png`, fullPage: true });
});

test('searching users', async ({ page }) => {
  await signInAs(page, 'admin@example.com', 'users?q=smith');
  await expect(page.getByRole('list', { name: 'Matching users' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: `${DIR}/users.png` });
});

test('a user after their tokens were revoked (dark)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signInAs(page, 'admin@example.com', 'users/a11ce000-0000-4000-8000-000000000003');
  await page.getByRole('button', { name: 'Revoke all tokens' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke all tokens of Ari Agent?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toHaveCSS('opacity', '1');
  await page.screenshot({ path: `${DIR}/revoke-dialog.png` });
  await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await page.screenshot({ path: `${DIR}/user-revoked.png`, fullPage: true });
});

test('the activity journal', async ({ page, emulator }) => {
  await signInAs(page, 'admin@example.com', 'users/a11ce000-0000-4000-8000-000000000003');
  await page.getByRole('button', { name: 'Revoke all tokens' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke all tokens' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  await emulator.injectFault({ method: 'DELETE', path: '/api/v2/tokens/*', status: 503, count: 1, code: 'service.unavailable', message: 'Service Unavailable.' });
  await page.goto('users/a11ce000-0000-4000-8000-000000000002');
  await page.getByRole('button', { name: 'Revoke all tokens' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke all tokens' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  await expect(page.getByText('Revoked all tokens of Sam Supervisor')).toBeVisible();
  await page.screenshot({ path: `${DIR}/activity.png`, fullPage: true });
});

test('bulk revoke: the checked list, then a finished run', async ({ page }) => {
  await signInAs(page, 'admin@example.com', 'bulk-revoke');
  await page
    .getByLabel('Emails and user ids')
    .fill(['agent@example.com', 'a11ce000-0000-4000-8000-000000000002', 'nobody@example.com', 'ari@', 'agent@example.com'].join('\n'));
  await page.getByLabel('Reason (optional)').fill('INC-4711');
  await page.getByRole('button', { name: 'Check the list' }).click();
  await expect(page.getByRole('group', { name: 'What Genesys Cloud found' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/bulk-preview.png`, fullPage: true });
  await page.getByRole('button', { name: 'Revoke the tokens of 2 users…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke 2 users' }).click();
  await expect(page.getByRole('status', { name: 'Counts' })).toContainText('Revoked2');
  await expect(page.getByText('Finished', { exact: true })).toBeVisible();
  await page.screenshot({ path: `${DIR}/bulk-run.png`, fullPage: true });
});
