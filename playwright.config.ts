import { defineConfig } from '@playwright/test';
import { APP_PORT, E2E_BASE_PATH, EMULATOR_PORT } from './e2e/env.ts';
import { QUIET_CHROMIUM_ARGS, systemChromium } from './scripts/chromium.ts';

const isCI = Boolean(process.env.CI);
// Debian's Chromium unless CHROMIUM_PATH names another; Playwright's own browser as a last resort.
const executablePath = systemChromium();

const screenshots = { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ };

export default defineConfig({
  testDir: 'e2e',
  // Per port, so runs on other ports (parallel workers, other checkouts) keep their own artifacts.
  outputDir: `test-results/e2e-${APP_PORT}`,
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
      args: QUIET_CHROMIUM_ARGS,
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
      command: `vite build --base=${E2E_BASE_PATH} --outDir dist-e2e-${APP_PORT} --emptyOutDir --logLevel warn && vite preview --base=${E2E_BASE_PATH} --outDir dist-e2e-${APP_PORT} --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}${E2E_BASE_PATH}`,
      env: { EMULATOR_URL: `http://localhost:${EMULATOR_PORT}`, APP_PORT: String(APP_PORT) },
      reuseExistingServer: !isCI,
      timeout: 120_000,
    },
  ],
});
