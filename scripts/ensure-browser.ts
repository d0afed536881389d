/**
 * Runs before `playwright test`: makes sure there is a Chromium to drive, so that a fresh
 * machine gets one clear instruction instead of Playwright's own error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultLookup, systemChromium, type ChromiumLookup } from './chromium.ts';

export const NO_BROWSER_MESSAGE =
  'No browser for the end-to-end tests: install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.';

export interface BrowserEnvironment extends ChromiumLookup {
  /** Where Playwright's own Chromium would be; undefined when Playwright cannot say. */
  playwrightChromium: () => string | undefined;
  exists: (path: string) => boolean;
  /** `npx playwright install chromium`; true when it succeeded. */
  install: () => boolean;
  log: (line: string) => void;
}

export type BrowserCheck = { ready: true; via: 'CHROMIUM_PATH or PATH' | 'Playwright' | 'download' } | { ready: false };

export function ensureBrowser(environment: BrowserEnvironment): BrowserCheck {
  if (systemChromium(environment)) return { ready: true, via: 'CHROMIUM_PATH or PATH' };
  const own = environment.playwrightChromium();
  if (own !== undefined && environment.exists(own)) return { ready: true, via: 'Playwright' };
  if (environment.install()) return { ready: true, via: 'download' };
  environment.log(NO_BROWSER_MESSAGE);
  return { ready: false };
}

async function main() {
  const { chromium } = await import('@playwright/test');
  const check = ensureBrowser({
    ...defaultLookup,
    playwrightChromium: () => {
      try {
        return chromium.executablePath();
      } catch {
        return undefined;
      }
    },
    exists: existsSync,
    // Output is kept back: on failure one line says what to do, not a page of download errors.
    install: () => spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'pipe', timeout: 600_000 }).status === 0,
    log: (line) => console.error(line),
  });
  if (!check.ready) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
