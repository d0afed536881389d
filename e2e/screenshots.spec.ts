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
