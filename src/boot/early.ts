import { ServerClock } from '../api/clock.ts';
import { succeeded, type BootHandoff, type EarlyAnswer, type EarlyRead } from '../api/earlyReads.ts';
import { buildUrl, reads, type ReadRequest } from '../api/requests.ts';
import { looksLikeOAuthResponse } from '../auth/oauthResponse.ts';
import { SessionStore } from '../auth/session.ts';
import { endpointsFor, parseConfig } from '../config/config.ts';
import { findRegion } from '../config/regions.ts';
import { paths, stripBase } from '../paths.ts';
import type { PageLook } from '../ui/pageLook.ts';
import { BOOT_PAGES, matchPage, type BootPage } from './pages.ts';

/** Chunk URLs to preload per page path (`/users/:userId`), from the build. */
export type PageChunks = Record<string, { scripts: string[]; styles: string[] }>;

export interface BootEnvironment {
  location: Pick<Location, 'pathname' | 'search' | 'hash'>;
  storage: Storage;
  fetch: typeof fetch;
  basePath: string;
  pageChunks: PageChunks;
  preload: (href: string, as: 'script' | 'style') => void;
  now?: () => number;
}

/** What the boot module started, and the page's heading for the first look once its answers are in. */
export interface BootStart extends BootHandoff {
  /**
   * Undefined when any answer failed or is one the app's schema would refuse, when the page has
   * no first look, or once `stopFirstLook` was called.
   */
  look: Promise<PageLook | undefined>;
  /** main.tsx calls it before its first render: from then on #root is the app's, drawn or not. */
  stopFirstLook(): void;
}

/** Not signed-in pages: the sign-in pages never send a token, whatever the tab holds. */
const SIGNED_OUT_PAGES = [paths.signIn.path, paths.sessionEnded.path];

/**
 * The start of a first visit, before the bundle has downloaded: config.json (the preload's
 * answer, handed on) and, with a session, the reads the page will make, each sent exactly as
 * the app would send it, so that the app adopts the answer. Nothing is sent on the sign-in and
 * callback pages, without a session, or when config.json is not valid; the token goes only to
 * the host the app would send it to.
 */
export function startEarly(env: BootEnvironment): BootStart {
  const now = env.now ?? Date.now;
  const configResponse = env.fetch(`${env.basePath}config.json`);
  // The app reads its own copy; a failure reaches it as it would have without the boot script.
  const config = configResponse.then((response) => response.clone());
  config.catch(() => undefined);

  const path = stripBase(env.location.pathname, env.basePath);
  const session = new SessionStore(env.storage).get();
  const nothing = Promise.resolve<EarlyRead[]>([]);
  if (!session || looksLikeOAuthResponse(env.location) || SIGNED_OUT_PAGES.some((page) => matchPage(page, path))) {
    return { config, reads: nothing, look: Promise.resolve(undefined), stopFirstLook: () => undefined };
  }

  const page = BOOT_PAGES.find((candidate) => matchPage(candidate.path, path)) ?? (path === paths.home.path ? BOOT_PAGES[0] : undefined);
  const chunks = page ? env.pageChunks[page.path] : undefined;
  for (const href of chunks?.scripts ?? []) env.preload(href, 'script');
  for (const href of chunks?.styles ?? []) env.preload(href, 'style');

  const started = configResponse
    .then(async (response) => {
      if (!response.ok) return [];
      const parsed = parseConfig(JSON.parse(await response.text()));
      const region = findRegion(session.environment);
      if (!region || matchPage(parsed.redirectPath, path)) return [];
      const { apiBaseUrl } = endpointsFor(parsed, region);
      const params = page ? matchPage(page.path, path) : undefined;
      const wanted: ReadRequest[] = [reads.tokenInfo(false), reads.me(), ...(page?.reads && params ? page.reads(params) : [])];
      return wanted.map((read): EarlyRead => {
        const url = buildUrl(apiBaseUrl, read.path, read.query);
        return { url, token: session.accessToken, answer: ask(env.fetch, url, session.accessToken, now) };
      });
    })
    // A config.json the app will refuse: nothing is sent, and the app says why.
    .catch(() => []);
  const params = page ? matchPage(page.path, path) : undefined;
  const stopped = new AbortController();
  const look = lookOf(page, params ?? {}, started, session).then((found) => (stopped.signal.aborted ? undefined : found));
  return { config, reads: started, look, stopFirstLook: () => stopped.abort() };
}

/** Only from answers that are all in and all successes: a failure is the page's to show. */
async function lookOf(
  page: BootPage | undefined,
  params: Record<string, string>,
  started: Promise<EarlyRead[]>,
  session: { expiresAt: number },
): Promise<PageLook | undefined> {
  try {
    const early = await started;
    if (!page?.look || early.length === 0) return undefined;
    const answers = await Promise.all(early.map((read) => read.answer));
    if (!answers.every(succeeded)) return undefined;
    const clock = new ServerClock();
    for (const answer of answers) clock.observe(answer.headers.get('Date'), answer.sentAt, answer.receivedAt);
    const bodies = answers.map((answer): unknown => JSON.parse(answer.body));
    return page.look(bodies, { params, expiresAt: session.expiresAt, serverOffset: clock.snapshot() });
  } catch {
    return undefined;
  }
}

async function ask(fetchFn: typeof fetch, url: string, token: string, now: () => number): Promise<EarlyAnswer> {
  const sentAt = now();
  // The same headers as the app's HttpClient: the same preflight, the same answer.
  const response = await fetchFn(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${token}` } });
  const body = await response.text();
  return { status: response.status, statusText: response.statusText, headers: response.headers, body, sentAt, receivedAt: now() };
}
