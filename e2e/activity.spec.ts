import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { assertNoA11yViolations, expect, signInAs, signInOnGenesysPage, test, type EmulatorControl } from './fixtures.ts';

const AGENT_ID = 'a11ce000-0000-4000-8000-000000000003';
const SUPERVISOR_ID = 'a11ce000-0000-4000-8000-000000000002';

/** Revokes a user's tokens from their page; with `failWith`, Genesys answers that status once. */
async function revoke(page: Page, userId: string, name: string, emulator?: EmulatorControl, failWith?: number) {
  await page.goto(`users/${userId}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  if (emulator && failWith) {
    await emulator.injectFault({ method: 'DELETE', path: `/api/v2/tokens/${userId}`, status: failWith, code: 'service.unavailable', message: 'The service is currently unavailable.' });
  }
  await page.getByRole('button', { name: 'Revoke all tokens' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Revoke all tokens' }).click();
  if (failWith) {
    await expect(dialog.getByRole('alert')).toContainText('The service is currently unavailable.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  } else {
    await expect(page.getByRole('status').filter({ hasText: 'Tokens revoked at' })).toBeVisible();
  }
}

async function openActivity(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
}

function entries(page: Page) {
  return page.getByRole('list', { name: 'Activity entries' }).getByRole('listitem');
}

test.describe('The activity journal', () => {
  test('lists the revocations, filters them and exports them as CSV and JSON', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await revoke(page, AGENT_ID, 'Ari Agent');
    await revoke(page, SUPERVISOR_ID, 'Sam Supervisor', emulator, 503);
    await openActivity(page);

    await expect(page.getByRole('note').filter({ hasText: "Only this browser's record" })).toContainText("not the organisation's audit log");
    await expect(entries(page)).toHaveCount(2);
    const failed = entries(page).first();
    await expect(failed).toContainText('Revoked all tokens of Sam Supervisor');
    await expect(failed).toContainText('Failed');
    await expect(failed).toContainText('The service is currently unavailable.');
    await expect(failed).toContainText('By Avery Admin in Example Org');
    await expect(failed).toContainText('Correlation id');
    await expect(entries(page).nth(1)).toContainText('Succeeded');
    await expect(entries(page).nth(1).getByRole('link', { name: 'Ari Agent' })).toBeVisible();

    // The result filter, from the keyboard: a radio group.
    await page.getByRole('radio', { name: 'All' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Failed' })).toBeChecked();
    await expect(entries(page)).toHaveCount(1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
    await page.getByLabel('Filter activity').fill('agent@example');
    await expect(entries(page)).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: 'entr' })).toHaveText('1 matching entry of 2');
    await page.getByLabel('Filter activity').fill('');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^token-admin-activity-example-org-.*\.csv$/);
    const csv = await readFile(await csvDownload.path(), 'utf8');
    // UTF-8 with a BOM, so a spreadsheet reads names right.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('at,organizationId,organizationName,actorId,actorName,actorEmail,action,summary,targetId,targetName,targetEmail,runId,reason,result,error,correlationId');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Revoked all tokens of Sam Supervisor');
    expect(lines[1]).toContain('failure');
    expect(lines[2]).toContain(`${AGENT_ID},Ari Agent,agent@example.com,,,success`);

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const json = JSON.parse(await readFile(await jsonDownload.path(), 'utf8')) as { entries: { result: string; target: { id: string } }[] };
    expect(json.entries.map((e) => [e.target.id, e.result])).toEqual([
      [SUPERVISOR_ID, 'failure'],
      [AGENT_ID, 'success'],
    ]);
  });

  test('survives signing out and in again, and clears only after confirming', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await revoke(page, AGENT_ID, 'Ari Agent');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('You are signed out')).toBeVisible();
    await page.getByRole('button', { name: 'Sign in with Genesys Cloud' }).click();
    await signInOnGenesysPage(page, 'admin@example.com');
    await openActivity(page);
    await expect(entries(page)).toHaveCount(2);
    await expect(entries(page).first()).toContainText('Signed out');
    await page.reload();
    await expect(entries(page)).toHaveCount(2);

    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: "Clear this browser's activity?" });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(entries(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    await dialog.getByRole('button', { name: 'Clear activity' }).click();
    await expect(page.getByText('Nothing yet.')).toBeVisible();
  });

  test('axe finds nothing serious on the journal and its clear dialog', async ({ page, emulator }) => {
    await signInAs(page, 'admin@example.com');
    await revoke(page, AGENT_ID, 'Ari Agent');
    await revoke(page, SUPERVISOR_ID, 'Sam Supervisor', emulator, 503);
    await openActivity(page);
    await expect(entries(page)).toHaveCount(2);
    await assertNoA11yViolations(page, 'activity');
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    // Colours are checked once the dialog has faded in.
    await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1');
    await assertNoA11yViolations(page, 'clear dialog');
  });

  test('on a phone the journal fits the width without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, 'admin@example.com');
    await revoke(page, AGENT_ID, 'Ari Agent');
    await openActivity(page);
    await expect(entries(page)).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
