import type { QueryClient } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Navigate, createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { actorOf, createApi, type Api } from '../api/api.ts';
import { tokenKeys, type TokenInfo } from '../api/tokens.ts';
import { userKeys, type UserMe } from '../api/users.ts';
import type { Clock } from '../api/clock.ts';
import type { EarlyReads } from '../api/earlyReads.ts';
import { HttpClient } from '../api/http.ts';
import { CallbackPage, callbackLoader } from '../auth/CallbackPage.tsx';
import { signInLoader, type SignInContext } from '../auth/signInStart.ts';
import type { OAuthResponse } from '../auth/oauthResponse.ts';
import { SessionStore } from '../auth/session.ts';
import { recordInterrupted } from '../auth/interrupted.ts';
import { openSessionChannel } from '../auth/sessionChannel.ts';
import { createSessionControl, sessionEndedLoader, type SessionControl } from '../auth/sessionControl.ts';
import { redirectUriFor, resolveRegion } from '../auth/signIn.ts';
import { endpointsFor, type AppConfig } from '../config/config.ts';
import { findRegion } from '../config/regions.ts';
import { JobsHandle } from '../jobs/handle.ts';
import type { JobsOptions } from '../jobs/jobs.ts';
import { Journal, type JournalOptions } from '../journal/journal.ts';
import { paths } from '../paths.ts';
import { Notifier } from '../ui/notify.tsx';
import { createQueryClient } from './queryClient.ts';
import { FullPageLoader, NotFound, RouteError } from './RouteError.tsx';
import { NAV, PAGES } from './routes.tsx';
import { Shell } from './Shell.tsx';

/** Most visitors never see it: sign-in usually goes straight on to Genesys Cloud. */
const SignInPage = lazy(() => import('../auth/SignInPage.tsx').then((m) => ({ default: m.SignInPage })));

export interface AppOptions {
  config: AppConfig;
  /** The app's base path, `import.meta.env.BASE_URL` (`/` or `/tools/tokens/`). */
  basePath: string;
  origin: string;
  /** Full-page navigation to Genesys Cloud. */
  navigateAway: (url: string) => void;
  fetch?: typeof fetch;
  /** The query string the app was opened with: a portal link may name the region there. */
  entrySearch?: string;
  /** A sign-in response taken from the address bar at start-up, for the callback route. */
  oauthResponse?: OAuthResponse | undefined;
  /** Tests use a memory router starting here. */
  initialPath?: string;
  /** Tests give each app a clock, storage and journal of its own. */
  clock?: Clock;
  /** How long one attempt of a Genesys call may take (default 30 s). */
  timeoutMs?: number;
  storage?: Storage;
  journal?: JournalOptions;
  jobs?: Omit<JobsOptions, 'http'>;
  /** Reads the boot module started before the bundle arrived (src/boot/). */
  early?: EarlyReads;
  /** The BroadcastChannel this browser's tabs sign out on (tests give each app its own). */
  sessionChannelName?: string;
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * Everything one running app holds: no module of the app keeps state of its own, so two apps
 * (or two tests) never share a session, a rate-limit hold, notifications or a journal.
 */
export interface AppInstance {
  router: AppRouter;
  queryClient: QueryClient;
  api: Api;
  sessionStore: SessionStore;
  session: SessionControl;
  notifier: Notifier;
  journal: Journal;
  jobs: JobsHandle;
}

export function createApp(options: AppOptions): AppInstance {
  const { config, basePath, origin, navigateAway } = options;
  resolveRegion(config, new URLSearchParams(options.entrySearch));
  let oauthResponse = options.oauthResponse;
  const takeOAuthResponse = () => {
    const response = oauthResponse;
    oauthResponse = undefined;
    return response;
  };

  const sessionStore = new SessionStore(options.storage);
  const http = new HttpClient({
    // The token only ever goes to the session's own region (or the configured apiBaseUrl).
    baseUrl: () => {
      const region = findRegion(sessionStore.get()?.environment);
      return region ? endpointsFor(config, region).apiBaseUrl : undefined;
    },
    token: () => sessionStore.get()?.accessToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.early ? { early: options.early } : {}),
  });
  const api = createApi(http);
  const notifier = new Notifier();
  const journal = new Journal(options.journal);
  const jobs = new JobsHandle({ ...options.jobs, http, ...(options.clock ? { clock: options.clock } : {}) });

  const signInContext: SignInContext = { config, redirectUri: redirectUriFor(config, origin, basePath), navigateAway, sessionStore };
  const queryClient = createQueryClient({
    onUnauthorized: () => session.ended(),
    journal,
    notifier,
    onInterrupted: (intent) => recordInterrupted({ action: intent.action, summary: intent.summary, target: intent.target, at: Date.now() }, options.storage),
  });
  const session = createSessionControl({
    config,
    basePath,
    redirectUri: signInContext.redirectUri,
    queryClient,
    sessionStore,
    api,
    navigateAway,
    router: () => router,
    onEnd: () => jobs.detach(),
    onSignedOut: (signedOut) => sessionChannel?.signedOut(signedOut),
  });
  // Another tab of this browser signed out: so does this one. With a token of its own, it
  // deletes that token at Genesys first, and records it, as its own sign-out would.
  const sessionChannel = openSessionChannel(
    (sameToken) => {
      const end = () => session.ended('signed-out-elsewhere');
      if (sameToken) {
        end();
        return;
      }
      const mutation = queryClient.getMutationCache().build(queryClient, api.mutations.signOut(actorOf(queryClient.getQueryData<UserMe>(userKeys.me()), queryClient.getQueryData<TokenInfo>(tokenKeys.me()))));
      void mutation.execute({}).catch(() => undefined).finally(end);
    },
    () => sessionStore.get(),
    options.sessionChannelName,
  );

  const routes: RouteObject[] = [
    {
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RouteError,
      children: [
        {
          path: paths.signIn.path,
          loader: signInLoader(signInContext),
          element: (
            <Suspense fallback={<FullPageLoader />}>
              <SignInPage context={signInContext} />
            </Suspense>
          ),
        },
        {
          path: paths.sessionEnded.path,
          loader: sessionEndedLoader(sessionStore),
          lazy: { Component: async () => (await import('../auth/SessionEndedPage.tsx')).SessionEndedPage },
        },
        {
          path: config.redirectPath,
          loader: callbackLoader(config, sessionStore, takeOAuthResponse, options.fetch),
          element: <CallbackPage signInHref={(returnTo) => paths.signIn.href({ returnTo })} />,
        },
        {
          loader: session.requireSession,
          element: <Shell nav={NAV} />,
          ErrorBoundary: RouteError,
          children: [
            { index: true, element: <Navigate to={paths.token.href()} replace /> },
            ...PAGES.map(
              (page): RouteObject => ({
                path: page.path,
                ...(page.loader ? { loader: page.loader({ queryClient, api }) } : {}),
                lazy: { Component: async () => (await page.load()).Component },
              }),
            ),
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ];

  const basename = basePath.replace(/\/+$/, '') || '/';
  const router: AppRouter = options.initialPath
    ? createMemoryRouter(routes, { basename, initialEntries: [`${basename === '/' ? '' : basename}${options.initialPath}`] })
    : createBrowserRouter(routes, { basename });
  return { router, queryClient, api, sessionStore, session, notifier, journal, jobs };
}
