/**
 * The "bulk" suite: a bulk revocation of 1,000 users through the page, in Chromium, against the
 * emulator over HTTP, with its limit set so that the run cannot be shorter than a minute: 990
 * requests a minute, so even at the full limit the last users need the second window, which
 * opens a minute after the first request. That minute is the floor; what the run takes beyond
 * it is its pacing's cost (waking late for the new window, the few left to send in it).
 * Prints the run's time over that floor,
 * the 429s received, and that every user was revoked exactly once; then parses and previews a
 * 10,000-line CSV, and counts the rows the table draws. Figures only, never pass/fail.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_CLIENT_ID, buildSeed } from '../../emulator/seed.ts';
import { startEmulatorServer } from '../../emulator/server.ts';
import type { SeedBuilder, UserRecord } from '../../emulator/model.ts';
import { OUT_DIR, buildApp, serveStatic, type Suite, type SuiteContext } from '../harness.ts';

const USERS = 1_000;
const LIMIT_PER_MINUTE = 990;
const WINDOW_MS = 60_000;
const CSV_LINES = 10_000;

const userId = (n: number) => `be9c0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The seed with 1,000 more users to revoke. */
const seed: SeedBuilder = (now, redirectUris) => {
  const data = buildSeed(now, redirectUris);
  const [template] = data.users.filter((u) => u.permissions.length === 0);
  if (!template) throw new Error('The seed has no plain user to copy.');
  const extra: UserRecord[] = Array.from({ length: USERS }, (_, n) => ({
    ...template,
    id: userId(n),
    name: `Bench User ${String(n)}`,
    email: `bench.user${String(n)}@example.com`,
    username: `bench.user${String(n)}@example.com`,
    hasPicture: false,
  }));
  return { ...data, users: [...data.users, ...extra] };
};

async function control(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}/__emulator/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST /__emulator/${path} answered ${String(response.status)}`);
  return response.json() as Promise<unknown>;
}

export const bulkSuite: Suite = {
  name: 'bulk',
  description: `A bulk revocation of ${String(USERS)} users at ${String(LIMIT_PER_MINUTE)} requests a minute, and a ${String(CSV_LINES)}-line CSV previewed`,
  async run({ browser, log }: SuiteContext) {
    log('building the app');
    const appDir = await buildApp();
    const overrides: Record<string, string> = {};
    const app = await serveStatic(appDir, overrides);
    const emulator = await startEmulatorServer({ port: 0, control: true, redirectUris: [`${app.url}/auth/callback`], seed });
    overrides['/config.json'] = JSON.stringify({ clientId: APP_CLIENT_ID, environment: 'mypurecloud.com', apiBaseUrl: emulator.url, loginBaseUrl: emulator.url });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      log(`minting a token for each of the ${String(USERS)} users`);
      for (let n = 0; n < USERS; n += 1) await control(emulator.url, 'tokens', { email: `bench.user${String(n)}@example.com` });
      const { access_token: accessToken } = (await control(emulator.url, 'tokens', { email: 'admin@example.com' })) as { access_token: string };
      const page = await context.newPage();
      await page.addInitScript(
        (value: string) => sessionStorage.setItem('token-admin:session', value),
        JSON.stringify({ accessToken, expiresAt: Date.now() + 3_600_000, environment: 'mypurecloud.com', flow: 'pkce' }),
      );
      const deletes = new Map<string, number>();
      const answeredAt: number[] = [];
      let refused = 0;
      page.on('response', (response) => {
        const url = response.url();
        if (response.status() === 429) refused += 1;
        if (response.request().method() === 'DELETE' && url.includes('/api/v2/tokens/') && response.ok()) {
          const id = url.slice(url.lastIndexOf('/') + 1);
          deletes.set(id, (deletes.get(id) ?? 0) + 1);
          answeredAt.push(Date.now());
        }
      });

      log('checking a list of 1,000 ids');
      await page.goto(`${app.url}/bulk-revoke`);
      await page.getByLabel('Emails and user ids').fill(Array.from({ length: USERS }, (_, n) => userId(n)).join('\n'));
      await page.getByRole('button', { name: 'Check the list' }).click();
      await page.getByRole('group', { name: 'What Genesys Cloud found' }).waitFor({ timeout: 120_000 });
      // The run's own window: setting the limit starts every window afresh.
      await control(emulator.url, 'rate-limit', { perMinute: LIMIT_PER_MINUTE });
      refused = 0;
      await page.getByRole('button', { name: `Revoke the tokens of ${String(USERS)} users…` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: /I understand/ }).check();
      const started = Date.now();
      await dialog.getByRole('button', { name: `Revoke ${String(USERS)} users` }).click();
      log('running (about a minute)');
      await page.getByRole('status', { name: 'Counts' }).filter({ hasText: `Revoked${String(USERS)}` }).waitFor({ timeout: 600_000 });
      const runMs = Date.now() - started;
      const since = (n: number) => ((answeredAt[n] ?? started) - started) / 1000;
      log(`first answer ${since(0).toFixed(1)} s, 500th ${since(499).toFixed(1)} s, 600th ${since(599).toFixed(1)} s, 601st ${since(600).toFixed(1)} s, last ${since(answeredAt.length - 1).toFixed(1)} s`);
      const exactlyOnce = deletes.size === USERS && [...deletes.values()].every((n) => n === 1);

      log(`previewing a ${String(CSV_LINES)}-line CSV`);
      const csvPath = join(OUT_DIR, 'bench-10000.csv');
      const lines = ['email,userId,name'];
      for (let n = 0; n < CSV_LINES; n += 1) lines.push(`bench.user${String(n)}@example.com,${userId(n)},Bench User ${String(n)}`);
      await writeFile(csvPath, `${lines.join('\r\n')}\r\n`);
      await control(emulator.url, 'rate-limit', { perMinute: 300 });
      await page.goto(`${app.url}/bulk-revoke`);
      await page.getByRole('tab', { name: /Upload a CSV/ }).click();
      const previewStarted = Date.now();
      await page.locator('input[type=file]').setInputFiles(csvPath);
      await page.getByRole('button', { name: 'Check the list' }).click();
      await page.getByRole('group', { name: 'What Genesys Cloud found' }).waitFor({ timeout: 300_000 });
      const previewMs = Date.now() - previewStarted;
      const renderedRows = await page.getByRole('table', { name: 'The list, checked' }).locator('[role=row][data-index]').count();

      const floorMs = WINDOW_MS;
      const ratio = Number((runMs / floorMs).toFixed(3));
      const minutes = runMs / 60_000;
      return {
        summary: [
          `${String(USERS)} users at ${String(LIMIT_PER_MINUTE)} a minute: ${(runMs / 1000).toFixed(1)} s against a floor of ${String(floorMs / 1000)} s (ratio ${ratio.toFixed(3)}; target under 1.05)`,
          `429s received: ${String(refused)} (${(refused / minutes).toFixed(2)} a minute; target at most 1); every user revoked exactly once: ${exactlyOnce ? 'yes' : 'NO'}`,
          `${String(CSV_LINES)}-line CSV parsed, looked up and previewed in ${(previewMs / 1000).toFixed(1)} s; the table draws ${String(renderedRows)} of its rows`,
        ],
        figures: { users: USERS, limitPerMinute: LIMIT_PER_MINUTE, runMs, floorMs, ratio, refused, exactlyOnce, csvLines: CSV_LINES, previewMs, renderedRows },
      };
    } finally {
      await context.close();
      await Promise.allSettled([app.close(), emulator.close()]);
    }
  },
};
