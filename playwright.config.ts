import { defineConfig } from '@playwright/test';
import { APP_BASE_PORT, E2E_BASE_PATH, E2E_WORKERS, EMULATOR_BASE_PORT } from './e2e/env.ts';
import { QUIET_CHROMIUM_ARGS, systemChromium } from './scripts/chromium.ts';

const isCI = Boolean(process.env.CI);
// Debian's Chromium unless CHROMIUM_PATH names another; Playwright's own browser as a last resort.
const executablePath = systemChromium();

const screenshots = { name: 'screenshots', testMatch: /screenshots\.spec\.ts/ };
const SLOTS = Array.from({ length: E2E_WORKERS }, (_, slot) => slot);
const OUT_DIR = `dist-e2e-${APP_BASE_PORT}`;
const appUrl = (slot: number) => `http://localhost:${APP_BASE_PORT + slot}${E2E_BASE_PATH}`;

export default defineConfig({
  testDir: 'e2e',
  // Per port, so runs on other ports (parallel workers, other checkouts) keep their own artifacts.
  outputDir: `test-results/e2e-${APP_BASE_PORT}`,
  // Each worker has its own emulator and app server (e2e/env.ts); tests in a file run in order.
  workers: E2E_WORKERS,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_500 },
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    // Worker 0's; e2e/fixtures.ts gives every worker its own.
    baseURL: appUrl(0),
    // Recording a trace costs a fifth of the suite's time (139 s -> 110 s for three specs), and
    // CI's machine goes with its traces: recorded locally, kept for a failure; E2E_TRACE overrides.
    trace: (process.env.E2E_TRACE as 'on' | 'off' | 'retain-on-failure' | undefined) ?? (isCI ? 'off' : 'retain-on-failure'),
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
    // One emulator per worker, each registering exactly the callback its app server will send.
    ...SLOTS.map((slot) => ({
      command: `tsx emulator/server.ts --control --port ${EMULATOR_BASE_PORT + slot} --redirect-uri ${appUrl(slot)}auth/callback`,
      url: `http://localhost:${EMULATOR_BASE_PORT + slot}/`,
      reuseExistingServer: !isCI,
      stdout: 'ignore' as const,
    })),
    // One build; an app server per worker whose config.json points at that worker's emulator.
    // Servers start in order, so the later ones find the build made by the first.
    ...SLOTS.map((slot) => ({
      command: `${slot === 0 ? `vite build --base=${E2E_BASE_PATH} --outDir ${OUT_DIR} --emptyOutDir --logLevel warn && ` : ''}vite preview --base=${E2E_BASE_PATH} --outDir ${OUT_DIR} --port ${APP_BASE_PORT + slot} --strictPort`,
      url: appUrl(slot),
      env: { EMULATOR_URL: `http://localhost:${EMULATOR_BASE_PORT + slot}`, APP_PORT: String(APP_BASE_PORT + slot) },
      reuseExistingServer: !isCI,
      timeout: 120_000,
    })),
  ],
});
