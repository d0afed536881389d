import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { APP_URL, EMULATOR_URL } from './env.ts';

export { expect };

/** The emulator's fault (README, "The emulator"): `kind` defaults to `status`. */
export interface Fault {
  method: string;
  path: string;
  kind?: 'status' | 'delay' | 'hang' | 'drop' | 'no-cors';
  status?: number;
  count?: number;
  skip?: number;
  delayMs?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  rawBody?: string;
  contentType?: string;
}

/** The emulator's test-only control API plus raw calls to its Genesys API. */
export class EmulatorControl {
  constructor(private readonly request: APIRequestContext) {}

  private async post(path: string, data: unknown) {
    const response = await this.request.post(`${EMULATOR_URL}/__emulator/${path}`, { data });
    expect(response.ok(), `POST /__emulator/${path} answered ${response.status()}`).toBe(true);
    return response;
  }

  async reset() {
    await this.post('reset', {});
  }

  async advanceClock(seconds: number) {
    await this.post('clock', { advanceSeconds: seconds });
  }

  async injectFault(fault: Fault) {
    await this.post('faults', fault);
  }

  async clearFaults() {
    const response = await this.request.delete(`${EMULATOR_URL}/__emulator/faults`);
    expect(response.ok(), `DELETE /__emulator/faults answered ${response.status()}`).toBe(true);
  }

  /** A lower rate limit, in a short window, so a bulk run meets it in seconds (a test-only knob). */
  async setRateLimit(limit: { perMinute: number; windowSeconds?: number }) {
    await this.post('rate-limit', limit);
  }

  /** Which users' tokens are revoked now, of those asked about. */
  async revokedOf(userIds: readonly string[]): Promise<string[]> {
    const revoked: string[] = [];
    for (const id of userIds) {
      const tokens = await this.tokensOf(id);
      if (tokens.length > 0 && tokens.every((t) => t.status !== 'active')) revoked.push(id);
    }
    return revoked;
  }

  /** Behaviour the contract leaves open (DELETE status, exposed headers), to test both readings. */
  async setQuirks(quirks: { deleteStatus?: 200 | 204; exposeHeaders?: boolean }) {
    await this.post('quirks', quirks);
  }

  /** HIPAA compliance on caps every idle timeout at 15 minutes (and lowers stored ones above it). */
  async setHipaa(hipaa: boolean) {
    await this.post('org', { hipaa });
  }

  /** The emulator's record of a user's tokens: when each was last used (its idle timer), its status. */
  async tokensOf(userId: string): Promise<{ lastUsedAt: string; status: string; tokenPrefix: string }[]> {
    const response = await this.request.get(`${EMULATOR_URL}/__emulator/tokens?userId=${userId}`);
    expect(response.ok()).toBe(true);
    return (await response.json()) as { lastUsedAt: string; status: string; tokenPrefix: string }[];
  }

  async mintToken(email: string): Promise<string> {
    const response = await this.post('tokens', { email });
    const body = (await response.json()) as { access_token: string };
    return body.access_token;
  }

