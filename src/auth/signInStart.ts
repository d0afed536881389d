import { redirect, type LoaderFunctionArgs } from 'react-router';
import type { AppConfig } from '../config/config.ts';
import type { Region } from '../config/regions.ts';
import { safeReturnPath } from './returnPath.ts';
import type { SessionStore } from './session.ts';
import { beginSignIn, mayAutoSignIn, resolveRegion, takeSignedOut } from './signIn.ts';

export interface SignInContext {
  config: AppConfig;
  redirectUri: string;
  /** Sends the browser to Genesys Cloud; replaced in tests. */
  navigateAway: (url: string) => void;
  sessionStore: SessionStore;
}

export interface SignInData {
  returnTo: string;
  reason: string | null;
  region: Region | undefined;
  regionFixed: boolean;
  /** Set when the browser is already on its way to the authorize page. */
  authorizeUrl: string | undefined;
  startError: string | undefined;
}

/** The PKCE challenge needs Web Crypto, which browsers only offer on https:// and localhost. */
const START_FAILED =
  'Sign-in could not start in this browser: it needs a secure page (https://). Open the app over https://, or ask whoever deployed it.';

/** Sends the browser to Genesys sign-in; returns the authorize URL, or an error to show. */
interface SignInStart {
  authorizeUrl?: string;
  startError?: string;
}

export async function startSignIn(context: SignInContext, region: Region, returnTo: string): Promise<SignInStart> {
  try {
    const authorizeUrl = await beginSignIn({ config: context.config, region, returnTo, redirectUri: context.redirectUri });
    context.navigateAway(authorizeUrl);
    return { authorizeUrl };
  } catch {
    return { startError: START_FAILED };
  }
}

export function signInLoader(context: SignInContext) {
  return async ({ request }: LoaderFunctionArgs): Promise<SignInData | Response> => {
    const url = new URL(request.url);
    const returnTo = safeReturnPath(url.searchParams.get('returnTo'));
    if (context.sessionStore.get()) return redirect(returnTo);
    const reason = takeSignedOut() ? 'signed-out' : url.searchParams.get('reason');
    const region = resolveRegion(context.config, url.searchParams);
    // Signing out lands here on purpose, so that is the one case that waits for a click.
    const started: SignInStart = region && reason !== 'signed-out' && mayAutoSignIn() ? await startSignIn(context, region, returnTo) : {};
    return {
      returnTo,
      reason,
      region,
      regionFixed: Boolean(context.config.environment),
      authorizeUrl: started.authorizeUrl,
      startError: started.startError,
    };
  };
}

