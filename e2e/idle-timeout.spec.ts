import type { Page } from '@playwright/test';
import { EMULATOR_URL } from './env.ts';
import { assertNoA11yViolations, expect, signInAs, test, type EmulatorControl } from './fixtures.ts';

const PATH = 'settings/idle-timeout';

/** Opens the page signed in as `email` and waits for the stored settings. */
async function openIdleTimeout(page: Page, email = 'admin@example.com') {
  await signInAs(page, email, PATH);
  const organisation = page.getByRole('region', { name: 'Organisation' });
  await expect(organisation.getByLabel('Timeout', { exact: true })).toHaveValue(/\d/);
  return { organisation, timeout: organisation.getByLabel('Timeout', { exact: true }) };
}

/** Save, then confirm in the summary once the page has checked nobody else changed the settings. */
async function saveAndConfirm(page: Page) {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the idle timeout?' });
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  return dialog;
}

async function storedSettings(emulator: EmulatorControl) {
  const token = await emulator.mintToken('admin@example.com');
  const response = await emulator.api(token, 'GET', '/api/v2/tokens/timeout');
  return (await response.json()) as { idleTokenTimeoutSeconds: number; inactivityTimeoutGroupBundles: { priority: number; timeoutSeconds: number; groups: string[] }[] };
}

