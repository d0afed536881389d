import type { QueryClient } from '@tanstack/react-query';
import { Navigate, createBrowserRouter, createMemoryRouter, redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { configureHttp } from '../api/http.ts';
import { tokenQueries } from '../api/tokens.ts';
import { userQueries } from '../api/users.ts';
import { CallbackPage, callbackLoader } from '../auth/CallbackPage.tsx';
import { SignInPage, signInLoader, type SignInContext } from '../auth/SignInPage.tsx';
import { sessionStore } from '../auth/session.ts';
import type { OAuthResponse } from '../auth/oauthResponse.ts';
import { markSignedOut, redirectUriFor, resolveRegion } from '../auth/signIn.ts';
import { genesysLogoutUrl } from '../auth/signOut.ts';
import { endpointsFor, type AppConfig } from '../config/config.ts';
import { findRegion } from '../config/regions.ts';
import { TokenPage } from '../features/token/TokenPage.tsx';
import { paths, type SignInReason } from './paths.ts';
import { createQueryClient } from './queryClient.ts';
import { FullPageLoader, NotFound, RouteError } from './RouteError.tsx';
import { Shell } from './Shell.tsx';

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
}

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export interface AppInstance {
  router: AppRouter;
  queryClient: QueryClient;
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
  let endingSession = false;

  configureHttp({
    getBaseUrl: () => {
      const region = findRegion(sessionStore.get()?.environment);
      return region ? endpointsFor(config, region).apiBaseUrl : undefined;
    },
    getToken: () => sessionStore.get()?.accessToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const signInContext: SignInContext = { config, redirectUri: redirectUriFor(config, origin, basePath), navigateAway };

  const queryClient = createQueryClient({ onUnauthorized: () => endSession('expired') });

  /** Ends the session (a 401, sign-out) and goes to sign-in, remembering where the admin was. */
  function endSession(reason: SignInReason) {
    // Without a session a 401 is only a late echo of the one that ended it.
    if (endingSession || !sessionStore.peek()) return;
    endingSession = true;
    const environment = sessionStore.peek()?.environment;
    const where = router.state.navigation.location ?? router.state.location;
    // The router's location carries the basename; navigate() adds it back.
    const returnTo = stripBase(`${where.pathname}${where.search}${where.hash}`, basePath);
    sessionStore.clear();
    void queryClient.cancelQueries();
    const signInHref = paths.signIn.href({ returnTo, reason });
    // Genesys only returns to a registered redirect URI, so the logout comes back through the callback.
    const logoutUrl = reason === 'signed-out' && environment ? genesysLogoutUrl(config, environment, signInContext.redirectUri) : undefined;
    if (logoutUrl) {
      markSignedOut();
      queryClient.clear();
      navigateAway(logoutUrl);
      return;
    }
    void router.navigate(signInHref, { replace: true }).finally(() => {
      queryClient.clear();
      endingSession = false;
    });
  }

  const requireSession = async ({ request }: LoaderFunctionArgs) => {
    if (!sessionStore.get()) {
      const url = new URL(request.url);
      // A request URL has no fragment; on the first load the address bar still has it.
      const hash = typeof window !== 'undefined' && window.location.pathname + window.location.search === url.pathname + url.search ? window.location.hash : '';
      const returnTo = stripBase(`${url.pathname}${url.search}${hash}`, basePath);
      return redirect(paths.signIn.href({ returnTo }));
    }
    // The caller and the token load together; the shell and pages read both from the cache and
    // show a failure where the data would be (a 401 has already ended the session by then).
    await Promise.allSettled([
      queryClient.query({ ...userQueries.me(), staleTime: 'static' }),
      queryClient.query({ ...tokenQueries.me(), staleTime: 'static' }),
    ]);
    return null;
  };

  const routes: RouteObject[] = [
    {
      HydrateFallback: FullPageLoader,
      ErrorBoundary: RouteError,
      children: [
        { path: paths.signIn.path, loader: signInLoader(signInContext), element: <SignInPage context={signInContext} /> },
        {
          path: config.redirectPath,
          loader: callbackLoader(config, takeOAuthResponse, options.fetch),
          element: <CallbackPage signInHref={(returnTo) => paths.signIn.href({ returnTo })} />,
        },
        {
          loader: requireSession,
          element: <Shell onSignedOut={() => endSession('signed-out')} />,
          ErrorBoundary: RouteError,
          children: [
            { index: true, element: <Navigate to={paths.token.href()} replace /> },
            { path: paths.token.path, element: <TokenPage onSignInAgain={() => endSession('expired')} /> },
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
  return { router, queryClient };
}

function stripBase(path: string, basePath: string): string {
  const base = basePath.replace(/\/+$/, '');
  return base && path.startsWith(base) ? path.slice(base.length) || '/' : path;
}
