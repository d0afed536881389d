/**
 * The "load" suite: signed-in first visits on a throttled phone-like profile — to /token, and
 * deep links to a user's page and to the idle timeout page — against the floor page built from
 * the same libraries. Figures, never pass/fail on time.
 *
 * Per visit: LCP (the last `largest-contentful-paint` entry, once none has come for 1.5 s) and
 * the time the page's data is shown: `performance.now()` (ms since navigation start) when a
 * MutationObserver first sees the data's element in the DOM and visible. On the app's pages
 * that is the heading's lead with the page's data in it (`p[data-page-data]`: the token's user,
 * organisation, client, idle-out and expiry; the user's name and email; the timeout in force),
 * whether the boot module's first look drew it or the page; on the floor, its "Floor data"
 * region. Also when the app's page itself was drawn ("page drawn": the "OAuth client" region on
 * /token, the "Profile" region on a user's page, the settings form on the idle timeout page),
 * which no first look can hurry. Also the requests made and bytes transferred
 * until then, and, from Resource Timing, when the data's last answer came in ("in at": a page
 * showing its data long after is waiting on its own code, not on the network) and when the first
 * Genesys request started relative to the end of the entry script's download (negative: before
 * it had finished).
 */
import type { Browser, Page } from '@playwright/test';
import { APP_CLIENT_ID, SUPERVISOR } from '../../emulator/seed.ts';
import { startEmulatorServer } from '../../emulator/server.ts';
import {
  THROTTLING,
  buildApp,
  buildFloor,
  countTraffic,
  median,
  readSettledLcp,
  readShown,
  serveStatic,
  throttle,
  watchForShown,
  type Suite,
  type SuiteContext,
} from '../harness.ts';

interface Visit {
  lcpMs: number;
  shownMs: number;
  /** When the page's own render had drawn its main region; the floor's is its data. */
  pageMs: number;
  requests: number;
  transferredBytes: number;
  /** First Genesys request's start minus the entry script's responseEnd; undefined on the floor. */
  genesysVsEntryMs?: number | undefined;
  /** When the last read begun before the data showed had its answer (Genesys' on the app, data.json on the floor). */
  dataInMs: number;
}

type Target = 'app' | 'user' | 'idle' | 'floor';
const TARGETS: readonly Target[] = ['app', 'user', 'idle', 'floor'];
const PAGE_TARGETS = ['app', 'user', 'idle'] as const;

/** Information only, printed beside the figures: token data within 0.95 of the floor, LCP within 1.0, deep links within 1.15 of /token. */
const TARGETS_INFO = { shownVsFloor: 0.95, lcpVsFloor: 1.0, deepLinkVsToken: 1.15 } as const;

/** Reads, once the page's data is shown, when the first Genesys request began against the entry script's download end. */
async function genesysVsEntry(page: Page, genesysOrigin: string): Promise<number | undefined> {
  return page.evaluate((origin) => {
    const entryScript = document.querySelector<HTMLScriptElement>('script[type="module"]:not([async])')?.src;
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const entry = resources.find((resource) => resource.name === entryScript);
    const genesys = resources.filter((resource) => resource.name.startsWith(`${origin}/api/v2/`)).map((resource) => resource.startTime);
    if (!entry || genesys.length === 0) return undefined;
    return Math.min(...genesys) - entry.responseEnd;
  }, genesysOrigin);
}

/** The responseEnd of the last data read (a URL starting with `prefix`) that began before the data showed. */
async function dataIn(page: Page, prefix: string, shownMs: number): Promise<number> {
  return page.evaluate(
    ([wanted, shown]) => {
      const reads = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.startsWith(wanted) && r.startTime < shown);
      return reads.length === 0 ? Number.NaN : Math.max(...reads.map((r) => r.responseEnd));
    },
    [prefix, shownMs] as const,
  );
}

interface VisitPlan {
  url: string;
  /** The page's data. */
  shown: string;
  /** The page's main region, drawn by its own render. */
  drawn: string;
  /** The URLs the data comes from. */
  dataPrefix: string;
  prepare?: (page: Page) => Promise<void>;
  genesysOrigin?: string;
}

const DRAWN_KEY = '__benchDrawnAt';
/** A heading's lead carrying the page's data, from the first look or the page (ui/PageHeading.tsx). */
const PAGE_DATA = 'p[data-page-data]';

async function visit(browser: Browser, { url, shown: shownSelector, drawn, dataPrefix, prepare, genesysOrigin }: VisitPlan): Promise<Visit> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await throttle(page);
    const traffic = countTraffic(cdp);
    if (prepare) await prepare(page);
    await watchForShown(page, shownSelector);
    await watchForShown(page, drawn, DRAWN_KEY);
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    const shownMs = await readShown(page);
    // What it took to show the data; what loads later (lazy chunks) is not counted.
    const counted = traffic();
    const pageMs = await readShown(page, DRAWN_KEY);
    const genesysVsEntryMs = genesysOrigin ? await genesysVsEntry(page, genesysOrigin) : undefined;
    return { shownMs, pageMs, lcpMs: await readSettledLcp(page), ...counted, genesysVsEntryMs, dataInMs: await dataIn(page, dataPrefix, shownMs) };
  } finally {
    await context.close();
  }
}

