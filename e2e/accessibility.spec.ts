import type { Page } from '@playwright/test';
import { EMULATOR_URL } from './env.ts';
import { assertNoA11yViolations, expect, signInAs, test } from './fixtures.ts';

/** Each page of the app, reached the way a user reaches it. */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'the token page',
    open: async (page) => {
      await signInAs(page, 'admin@example.com');
      await expect(page.getByRole('region', { name: 'OAuth client' })).toBeVisible();
    },
  },
  {
    name: 'the token page of a trustee, with the banner and a verify result',
    open: async (page) => {
      await signInAs(page, 'trustee@partner.example.com');
      await page.getByRole('button', { name: 'Verify token' }).click();
      await expect(page.getByText('Token is valid')).toBeVisible();
    },
  },
  {
    name: 'the sign-out dialog',
    open: async (page) => {
      await signInAs(page, 'admin@example.com');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'the signed-out screen',
    open: async (page) => {
      await signInAs(page, 'admin@example.com');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByText('You are signed out')).toBeVisible();
    },
  },
  {
    name: 'the sign-in error screen',
    open: async (page) => {
      await page.goto('token');
      await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByText('Sign-in cancelled')).toBeVisible();
    },
  },
  {
    name: 'the session-ended page',
    open: async (page) => {
      // Only the app records an ended session; the page shows nothing else.
      await page.addInitScript(() =>
        sessionStorage.setItem('token-admin:session-ended', JSON.stringify({ returnTo: '/token', cause: 'idle', at: Date.now() - 60_000 })),
      );
      await page.goto('session-ended');
      await expect(page.getByRole('heading', { name: 'Your session ended' })).toBeVisible();
    },
  },
  {
    name: 'a rate-limited first load',
    open: async (page) => {
      await signInAs(page, 'admin@example.com');
      await page.request.post(`${EMULATOR_URL}/__emulator/faults`, {
        data: { method: 'GET', path: '/api/v2/tokens/me', status: 429, count: 1, retryAfterSeconds: 30 },
      });
      await page.reload();
      await expect(page.getByText('Genesys Cloud is rate limiting requests')).toBeVisible();
    },
  },
  {
    name: 'the not-found page',
    open: async (page) => {
      await signInAs(page, 'admin@example.com', 'missing-page');
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    },
  },
  {
    name: 'the configuration error page',
    open: async (page) => {
      await page.route('**/config.json', (route) => route.fulfill({ body: '{ not json' }));
      await page.goto('token');
      await expect(page.getByRole('heading', { name: 'Token Admin is not configured correctly' })).toBeVisible();
    },
  },
  {
    name: 'the startup error page of a browser that blocks the site its storage',
    open: async (page) => {
      await page.addInitScript(() => {
        Object.defineProperty(window, 'sessionStorage', {
          get: () => {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await page.goto('token');
      await expect(page.getByRole('heading', { name: "Token Admin couldn't start" })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText("Your browser blocks this site's storage");
      // Not left saying it is loading.
      await expect(page.getByText('Loading Token Admin…')).toHaveCount(0);
    },
  },
  {
    name: 'the region picker',
    open: async (page) => {
      await page.route('**/config.json', (route) => route.fulfill({ json: { clientId: '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13' } }));
      await page.goto('token');
      await page.getByRole('button', { name: 'Sign in with Genesys Cloud' }).click();
      await expect(page.getByText('Choose the region')).toBeVisible();
    },
  },
  {
    name: "the emulator's sign-in page",
    open: async (page) => {
      await page.goto('token');
      await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
      await page.getByLabel('Email').fill('nobody@example.com');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
];

test.describe('Accessibility in both schemes', () => {
  for (const { name, open } of PAGES) {
    test(`axe finds nothing serious on ${name}`, async ({ page }) => {
      await open(page);
      await assertNoA11yViolations(page, name);
    });
  }
});

test.describe('Keyboard use', () => {
  test('the skip link, verify and sign-out all work from the keyboard', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();

    await page.getByRole('button', { name: 'Verify token' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Token is valid')).toBeVisible();

    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign out of Token Admin?' });
    await expect(dialog).toBeVisible();
    // Focus starts on Cancel: Enter, Enter must not sign anyone out.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'My token' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the colour scheme can be switched and is remembered', async ({ page }) => {
    await signInAs(page, 'admin@example.com');
    const html = page.locator('html');
    const before = await html.getAttribute('data-mantine-color-scheme');
    const next = before === 'dark' ? 'light' : 'dark';
    await page.getByRole('button', { name: `Switch to ${next} theme` }).click();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', next);
    await page.reload();
    await expect(html).toHaveAttribute('data-mantine-color-scheme', next);
  });
});
