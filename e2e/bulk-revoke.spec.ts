import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { EMULATOR_URL } from './env.ts';
import { assertNoA11yViolations, expect, sessionToken, signInAs, signInElsewhere, signInOnGenesysPage, test, type EmulatorControl } from './fixtures.ts';

interface SeededUser {
  id: string;
  email: string;
  name: string;
}

/** Seeded users other than the demo accounts, each with a live token to revoke. */
async function targets(emulator: EmulatorControl, count: number): Promise<SeededUser[]> {
  const token = await emulator.mintToken('admin@example.com');
  const response = await emulator.api(token, 'GET', `/api/v2/users?pageSize=${count + 10}&pageNumber=2`);
  const body = (await response.json()) as { entities: SeededUser[] };
  const demo = ['admin@example.com', 'supervisor@example.com', 'agent@example.com', 'trustee@partner.example.com'];
  const users = body.entities.filter((u) => !demo.includes(u.email)).slice(0, count);
  for (const user of users) await emulator.mintToken(user.email);
  return users;
}

/**
 * Counts, per user id, the DELETE /api/v2/tokens/{id} Genesys carried out for the page (a 2xx),
 * across reloads. A 429 is not counted: it was refused, so sending it again revokes nobody twice.
 */
function countDeletes(page: Page): Map<string, number> {
  const deletes = new Map<string, number>();
  page.on('response', (response) => {
    const url = response.url();
    if (response.request().method() !== 'DELETE' || !url.startsWith(`${EMULATOR_URL}/api/v2/tokens/`) || !response.ok()) return;
    const id = url.slice(url.lastIndexOf('/') + 1);
    if (id !== 'me') deletes.set(id, (deletes.get(id) ?? 0) + 1);
  });
  return deletes;
}

async function pasteAndCheck(page: Page, lines: readonly string[], reason?: string) {
  await page.getByLabel('Emails and user ids').fill(lines.join('\n'));
  if (reason) await page.getByLabel('Reason (optional)').fill(reason);
  await page.getByRole('button', { name: 'Check the list' }).click();
  await expect(page.getByRole('group', { name: 'What Genesys Cloud found' })).toBeVisible({ timeout: 20_000 });
}

async function confirmRun(page: Page, count: number) {
  await page.getByRole('button', { name: `Revoke the tokens of ${count} ${count === 1 ? 'user' : 'users'}…` }).click();
  const dialog = page.getByRole('dialog', { name: `Revoke the tokens of ${count} ${count === 1 ? 'user' : 'users'}?` });
  if (count >= 10) await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: `Revoke ${count} ${count === 1 ? 'user' : 'users'}` }).click();
  await expect(page.getByRole('heading', { name: 'Bulk revocation', level: 1 })).toBeVisible();
}

function counts(page: Page) {
  return page.getByRole('status', { name: 'Counts' });
}