test.describe('The idle timeout page', () => {
  // Saves change the emulator for the tests after: every test starts from the seed.
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('setting the organisation’s timeout to 45 minutes shows the change first and keeps it after a reload', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await expect(timeout).toHaveValue('30');
    await timeout.fill('45');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the idle timeout?' });
    await expect(dialog).toContainText('Timeout: 30 minutes → 45 minutes');
    await expect(dialog).toContainText('Idle people are signed out after 45 minutes without activity');
    await expect(dialog).toContainText('On-queue agents whose token idles out go off queue.');
    await expect(dialog).toContainText('Browser sign-ins get no refresh tokens while the idle timeout is on.');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Idle timeout saved')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

    await page.reload();
    await expect(page.getByRole('region', { name: 'Organisation' }).getByLabel('Timeout', { exact: true })).toHaveValue('45');
    expect((await storedSettings(emulator)).idleTokenTimeoutSeconds).toBe(2700);
  });

  test('a second bundle with two groups picked by search is saved', async ({ page, emulator }) => {
    await openIdleTimeout(page);
    await page.getByRole('button', { name: 'Add a bundle' }).click();
    const bundle = page.getByRole('group', { name: 'Priority 2' });
    await bundle.getByLabel('Timeout', { exact: true }).fill('15');
    await bundle.getByLabel('Add groups').fill('tier');
    await bundle.getByRole('button', { name: 'Add Tier 1 Support' }).click();
    await bundle.getByLabel('Add groups').fill('billing');
    await bundle.getByRole('button', { name: 'Add Billing Team' }).click();
    await expect(bundle.getByRole('list', { name: 'Groups in this bundle' })).toContainText(/Tier 1 Support · \d+ members/);
    // Supervisors is in priority 1 already: it cannot be added here.
    await bundle.getByLabel('Add groups').fill('super');
    await expect(bundle.getByRole('button', { name: 'Add Supervisors' })).toBeDisabled();
    await expect(bundle).toContainText('in priority 1');
    await bundle.getByLabel('Add groups').fill('');

    const dialog = await saveAndConfirm(page);
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Idle timeout saved')).toBeVisible();
    const stored = await storedSettings(emulator);
    expect(stored.inactivityTimeoutGroupBundles).toHaveLength(2);
    expect(stored.inactivityTimeoutGroupBundles[1]).toMatchObject({ priority: 2, timeoutSeconds: 900 });
    expect(stored.inactivityTimeoutGroupBundles[1]?.groups).toHaveLength(2);
  });

  test('4 minutes cannot be saved, and the message names the allowed range', async ({ page }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('4');
    await expect(page.getByText('Enter 5 to 480 minutes')).toBeVisible();
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
    await page.getByRole('region', { name: 'Organisation' }).getByLabel('Unit', { exact: true }).selectOption('Hours');
    await timeout.fill('9');
    await expect(page.getByText('Enter 1 to 8 hours')).toBeVisible();
  });

  test('a value under 10 minutes asks to be understood before it is saved', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save the idle timeout?' });
    await expect(dialog).toContainText('signs admins out as quickly as anyone');
    await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await dialog.getByLabel(/I understand/).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Idle timeout saved')).toBeVisible();
    expect((await storedSettings(emulator)).idleTokenTimeoutSeconds).toBe(300);
  });

  test('a supervisor sees the settings read-only and which permission is missing', async ({ page }) => {
    const { timeout } = await openIdleTimeout(page, 'supervisor@example.com');
    const notice = page.getByRole('note').filter({ hasText: 'You may not change the idle token timeout' });
    await expect(notice).toContainText('directory:organization:admin');
    await expect(timeout).toHaveAttribute('readonly', '');
    await expect(page.getByRole('switch', { name: 'Enable idle timeout' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add a bundle' })).toHaveCount(0);
  });

  test('“Who gets which timeout” explains the supervisor’s 2-hour rule, and what an edit would change', async ({ page }) => {
    await openIdleTimeout(page, 'supervisor@example.com');
    const panel = page.getByRole('region', { name: 'Who gets which timeout' });
    await expect(panel).toContainText('You: Signed out after 2 hours without activity: group bundle priority 1.');
    await expect(panel).toContainText('Groups: Supervisors.');
    await expect(panel).toContainText('Priority 1 (2 hours) holds Supervisors.');
  });

  test('an admin looks up someone else and sees the unsaved form’s effect on them', async ({ page }) => {
    await openIdleTimeout(page);
    const panel = page.getByRole('region', { name: 'Who gets which timeout' });
    await expect(panel).toContainText("You: Signed out after 30 minutes without activity: the organisation's timeout.");
    await panel.getByLabel('Find someone else').fill('sam super');
    await panel.getByRole('button', { name: /Sam Supervisor/ }).click();
    await expect(panel).toContainText('Sam Supervisor: Signed out after 2 hours without activity: group bundle priority 1.');
    await expect(page).toHaveURL(/user=/);
    await page.getByRole('group', { name: 'Priority 1' }).getByLabel('Timeout', { exact: true }).fill('3');
    await expect(panel.getByRole('status')).toContainText('After you save');
    await expect(panel.getByRole('status')).toContainText('Signed out after 3 hours');
  });

  test('a 500 on save is shown in the dialog, in view, keeps every typed value, and saving again succeeds', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('50');
    await emulator.injectFault({ method: 'PUT', path: '/api/v2/tokens/timeout', status: 500, count: 1, message: 'Something broke inside Genesys Cloud.' });
    await saveAndConfirm(page);
    const dialog = page.getByRole('dialog', { name: 'Save the idle timeout?' });
    const alert = dialog.getByRole('alert').filter({ hasText: "Couldn't save the idle timeout" });
    await expect(alert).toContainText('Something broke inside Genesys Cloud.');
    await expect(alert).toContainText('Correlation id for support');
    await expect(alert).toBeInViewport();
    await expect(timeout).toHaveValue('50');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Idle timeout saved')).toBeVisible();
    expect((await storedSettings(emulator)).idleTokenTimeoutSeconds).toBe(3000);
  });

  test('a rate-limited save counts down, then goes through by itself', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('55');
    await emulator.injectFault({ method: 'PUT', path: '/api/v2/tokens/timeout', status: 429, count: 1, retryAfterSeconds: 3 });
    await saveAndConfirm(page);
    await expect(page.getByRole('status').filter({ hasText: 'Genesys Cloud is rate limiting requests' })).toContainText(/tries again by itself in \d s/);
    await expect(page.getByText('Idle timeout saved')).toBeVisible({ timeout: 10_000 });
    expect((await storedSettings(emulator)).idleTokenTimeoutSeconds).toBe(3300);
  });

  test('a 403 on save names the permission and keeps the values', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('25');
    await emulator.injectFault({
      method: 'PUT',
      path: '/api/v2/tokens/timeout',
      status: 403,
      code: 'missing.permissions',
      message: 'You are missing the following permission(s): directory:organization:admin',
    });
    await saveAndConfirm(page);
    const notice = page.getByRole('note').filter({ hasText: 'You may not save the idle timeout' });
    await expect(notice).toContainText('directory:organization:admin');
    await expect(timeout).toHaveValue('25');
  });

  test('with HIPAA on, a refused value says why by the field', async ({ page, emulator }) => {
    await emulator.setHipaa(true);
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('20');
    await saveAndConfirm(page);
    await expect(page.getByText(/HIPAA compliance on, which caps every idle timeout at 15 minutes/).first()).toBeVisible();
    await expect(timeout).toHaveValue('20');
  });

  test('leaving with unsaved changes asks first: by a link, by Back and by closing the tab', async ({ page }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('40');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My token' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(ask).toBeHidden();
    await expect(timeout).toHaveValue('40');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My token' }).click();
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Idle timeout' }).click();
    const again = page.getByRole('region', { name: 'Organisation' }).getByLabel('Timeout', { exact: true });
    await again.fill('41');
    // Back, too, asks first.
    await page.goBack();
    await ask.getByRole('button', { name: 'Stay on this page' }).click();
    await expect(again).toHaveValue('41');
    const prompt = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await prompt;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
  });

  test('settings changed elsewhere are offered on the next interaction after returning, never forced', async ({ page, request, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.fill('40');
    // Another admin saves from another browser.
    const token = await emulator.mintToken('admin@example.com');
    const put = await request.put(`${EMULATOR_URL}/api/v2/tokens/timeout`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 3600, inactivityTimeoutUnit: 'Hours', inactivityTimeoutGroupsEnabled: true },
    });
    expect(put.status(), await put.text()).toBe(200);

    // The tab regains focus: nothing is read until the admin does something.
    const reads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v2/tokens/timeout')) reads.push(r.method());
    });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    expect(reads).toEqual([]);
    await page.getByRole('heading', { name: 'Idle timeout', level: 1 }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Someone else changed these settings' });
    await expect(banner).toContainText('Timeout: 30 minutes → 1 hour');
    await expect(timeout).toHaveValue('40');
    await banner.getByRole('button', { name: 'Load their settings' }).click();
    await expect(timeout).toHaveValue('1');
    await expect(page.getByRole('region', { name: 'Organisation' }).getByLabel('Unit', { exact: true })).toHaveValue('Hours');
  });

  test('the token page’s idle line links here', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await page.getByRole('region', { name: 'Lifetime' }).getByRole('link', { name: 'Why this timeout?' }).click();
    await expect(page.getByRole('heading', { name: 'Idle timeout', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Who gets which timeout' })).toContainText('You:');
  });

  test('keyboard only: change the timeout, reorder bundles and save', async ({ page, emulator }) => {
    const { timeout } = await openIdleTimeout(page);
    await timeout.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('35');
    await page.getByRole('button', { name: 'Add a bundle' }).focus();
    await page.keyboard.press('Enter');
    const second = page.getByRole('group', { name: 'Priority 2' });
    // Focus goes into the bundle just added, and nothing is red before it is touched.
    await expect(second.getByLabel('Timeout')).toBeFocused();
    await expect(second.getByText('Pick at least one group')).toHaveCount(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(second.getByLabel('Add groups')).toBeFocused();
    await page.keyboard.type('night');
    await expect(second.getByRole('button', { name: 'Add Night Shift' })).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(second.getByRole('button', { name: 'Add Night Shift' })).toBeFocused();
    await page.keyboard.press('Enter');
    // The group is in, and focus is back in the search for the next one.
    await expect(second.getByLabel('Add groups')).toBeFocused();
    await second.getByRole('button', { name: 'Move up' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('group', { name: 'Priority 1' }).getByRole('list', { name: 'Groups in this bundle' })).toContainText('Night Shift');

    await page.getByRole('button', { name: 'Save', exact: true }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Save the idle timeout?' });
    // Focus starts on Cancel; the confirm is one Tab away once the check for other changes is done.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Save changes' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Idle timeout saved')).toBeVisible();
    const stored = await storedSettings(emulator);
    expect(stored.idleTokenTimeoutSeconds).toBe(2100);
    expect(stored.inactivityTimeoutGroupBundles.map((b) => b.priority)).toEqual([1, 2]);
  });
});

test.describe('The idle timeout page in both schemes', () => {
    test('axe finds nothing serious on the form with changes, the summary and the read-only view', async ({ page }) => {
      const { timeout } = await openIdleTimeout(page);
      await timeout.fill('4');
      await expect(page.getByText('Enter 5 to 480 minutes')).toBeVisible();
      await assertNoA11yViolations(page, `the idle timeout form with an error`);
      await timeout.fill('45');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Save the idle timeout?' }).getByRole('button', { name: 'Save changes' })).toBeEnabled();
      await assertNoA11yViolations(page, `the save summary`);
    });

    test('axe finds nothing serious on the read-only view', async ({ page }) => {
      await openIdleTimeout(page, 'supervisor@example.com');
      await expect(page.getByRole('region', { name: 'Who gets which timeout' })).toContainText('Groups: Supervisors.');
      await assertNoA11yViolations(page, `the read-only idle timeout page`);
    });
});
