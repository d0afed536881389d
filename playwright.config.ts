import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { APP_PORT, E2E_BASE_PATH, EMULATOR_PORT } from './e2e/env.ts';

/** Debian's Chromium unless CHROMIUM_PATH names another; Playwright's own browser as a last resort. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return undefined;
}

const isCI = Boolean(process.env.CI);
const executablePath = chromiumPath();

const screenshots = { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ };

export default defineConfig({
  testDir: 'e2e',
  // One emulator serves every test; its faults and clock are global, so tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${APP_PORT}${E2E_BASE_PATH}`,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /screenshots\.spec\.ts/ },
    // Only `npm run screenshots` writes the README's pictures.
    ...(process.env.SCREENSHOTS ? [screenshots] : []),
  ],
  webServer: [
    {
      // Registered exactly as the app will send it: the e2e build's callback under its base path.
      command: `tsx emulator/server.ts --control --port ${EMULATOR_PORT} --redirect-uri http://localhost:${APP_PORT}${E2E_BASE_PATH}auth/callback`,
      url: `http://localhost:${EMULATOR_PORT}/`,
      reuseExistingServer: !isCI,
      stdout: 'ignore',
    },
    {
      command: `vite build --base=${E2E_BASE_PATH} --outDir dist-e2e --emptyOutDir --logLevel warn && vite preview --base=${E2E_BASE_PATH} --outDir dist-e2e --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}${E2E_BASE_PATH}`,
      env: { EMULATOR_URL: `http://localhost:${EMULATOR_PORT}`, APP_PORT: String(APP_PORT) },
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
  ],
});