test.describe('Bulk revoke', () => {
  test('24 emails and ids with junk: each reason shown, then every user revoked once through 429s', async ({ page, emulator }) => {
    test.setTimeout(90_000);
    const users = await targets(emulator, 24);
    // Headers hidden, so the app cannot see how much of the limit is left: it meets 429s and waits them out.
    await emulator.setQuirks({ exposeHeaders: false });
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    const deletes = countDeletes(page);
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 429) refused.push(response.url());
    });
    const lines = users.map((u, i) => (i % 2 === 0 ? u.email : u.id));
    await pasteAndCheck(page, [...lines, 'nobody@example.com', 'ari@', '1b4e28ba-2fa1-41d2', users[0]?.email.toUpperCase() ?? ''], 'INC-77');
    const table = page.getByRole('table', { name: 'The list, checked' });
    await page.locator('label', { hasText: /^Not revoked/ }).click();
    await expect(table).toContainText('No user has this email address.');
    await expect(table).toContainText('“ari@” is not a complete email address');
    await expect(table).toContainText('not a whole user id');
    await expect(table).toContainText(/Same as line 1/i);
    // A limit of 3 a second for the run itself, under the 4 a second the app assumes without headers.
    await emulator.setRateLimit({ perMinute: 3, windowSeconds: 1 });
    await confirmRun(page, 24);
    await expect(counts(page)).toContainText('Revoked24', { timeout: 60_000 });
    expect(refused.length).toBeGreaterThan(0);
    expect([...deletes.values()].every((n) => n === 1) && deletes.size === 24).toBe(true);
    expect((await emulator.revokedOf(users.map((u) => u.id))).length).toBe(24);
  });

  test('pause stops sending, resume carries on, and a reload mid-run repeats nobody', async ({ page, emulator }) => {
    const users = await targets(emulator, 24);
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await emulator.setRateLimit({ perMinute: 6, windowSeconds: 1 });
    const deletes = countDeletes(page);
    await pasteAndCheck(page, users.map((u) => u.id));
    await confirmRun(page, 24);
    await expect.poll(() => deletes.size).toBeGreaterThan(3);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('paused: nothing is sent until you resume')).toBeVisible();
    const atPause = deletes.size;
    // Nothing goes while paused, not even after a reload.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Bulk revocation', level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(deletes.size).toBe(atPause);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => deletes.size).toBeGreaterThan(atPause + 2);
    // A reload while it runs: the run is taken up again; what was on its way is "not confirmed".
    await page.reload();
    await expect(counts(page)).toContainText(/Waiting0/, { timeout: 30_000 });
    const text = (await counts(page).textContent()) ?? '';
    const revoked = Number(/Revoked(\d+)/.exec(text)?.[1]);
    const notConfirmed = Number(/Not confirmed(\d+)/.exec(text)?.[1]);
    expect(revoked + notConfirmed).toBe(24);
    expect([...deletes.values()].every((n) => n === 1)).toBe(true);
    expect(deletes.size).toBe(revoked + notConfirmed);
  });

  test('a session that ends mid-run: the run carries on after signing in again, nobody twice', async ({ page, emulator }) => {
    const users = await targets(emulator, 20);
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await emulator.setRateLimit({ perMinute: 6, windowSeconds: 1 });
    const deletes = countDeletes(page);
    await pasteAndCheck(page, users.map((u) => u.id));
    await confirmRun(page, 20);
    await expect.poll(() => deletes.size).toBeGreaterThan(3);
    // The admin's token is revoked elsewhere: the run's next request gets a 401.
    await emulator.api(await sessionToken(page), 'DELETE', '/api/v2/tokens/me');
    await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible({ timeout: 15_000 });
    const atEnd = deletes.size;
    await page.getByRole('link', { name: 'Sign in again' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await expect(page.getByRole('heading', { name: 'Bulk revocation', level: 1 })).toBeVisible();
    await expect(counts(page)).toContainText(/Waiting0/, { timeout: 30_000 });
    expect(deletes.size).toBeGreaterThan(atEnd);
    expect([...deletes.values()].every((n) => n === 1)).toBe(true);
    const revoked = await emulator.revokedOf(users.map((u) => u.id));
    expect(revoked.length).toBeGreaterThanOrEqual(19);
  });

  test('a second tab shows the run live and says another tab runs it', async ({ page, emulator }) => {
    const users = await targets(emulator, 16);
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await emulator.setRateLimit({ perMinute: 5, windowSeconds: 1 });
    await pasteAndCheck(page, users.map((u) => u.id));
    await confirmRun(page, 16);
    // Same browser, another tab: a new page in the same context, which signs in on its own.
    const second = await page.context().newPage();
    await second.goto(page.url());
    await signInOnGenesysPage(second, 'admin@example.com');
    await expect(second.getByRole('status').filter({ hasText: 'Running in another tab' })).toBeVisible({ timeout: 10_000 });
    await expect(counts(second)).toContainText('Revoked16', { timeout: 30_000 });
    await expect(counts(page)).toContainText('Revoked16');
  });

  test('revokes every member of a group, picked by search', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await page.getByRole('tab', { name: /Groups/ }).click();
    await page.getByLabel('Add a group').fill('night');
    await page.getByRole('button', { name: 'Add Night Shift' }).click();
    await expect(page.getByRole('list', { name: 'Groups picked' })).toContainText('Night Shift');
    await page.getByRole('button', { name: 'Check the list' }).click();
    const found = page.getByRole('group', { name: 'What Genesys Cloud found' });
    await expect(found).toBeVisible({ timeout: 20_000 });
    const count = Number(/To revoke(\d+)/.exec((await found.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await confirmRun(page, count);
    await expect(counts(page)).toContainText(`Revoked${count}`, { timeout: 30_000 });
  });

  test('users ticked on the Users page, across result pages, are revoked; the report lists every row', async ({ page }) => {
    await signInAs(page, 'admin@example.com', 'users?q=smith');
    const results = page.getByRole('list', { name: 'Matching users' });
    await results.getByRole('checkbox').first().check();
    await results.getByRole('checkbox').nth(1).check();
    const firstOnPageOne = (await results.getByRole('link').first().textContent()) ?? '';
    await page.getByRole('button', { name: 'Next page' }).click();
    // Page 2's own results, not page 1's kept on screen while they load.
    await expect(results.getByRole('link').first()).not.toHaveText(firstOnPageOne);
    await results.getByRole('checkbox').first().check();
    await page.getByRole('link', { name: 'Revoke tokens for 3 selected' }).click();
    await expect(page.getByRole('status').filter({ hasText: '3 users selected on the Users page' })).toBeVisible();
    await page.getByRole('button', { name: 'Check the list' }).click();
    await expect(page.getByRole('group', { name: 'What Genesys Cloud found' })).toContainText('To revoke3', { timeout: 20_000 });
    await confirmRun(page, 3);
    await expect(counts(page)).toContainText('Revoked3', { timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^token-admin-bulk-revoke-.*\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('entry,userId,name,email,result,reason,time,correlationId');
    expect(lines.slice(1).filter((line) => line.includes(',revoked,'))).toHaveLength(3);
    // Activity has one entry for the run, with a link to it.
    await page.getByRole('link', { name: 'Activity' }).click();
    await expect(page.getByRole('list', { name: 'Activity entries' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Open the run and its report' })).toBeVisible();
  });

  test('axe finds nothing serious on the form, the preview, the confirmation and the run', async ({ page, emulator }) => {
    // Eight axe checks, each about a second on 2 cores.
    test.setTimeout(60_000);
    const users = await targets(emulator, 3);
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await assertNoA11yViolations(page, 'bulk revoke form');
    await pasteAndCheck(page, [...users.map((u) => u.email), 'ari@', 'admin@example.com']);
    await assertNoA11yViolations(page, 'bulk revoke preview');
    await page.getByRole('button', { name: 'Revoke the tokens of 3 users…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke the tokens of 3 users?' });
    await expect(dialog).toHaveCSS('opacity', '1');
    await assertNoA11yViolations(page, 'bulk revoke confirmation');
    await dialog.getByRole('button', { name: 'Revoke 3 users' }).click();
    await expect(counts(page)).toContainText('Revoked3', { timeout: 20_000 });
    await assertNoA11yViolations(page, 'bulk revoke run');
  });

  test('on a phone the page fits the width without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('signInElsewhere is a different browser: it does not see this browser\'s runs', async ({ browser, page, emulator }) => {
    const users = await targets(emulator, 2);
    await signInAs(page, 'admin@example.com', 'bulk-revoke');
    await pasteAndCheck(page, users.map((u) => u.id));
    await confirmRun(page, 2);
    await expect(counts(page)).toContainText('Revoked2', { timeout: 20_000 });
    const other = await signInElsewhere(browser, 'admin@example.com', 'bulk-revoke');
    await expect(other.getByText('None yet. A run is kept here, with its report, after it ends.')).toBeVisible();
    await other.context().close();
  });
});