  /** A Genesys API call with a bearer token, as a script would make it. */
  api(token: string, method: 'GET' | 'HEAD' | 'DELETE', path: string) {
    return this.request.fetch(`${EMULATOR_URL}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  }
}

/**
 * Content-Security-Policy violations in the app's pages (any origin but the emulator's), for the
 * test that is running: a worker runs one test at a time.
 */
let cspViolations: string[] = [];

/** Reports every `securitypolicyviolation` in the context's app pages to the running test. */
export async function watchForCspViolations(context: BrowserContext) {
  await context.exposeBinding('__reportCspViolation', (_source, violation: { directive: string; blocked: string; page: string; at: string }) => {
    if (new URL(violation.page).origin === EMULATOR_URL) return;
    cspViolations.push(`${violation.directive} blocked ${violation.blocked || 'inline'} in ${violation.page} (${violation.at})`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (violation: object) => Promise<void> }).__reportCspViolation;
      void report({ directive: event.effectiveDirective, blocked: event.blockedURI, page: event.documentURI, at: `${event.sourceFile}:${event.lineNumber}` });
    });
  });
}

/**
 * Records every Mantine component class (`m_` and eight hex digits, one per CSS-module class)
 * that appears in the page, with the first element that had it, while the page lives.
 */
async function watchMantineClasses(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen = new Map<string, string>();
    (window as unknown as { __mantineClasses: Map<string, string> }).__mantineClasses = seen;
    const note = (element: Element) => {
      for (const name of element.classList) {
        if (/^m_[0-9a-f]{8}$/.test(name) && !seen.has(name)) seen.set(name, element.outerHTML.slice(0, 120));
      }
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && record.target instanceof Element) note(record.target);
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          note(node);
          node.querySelectorAll('[class]').forEach(note);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
  });
}

/** Mantine classes the page used whose stylesheet never loaded: a component rendered without its styles. */
async function unstyledMantineClasses(page: Page): Promise<string[]> {
  if (page.isClosed() || !page.url().startsWith(new URL(APP_URL).origin)) return [];
  return page
    .evaluate(() => {
      const seen = (window as unknown as { __mantineClasses?: Map<string, string> }).__mantineClasses ?? new Map<string, string>();
      const styled = new Set<string>();
      const walk = (rules: CSSRuleList) => {
        for (const rule of rules) {
          if ('selectorText' in rule && typeof rule.selectorText === 'string') for (const match of rule.selectorText.matchAll(/\.(m_[0-9a-f]{8})/g)) styled.add(match[1] ?? '');
          if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
        }
      };
      for (const sheet of document.styleSheets) walk(sheet.cssRules);
      return [...seen].filter(([name]) => !styled.has(name)).map(([name, element]) => `${name} on ${element}`);
    })
    .catch(() => []);
}

export const test = base.extend<{ emulator: EmulatorControl; cspViolations: string[]; mantineStyles: undefined }>({
  // This worker's own app server (e2e/env.ts), so workers never share an emulator.
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  baseURL: async ({}, use) => {
    await use(APP_URL);
  },
  // Automatic: every test starts from the seed, whether or not it talks to the emulator itself.
  emulator: [
    async ({ request }, use) => {
      const emulator = new EmulatorControl(request);
      await emulator.reset();
      await use(emulator);
    },
    { auto: true },
  ],
  // Automatic: a Content-Security-Policy violation in any app page fails the test, so every
  // scenario runs under the policy the app server sends (scripts/securityHeaders.ts).
  cspViolations: [
    async ({ context }, use) => {
      cspViolations = [];
      await watchForCspViolations(context);
      await use(cspViolations);
      expect(cspViolations, 'the app broke its Content-Security-Policy (directive, what it blocked, page, source)').toEqual([]);
    },
    { auto: true },
  ],
  // Automatic: a Mantine component whose styles were never imported (src/app/styles.ts,
  // src/ui/styles/) fails the test instead of showing unstyled.
  mantineStyles: [
    async ({ context, page }, use) => {
      await watchMantineClasses(context);
      await use(undefined);
      expect(await unstyledMantineClasses(page), 'Mantine components rendered without their stylesheet: import its CSS where the component is used').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Signed in as `email` and on `path`, without walking the sign-in pages (sign-in.spec.ts and
 * the session scenarios walk them): a token the emulator mints for the app's client, kept in
 * the tab's session as the app keeps it after signing in. One page load instead of three.
 */
export async function signInAs(page: Page, email: string, path = 'token') {
  const response = await page.request.post(`${EMULATOR_URL}/__emulator/tokens`, { data: { email } });
  expect(response.ok(), `the emulator mints a token for ${email}`).toBe(true);
  const { access_token: accessToken, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in: number };
  // sessionStorage belongs to the app's origin: any of its files opens it, the smallest will do.
  await page.goto('config.json');
  const session = JSON.stringify({ accessToken, expiresAt: Date.now() + expiresIn * 1000, environment: 'mypurecloud.com', flow: 'pkce' });
  await page.evaluate((value) => sessionStorage.setItem('token-admin:session', value), session);
  await page.goto(path);
  await appRendered(page);
}

/**
 * The app's own page is up: a heading, and not the boot module's first look, which draws one
 * before the app can take a key or a click.
 */
export async function appRendered(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[data-first-look]')).toHaveCount(0);
}

/** Opens `path` in the app, signs in on the emulator's page as `email` (the whole OAuth round trip), and waits to land back. */
export async function signInThroughGenesys(page: Page, email: string, path = 'token') {
  await page.goto(path);
  await signInOnGenesysPage(page, email);
  await appRendered(page);
}

/** A second person in their own browser (contexts share nothing), signed in and on `path`. */
export async function signInElsewhere(browser: Browser, email: string, path = 'token'): Promise<Page> {
  const context = await browser.newContext({ baseURL: APP_URL });
  await watchForCspViolations(context);
  const page = await context.newPage();
  await signInAs(page, email, path);
  return page;
}

export async function signInOnGenesysPage(page: Page, email: string) {
  await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.href.startsWith(EMULATOR_URL));
}

/** The tab goes to the background and comes back, as when the admin switches tabs. */
export async function switchTabAwayAndBack(page: Page) {
  await page.evaluate(() => {
    for (const state of ['hidden', 'visible'] as const) {
      Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    }
    window.dispatchEvent(new Event('focus'));
  });
}

/** The token the app keeps for this tab. */
export async function sessionToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = sessionStorage.getItem('token-admin:session');
    return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : null;
  });
  expect(token, 'a token in sessionStorage').toBeTruthy();
  return token ?? '';
}

/**
 * axe on the page as it is, in the light scheme and then in the dark one: the app follows the
 * system's scheme live, so one visit checks both. The page is left in the dark scheme. Before
 * the app has run, the page is in the scheme it was opened in: `schemes` names that one.
 */
export async function assertNoA11yViolations(page: Page, label: string, schemes: readonly ('light' | 'dark')[] = ['light', 'dark']) {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    const root = page.locator('html');
    if ((await root.getAttribute('data-mantine-color-scheme')) !== null) await expect(root).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    // Colours are read once they have finished changing.
    await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => undefined))));
    // Only violations are gathered: passes and incomplete results cost as much again, and are not read.
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).options({ resultTypes: ['violations'] }).analyze();
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = blocking.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.html.slice(0, 160)}\n    ${n.failureSummary ?? ''}`).join('\n  ')}`,
    );
    expect(summary, `axe violations on ${label} (${colorScheme})`).toEqual([]);
  }
}
