/**
 * The "load" suite: a signed-in first visit to /token on a throttled phone-like profile,
 * against the floor page built from the same libraries. Figures, never pass/fail on time.
 *
 * Per visit: LCP (the last `largest-contentful-paint` entry, buffered) and the time the page's
 * data is shown: `performance.now()` (ms since navigation start) when a MutationObserver first
 * sees the data's element in the DOM and visible (the "OAuth client" region on /token, the
 * "Floor data" region on the floor). Also the requests made and bytes transferred until then.
 */
import type { Browser, Page } from '@playwright/test';
import { APP_CLIENT_ID } from '../../emulator/seed.ts';
import { startEmulatorServer } from '../../emulator/server.ts';
import {
  THROTTLING,
  buildApp,
  buildFloor,
  countTraffic,
  median,
  readTimings,
  serveStatic,
  throttle,
  watchForShown,
  type Suite,
  type SuiteContext,
} from '../harness.ts';

interface Visit {
  lcpMs: number;
  shownMs: number;
  requests: number;
  transferredBytes: number;
}

type Target = 'app' | 'floor';

/** A rough target, printed for information: the app within 30% of the floor. */
const TARGET_RATIO = 1.3;

async function visit(browser: Browser, url: string, shownSelector: string, prepare?: (page: Page) => Promise<void>): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await throttle(page);
    const traffic = countTraffic(cdp);
    if (prepare) await prepare(page);
    await watchForShown(page, shownSelector);
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const timings = await readTimings(page);
    return { ...timings, ...traffic() };
  } finally {
    await context.close();
  }
}

function summarise(visits: readonly Visit[]) {
  return {
    lcpMs: Math.round(median(visits.map((v) => v.lcpMs))),
    shownMs: Math.round(median(visits.map((v) => v.shownMs))),
    requests: median(visits.map((v) => v.requests)),
    transferredBytes: Math.round(median(visits.map((v) => v.transferredBytes))),
  };
}

export const loadSuite: Suite = {
  name: 'load',
  description: 'Signed-in first visit to /token vs. the floor page (same libraries, one title, one JSON), throttled',
  async run({ browser, runs, log }: SuiteContext) {
    log('building the app and the floor page');
    const [appDir, floorDir] = [await buildApp(), await buildFloor()];

    const appOverrides: Record<string, string> = {};
    const app = await serveStatic(appDir, appOverrides);
    const floor = await serveStatic(floorDir);
    const emulator = await startEmulatorServer({ port: 0, control: true, redirectUris: [`${app.url}/auth/callback`] });
    // As `npm start` serves it: the app talks to the emulator.
    appOverrides['/config.json'] = JSON.stringify({
      clientId: APP_CLIENT_ID,
      environment: 'mypurecloud.com',
      oauthFlow: 'pkce',
      apiBaseUrl: emulator.url,
      loginBaseUrl: emulator.url,
    });

    /** Signed in without the OAuth round trip: a token from the emulator, in the tab's session before any script runs. */
    const signIn = async (page: Page) => {
      const response = await fetch(`${emulator.url}/__emulator/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'admin@example.com' }),
      });
      if (!response.ok) throw new Error(`Minting a token answered ${String(response.status)}`);
      const { access_token: accessToken, expires_in: expiresIn } = (await response.json()) as { access_token: string; expires_in?: number };
      const session = { accessToken, expiresAt: Date.now() + (expiresIn ?? 3600) * 1000, environment: 'mypurecloud.com', flow: 'pkce' };
      await page.addInitScript((value: string) => sessionStorage.setItem('token-admin:session', value), JSON.stringify(session));
    };

    const once = (target: Target) =>
      target === 'app'
        ? visit(browser, `${app.url}/token`, 'section[aria-label="OAuth client"]', signIn)
        : visit(browser, `${floor.url}/`, 'section[aria-label="Floor data"]');

    const raw: Record<Target, Visit[]> = { app: [], floor: [] };
    try {
      log('warming up (one visit each, not counted)');
      await once('app');
      await once('floor');
      for (let round = 1; round <= runs; round += 1) {
        // Alternate which goes first, so drift in the machine's speed falls on both alike.
        const order: Target[] = round % 2 === 1 ? ['app', 'floor'] : ['floor', 'app'];
        for (const target of order) {
          const result = await once(target);
          raw[target].push(result);
          log(`round ${String(round)}/${String(runs)} ${target.padEnd(5)} LCP ${String(Math.round(result.lcpMs)).padStart(5)} ms  data shown ${String(Math.round(result.shownMs)).padStart(5)} ms  ${String(result.requests)} requests  ${(result.transferredBytes / 1000).toFixed(1)} KB`);
        }
      }
    } finally {
      await Promise.allSettled([app.close(), floor.close(), emulator.close()]);
    }

    const medians = { app: summarise(raw.app), floor: summarise(raw.floor) };
    const ratio = {
      shown: Number((medians.app.shownMs / medians.floor.shownMs).toFixed(2)),
      lcp: Number((medians.app.lcpMs / medians.floor.lcpMs).toFixed(2)),
    };
    const line = (name: Target) =>
      `${name.padEnd(5)} LCP ${String(medians[name].lcpMs).padStart(5)} ms   data shown ${String(medians[name].shownMs).padStart(5)} ms   ${String(medians[name].requests)} requests   ${(medians[name].transferredBytes / 1000).toFixed(1)} KB transferred`;
    return {
      summary: [
        `medians of ${String(runs)} visits each (4× CPU slowdown, 150 ms latency, 1.6/0.75 Mbit/s, cache off):`,
        line('app'),
        line('floor'),
        `app/floor: data shown ${ratio.shown.toFixed(2)}, LCP ${ratio.lcp.toFixed(2)} (target under ${TARGET_RATIO.toFixed(1)}; information only)`,
      ],
      figures: { throttling: THROTTLING, targetRatio: TARGET_RATIO, medians, ratio, raw },
    };
  },
};
