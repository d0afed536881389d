import type { QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { redirect, type DataRouter, type LoaderFunction } from 'react-router';
import type { Api } from '../api/api.ts';
import { readTokenInfoAsActivity, tokenKeys, type TokenInfo } from '../api/tokens.ts';
import type { AppConfig } from '../config/config.ts';
import { paths, stripBase, type SessionEndCause } from '../paths.ts';
import type { Session, SessionStore } from './session.ts';
import { readSessionEnd, recordSessionEnd } from './sessionEnd.ts';
import { markSignedOut } from './signIn.ts';
import { genesysLogoutUrl } from './signOut.ts';

/** What is left of the clocks' disagreement once the offset is estimated; an idle deadline this close counts as passed. */
const CLOCK_SKEW_MS = 5_000;

/**
 * Why a token stopped working, as far as this tab can tell. `dateTokenIdles` is in Genesys'
 * time, so it is compared with Genesys' now (`serverOffsetMs`, estimated from its answers);
 * the expiry was computed in the browser's time at sign-in. Times returned are the browser's.
 */
export function causeOfEnd(
  session: Session | undefined,
  info: TokenInfo | undefined,
  now = Date.now(),
  serverOffsetMs = 0,
): { cause: SessionEndCause; at?: number } {
  if (session && session.expiresAt <= now) return { cause: 'expired', at: session.expiresAt };
  const idles = info?.dateTokenIdles ? Date.parse(info.dateTokenIdles) : Number.NaN;
  if (Number.isFinite(idles) && idles <= now + serverOffsetMs + CLOCK_SKEW_MS) return { cause: 'idle', at: idles - serverOffsetMs };
  return { cause: 'revoked' };
}

export interface SessionControl {
  /** The admin chose to sign out: the token is already deleted. */
  signedOut(): void;
  /** The token stopped working (a 401, Verify said so): show why, and offer to sign in again here. */
  ended(cause?: SessionEndCause): void;
  /** Route loader for every signed-in page. */
  requireSession: LoaderFunction;
}

interface SessionControlOptions {
  config: AppConfig;
  basePath: string;
  redirectUri: string;
  queryClient: QueryClient;
  sessionStore: SessionStore;
  api: Api;
  navigateAway: (url: string) => void;
  /** The router is made after the loaders that need this, so it is looked up late. */
  router: () => DataRouter;
  /** The session is over, however it ended: long work of this tab stops, to go on after the next sign-in. */
  onEnd?: () => void;
  /** The admin signed out here: the other tabs of this browser are told. */
  onSignedOut?: (session: Session) => void;
}

/**
 * The session-ending policy: where a signed-in page goes when the session ends, and what it
 * says. A first visit without a session goes straight to sign-in; a session that ends by
 * itself stops on a page that says why.
 */
export function createSessionControl(options: SessionControlOptions): SessionControl {
  const { config, basePath, queryClient, navigateAway, sessionStore, api } = options;
  let ending = false;

  /** The page the admin is on (or going to), relative to the base path. */
  function currentPath(): string {
    const router = options.router();
    const where = router.state.navigation.location ?? router.state.location;
    // The router's location carries the basename; navigate() adds it back.
    return stripBase(`${where.pathname}${where.search}${where.hash}`, basePath);
  }

  function leave(href: string) {
    void queryClient.cancelQueries();
    void options
      .router()
      .navigate(href, { replace: true })
      .finally(() => {
        queryClient.clear();
        ending = false;
      });
  }

  return {
    signedOut() {
      const session = sessionStore.peek();
      if (ending || !session) return;
      ending = true;
      options.onEnd?.();
      options.onSignedOut?.(session);
      sessionStore.clear();
      // Genesys only returns to a registered redirect URI, so the logout comes back through the callback.
      const logoutUrl = genesysLogoutUrl(config, session.environment, options.redirectUri);
      if (logoutUrl) {
        markSignedOut();
        void queryClient.cancelQueries();
        queryClient.clear();
        navigateAway(logoutUrl);
        return;
      }
      leave(paths.signIn.href({ returnTo: currentPath(), signedOut: true }));
    },

    ended(cause) {
      const session = sessionStore.peek();
      // Without a session a 401 is only a late echo of the one that ended it.
      if (ending || !session) return;
      ending = true;
      options.onEnd?.();
      const inferred = cause
        ? { cause }
        : causeOfEnd(session, queryClient.getQueryData<TokenInfo>(tokenKeys.me()), Date.now(), api.http.serverClock.offsetMs);
      sessionStore.clear();
      recordSessionEnd({ returnTo: currentPath(), ...inferred });
      leave(paths.sessionEnded.href());
    },

    requireSession: ({ request }) => {
      if (!sessionStore.get()) {
        const url = new URL(request.url);
        // A request URL has no fragment; on the first load the address bar still has it.
        const hash =
          typeof window !== 'undefined' && window.location.pathname + window.location.search === url.pathname + url.search ? window.location.hash : '';
        const returnTo = stripBase(`${url.pathname}${url.search}${hash}`, basePath);
        const stale = sessionStore.peek();
        if (stale) {
          sessionStore.clear();
          recordSessionEnd({ returnTo, cause: 'expired', at: stale.expiresAt });
          return redirect(paths.sessionEnded.href());
        }
        return redirect(paths.signIn.href({ returnTo }));
      }
      // Identity and token load together, and nothing waits for them: the shell renders at
      // once and each part shows its own progress, rate limit or failure.
      void queryClient.query(api.users.me()).catch(() => undefined);
      if (queryClient.getQueryState(tokenKeys.me())?.data === undefined) {
        void readTokenInfoAsActivity(queryClient, api.http).catch(() => undefined);
      }
      return null;
    },
  };
}

/** The session-ended page only tells what the app recorded; anything else goes on to sign-in or the app. */
export function sessionEndedLoader(sessionStore: SessionStore): LoaderFunction {
  return () => {
    if (sessionStore.get()) return redirect(paths.token.href());
    const end = readSessionEnd();
    return end ?? redirect(paths.signIn.href());
  };
}

/** The app instance's session and the policy for ending it. */
export interface Auth {
  session: SessionStore;
  control: SessionControl;
}

export const AuthContext = createContext<Auth | undefined>(undefined);

function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('The session hooks need the app instance (AuthContext) above them');
  return auth;
}

export function useSessionControl(): SessionControl {
  return useAuth().control;
}

/** The signed-in session (undefined once it has expired or ended), kept current. */
export function useSession(): Session | undefined {
  const { session } = useAuth();
  return useSyncExternalStore(session.subscribe, session.get);
}
