import { APP_URL, EMULATOR_URL } from './env.ts';
import { assertNoA11yViolations, expect, test } from './fixtures.ts';

test.describe("The emulator's sign-in page on a phone", () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true });

  test('fits 390 px without scrolling sideways, and a demo account signs in with a tap', async ({ page }) => {
    await page.goto('token');
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const buttons = [
      page.getByRole('button', { name: 'Sign in', exact: true }),
      page.getByRole('button', { name: 'Cancel' }),
      ...['admin@example.com', 'supervisor@example.com', 'agent@example.com', 'trustee@partner.example.com'].map((email) =>
        page.getByRole('button', { name: `Sign in as ${email}` }),
      ),
    ];
    for (const button of buttons) {
      const box = await button.boundingBox();
      expect(box, 'a visible button').not.toBeNull();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    }
    await expect(page.getByLabel('Email')).toBeVisible();

    await assertNoA11yViolations(page, 'the sign-in page at 390 px');

    await page.getByRole('button', { name: 'Sign in as agent@example.com' }).tap();
    await expect(page).toHaveURL(`${APP_URL}token`);
    await expect(page.getByRole('heading', { name: 'My token', level: 1 })).toBeVisible();
  });
});