function summarise(visits: readonly Visit[]) {
  return {
    lcpMs: Math.round(median(visits.map((v) => v.lcpMs))),
    shownMs: Math.round(median(visits.map((v) => v.shownMs))),
    pageMs: Math.round(median(visits.map((v) => v.pageMs))),
    requests: median(visits.map((v) => v.requests)),
    transferredBytes: Math.round(median(visits.map((v) => v.transferredBytes))),
    genesysVsEntryMs: Math.round(median(visits.map((v) => v.genesysVsEntryMs ?? Number.NaN))),
    dataInMs: Math.round(median(visits.map((v) => v.dataInMs))),
    /** How long the page had its data before it showed it: the waterfall's mirror image. */
    shownAfterDataMs: Math.round(median(visits.map((v) => v.shownMs - v.dataInMs))),
  };
}

export const loadSuite: Suite = {
  name: 'load',
  description: 'Signed-in first visits to /token, a user page and the idle timeout page vs. the floor page (same libraries, one title, one JSON), throttled',
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

    const api = `${emulator.url}/api/v2/`;
    /** A signed-in first visit to one of the app's pages, `drawn` its main region. */
    const appPage = (path: string, drawn: string) =>
      visit(browser, { url: `${app.url}${path}`, shown: PAGE_DATA, drawn, dataPrefix: api, prepare: signIn, genesysOrigin: emulator.url });
    const once = (target: Target) => {
      switch (target) {
        case 'app':
          return appPage('/token', 'section[aria-label="OAuth client"]');
        case 'user':
          return appPage(`/users/${SUPERVISOR.id}`, 'section[aria-label="Profile"]');
        case 'idle':
          return appPage('/settings/idle-timeout', 'form[aria-label="Idle timeout settings"]');
        case 'floor':
          return visit(browser, { url: `${floor.url}/`, shown: 'section[aria-label="Floor data"]', drawn: 'section[aria-label="Floor data"]', dataPrefix: `${floor.url}/data.json` });
      }
    };

    const raw: Record<Target, Visit[]> = { app: [], user: [], idle: [], floor: [] };
    try {
      log('warming up (one visit each, not counted)');
      for (const target of TARGETS) await once(target);
      for (let round = 1; round <= runs; round += 1) {
        // Rotate which goes first, so drift in the machine's speed falls on all alike.
        const order = [...TARGETS.slice(round % TARGETS.length), ...TARGETS.slice(0, round % TARGETS.length)];
        for (const target of order) {
          const result = await once(target);
          raw[target].push(result);
          const early = result.genesysVsEntryMs === undefined ? '' : `  first Genesys request ${String(Math.round(result.genesysVsEntryMs)).padStart(5)} ms from the entry's end`;
          log(`round ${String(round)}/${String(runs)} ${target.padEnd(5)} LCP ${String(Math.round(result.lcpMs)).padStart(5)} ms  data shown ${String(Math.round(result.shownMs)).padStart(5)} ms  page drawn ${String(Math.round(result.pageMs)).padStart(5)} ms  ${String(result.requests)} requests  ${(result.transferredBytes / 1000).toFixed(1)} KB${early}`);
        }
      }
    } finally {
      await Promise.allSettled([app.close(), floor.close(), emulator.close()]);
    }

    const medians = Object.fromEntries(TARGETS.map((target) => [target, summarise(raw[target])])) as Record<Target, ReturnType<typeof summarise>>;
    const ratio = {
      shown: Number((medians.app.shownMs / medians.floor.shownMs).toFixed(2)),
      lcp: Number((medians.app.lcpMs / medians.floor.lcpMs).toFixed(2)),
      userVsToken: Number((medians.user.shownMs / medians.app.shownMs).toFixed(2)),
      idleVsToken: Number((medians.idle.shownMs / medians.app.shownMs).toFixed(2)),
      pageDrawnVsFloor: Number((medians.app.pageMs / medians.floor.pageMs).toFixed(2)),
    };
    const names: Record<Target, string> = { app: '/token', user: 'user page', idle: 'idle page', floor: 'floor' };
    const line = (name: Target) => {
      const m = medians[name];
      const early = PAGE_TARGETS.includes(name as (typeof PAGE_TARGETS)[number]) ? `   first Genesys request ${String(m.genesysVsEntryMs)} ms from the entry script's end` : '';
      return `${names[name].padEnd(9)} LCP ${String(m.lcpMs).padStart(5)} ms   data shown ${String(m.shownMs).padStart(5)} ms (in at ${String(m.dataInMs).padStart(5)})   page drawn ${String(m.pageMs).padStart(5)} ms   ${String(m.requests)} requests   ${(m.transferredBytes / 1000).toFixed(1)} KB${early}`;
    };
    return {
      summary: [
        `medians of ${String(runs)} visits each (4× CPU slowdown, 150 ms latency, 1.6/0.75 Mbit/s, cache off):`,
        ...TARGETS.map(line),
        `/token vs floor: data shown ${ratio.shown.toFixed(2)} (target ${TARGETS_INFO.shownVsFloor.toFixed(2)}), LCP ${ratio.lcp.toFixed(2)} (target ${TARGETS_INFO.lcpVsFloor.toFixed(2)})`,
        `deep links vs /token, data shown: user page ${ratio.userVsToken.toFixed(2)}, idle page ${ratio.idleVsToken.toFixed(2)} (target ${TARGETS_INFO.deepLinkVsToken.toFixed(2)}); information only`,
        `/token's page drawn vs the floor's data: ${ratio.pageDrawnVsFloor.toFixed(2)} (no target: what the first look does not hurry)`,
      ],
      figures: { throttling: THROTTLING, targets: TARGETS_INFO, medians, ratio, raw },
    };
  },
};
