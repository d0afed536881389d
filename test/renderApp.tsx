import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { EarlyReads, type EarlyRead } from '../src/api/earlyReads.ts';
import { App } from '../src/app/App.tsx';
import { createApp, type AppOptions } from '../src/app/createApp.tsx';
import { firstPageReady } from '../src/app/firstPage.ts';
import type { OAuthResponse } from '../src/auth/oauthResponse.ts';
import { SessionStore } from '../src/auth/session.ts';
import { startEarly } from '../src/boot/early.ts';
import { paintFirstLook } from '../src/boot/firstLook.ts';
import { parseConfig } from '../src/config/config.ts';
import { APP_CLIENT_ID } from '../emulator/seed.ts';
import { createEmulator, type Emulator } from '../emulator/app.ts';

export const EMULATOR_ORIGIN = 'http://emulator.test';
/** A loopback origin: the emulator accepts redirect URIs on localhost only. */
export const APP_ORIGIN = 'http://localhost:5173';

/** config.json as deployed for the tests. */
export const TEST_CONFIG_JSON = {
  clientId: APP_CLIENT_ID,
  environment: 'mypurecloud.com',
  apiBaseUrl: EMULATOR_ORIGIN,
  loginBaseUrl: EMULATOR_ORIGIN,
};

export const TEST_CONFIG = parseConfig(TEST_CONFIG_JSON);

/**
 * The whole app in jsdom, talking to an in-process emulator: unit tests and e2e share one fake.
 * Signs in as `email` by minting a token, as the real sign-in would.
 */
export async function renderApp(
  options: {
    email?: string;
    path?: string;
    emulator?: Emulator;
    /** Start with whatever session the test stored itself. */
    keepSession?: boolean;
    /** A sign-in response, as taken from the address bar at start-up. */
    oauthResponse?: OAuthResponse;
    beforeRender?: (emulator: Emulator, token: string) => Promise<unknown>;
    /** The browser's IndexedDB journal and its channel to other tabs; a fresh one per call unless given. */
    journal?: { databaseName: string; channelName: string };
    jobs?: { databaseName: string; channelName: string };
    /** Two apps given one name are two tabs of one browser. */
    sessionChannelName?: string;
    /** First runs the boot module's start (src/boot/early.ts), as index.html does, and hands its reads to the app. */
    boot?: boolean;
    /** Renders when main.tsx would: once the first page can be drawn whole (src/app/firstPage.ts). */
    firstPage?: boolean;
    /**
     * With `boot`: renders into an index.html-like #root (its loading line), after the boot
     * module's first look has been drawn there if its answers gave one (src/boot/firstLook.ts).
     */
    firstLook?: boolean;
    /** Anything else createApp takes (a clock, a timeout). */
    app?: Partial<Pick<AppOptions, 'clock' | 'timeoutMs'>>;
  } = {},
) {
  const sessionStore = new SessionStore();
  const emulator = options.emulator ?? createEmulator({ control: true });
  const config = TEST_CONFIG;
  let token: string | undefined;
  if (options.email) {
    const minted = emulator.issueToken(options.email);
    token = minted.access_token;
    await options.beforeRender?.(emulator, token);
    sessionStore.set({ accessToken: token, expiresAt: Date.now() + minted.expires_in * 1000, environment: 'mypurecloud.com', flow: 'pkce' });
  } else if (!options.keepSession) {
    sessionStore.clear();
  }
  const navigatedAway: string[] = [];
  const requests: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`);
    return emulator.fetch(input, init);
  };
  let early: EarlyReads | undefined;
  let earlyReads: EarlyRead[] = [];
  let container: HTMLElement | undefined;
  let firstLookDrawn = false;
  if (options.boot) {
    const handoff = startEarly({
      location: new URL(`${APP_ORIGIN}${options.path ?? '/token'}`),
      storage: sessionStorage,
      // The static host's config.json, the Genesys calls to the emulator.
      fetch: (input, init) =>
        (input instanceof Request ? input.url : input.toString()) === '/config.json' ? Promise.resolve(Response.json(TEST_CONFIG_JSON)) : recordingFetch(input, init),
      basePath: '/',
      pageChunks: {},
      preload: () => undefined,
    });
    earlyReads = await handoff.reads;
    early = new EarlyReads(earlyReads);
    if (options.firstLook) {
      container = indexHtmlRoot();
      const look = await handoff.look;
      firstLookDrawn = look !== undefined && paintFirstLook(document, look, Date.now());
    }
  }
  const app = createApp({
    ...(early ? { early } : {}),
    oauthResponse: options.oauthResponse,
    config,
    basePath: '/',
    origin: APP_ORIGIN,
    navigateAway: (url) => navigatedAway.push(url),
    fetch: recordingFetch,
    initialPath: options.path ?? '/token',
    journal: options.journal ?? freshJournal(),
    jobs: options.jobs ?? freshJobs(),
    sessionChannelName: options.sessionChannelName ?? `session-${crypto.randomUUID()}`,
    ...options.app,
  });
  if (options.firstPage) await firstPageReady(app, earlyReads);
  // As main.tsx renders it: in development React mounts every component twice, which is how a
  // remount sends a second request if anything lets it.
  // The first look as drawn, read before the app's render replaces it.
  const firstLook = firstLookDrawn ? container?.cloneNode(true) as HTMLElement : undefined;
  const view = render(
    <StrictMode>
      <App app={app} />
    </StrictMode>,
    container ? { container } : {},
  );
  return { ...view, app, emulator, token, navigatedAway, requests, config, firstLook };
}

/** index.html's own #root, its loading line as shipped, in the document. */
export function indexHtmlRoot(): HTMLElement {
  // From the project root, where Vitest runs: under jsdom, import.meta.url is not a file URL.
  const html = readFileSync(join(process.cwd(), 'index.html'), 'utf8');
  const root = new DOMParser().parseFromString(html, 'text/html').getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  document.body.append(document.importNode(root, true));
  return document.body.lastElementChild as HTMLElement;
}

/** A journal of its own: no test sees another's entries. */
export function freshJournal() {
  const id = crypto.randomUUID();
  return { databaseName: `journal-${id}`, channelName: `journal-${id}` };
}

/** Runs of its own, likewise. */
export function freshJobs() {
  const id = crypto.randomUUID();
  return { databaseName: `runs-${id}`, channelName: `runs-${id}`, adoptEveryMs: 100 };
}
