import type { AppConfig } from '../config/config.ts';
import { endpointsFor } from '../config/config.ts';
import { findRegion, regionFromSearch, type Region } from '../config/regions.ts';
import { base64UrlDecode, base64UrlEncode, codeChallengeFor, createCodeVerifier, randomNonce } from './pkce.ts';
import { safeReturnPath } from './returnPath.ts';
import type { Session } from './session.ts';

const PENDING_KEY = 'token-admin:pending-sign-in';
const REGION_KEY = 'token-admin:region';
const AUTO_SIGN_IN_KEY = 'token-admin:auto-sign-ins';
const SIGNED_OUT_KEY = 'token-admin:signed-out';
/** A sign-in left unfinished longer than this is refused on return. */
const PENDING_TTL_MS = 10 * 60_000;
/** Genesys' default token lifetime, used when the answer leaves `expires_in` out. */
const DEFAULT_EXPIRES_IN_SECONDS = 86_400;

interface PendingSignIn {
  state: string;
  verifier?: string;
  returnTo: string;
  environment: string;
  redirectUri: string;
  flow: AppConfig['oauthFlow'];
  createdAt: number;
}

export type SignInErrorKind = 'denied' | 'oauth' | 'state' | 'exchange';

export class SignInError extends Error {
  readonly kind: SignInErrorKind;
  readonly oauthError: string | undefined;
  readonly description: string | undefined;

  constructor(kind: SignInErrorKind, message: string, oauthError?: string, description?: string) {
    super(message);
    this.name = 'SignInError';
    this.kind = kind;
    this.oauthError = oauthError;
    this.description = description;
  }
}

/** Where Genesys sends the browser back: `redirectPath` under the app's base path. */
export function redirectUriFor(config: AppConfig, origin: string, basePath: string): string {
  return `${origin}${basePath.replace(/\/+$/, '')}${config.redirectPath}`;
}

/**
 * The region to sign in to: the configured one, else one a portal link named (only if it is a
 * known Genesys region), else one picked earlier in this tab.
 */
export function resolveRegion(config: AppConfig, search: URLSearchParams): Region | undefined {
  if (config.environment) return findRegion(config.environment);
  const fromLink = regionFromSearch(search);
  if (fromLink) {
    rememberRegion(fromLink);
    return fromLink;
  }
  return findRegion(sessionStorage.getItem(REGION_KEY));
}

export function rememberRegion(region: Region): void {
  sessionStorage.setItem(REGION_KEY, region.domain);
}

function readPending(): PendingSignIn[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingSignIn[]).filter((p) => Date.now() - p.createdAt < PENDING_TTL_MS) : [];
  } catch {
    return [];
  }
}

function writePending(pending: PendingSignIn[]) {
  if (pending.length === 0) sessionStorage.removeItem(PENDING_KEY);
  else sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
}

/** Removes and returns the sign-in this `state` belongs to: each state is good for one return only. */
function takePending(state: string | null): PendingSignIn | undefined {
  const pending = readPending();
  const match = state ? pending.find((p) => p.state === state) : undefined;
  writePending(pending.filter((p) => p !== match));
  return match;
}

export interface BeginSignIn {
  config: AppConfig;
  region: Region;
  returnTo: string;
  redirectUri: string;
}

/** Records a pending sign-in and returns the authorize URL to send the browser to. */
export async function beginSignIn({ config, region, returnTo, redirectUri }: BeginSignIn): Promise<string> {
  const safeReturnTo = safeReturnPath(returnTo);
  // The state is random and also carries the return path and region, as Genesys drops our query string.
  const state = base64UrlEncode(
    new TextEncoder().encode(JSON.stringify({ n: randomNonce(), r: safeReturnTo, e: region.domain })),
  );
  const url = new URL(`${endpointsFor(config, region).loginBaseUrl}/oauth/authorize`);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  const pending: PendingSignIn = {
    state,
    returnTo: safeReturnTo,
    environment: region.domain,
    redirectUri,
    flow: config.oauthFlow,
    createdAt: Date.now(),
  };
  if (config.oauthFlow === 'pkce') {
    const verifier = createCodeVerifier();
    pending.verifier = verifier;
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('code_challenge', await codeChallengeFor(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
  } else {
    url.searchParams.set('response_type', 'token');
  }
  writePending([...readPending(), pending]);
  return url.toString();
}

/** The return path a state names, for a retry after a failed sign-in; only same-origin paths. */
export function returnPathFromState(state: string | null): string {
  try {
    const decoded = JSON.parse(base64UrlDecode(state ?? '')) as { r?: unknown };
    return safeReturnPath(typeof decoded.r === 'string' ? decoded.r : undefined);
  } catch {
    return safeReturnPath(undefined);
  }
}

export interface CompletedSignIn {
  session: Session;
  returnTo: string;
}

/**
 * Finishes sign-in on the redirect back: checks `state` against this tab's pending sign-in,
 * then exchanges the code (PKCE) or reads the token from the hash (implicit).
 */
export async function completeSignIn(
  config: AppConfig,
  location: { search: string; hash: string },
  fetchFn: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<CompletedSignIn> {
  const params = new URLSearchParams(location.search);
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const answer = hash.has('access_token') || hash.has('error') ? hash : params;

  const oauthError = answer.get('error');
  const pending = takePending(answer.get('state'));
  if (!pending) {
    throw new SignInError(
      'state',
      'This sign-in response does not match a sign-in started in this browser tab: its state is missing, altered, expired or already used. It was refused to protect your account.',
    );
  }
  // Only a response to our own request may put Genesys' words on screen.
  if (oauthError) {
    const description = answer.get('error_description') ?? undefined;
    if (oauthError === 'access_denied') {
      throw new SignInError('denied', 'Sign-in was cancelled or access was denied.', oauthError, description);
    }
    throw new SignInError('oauth', 'Genesys Cloud refused the sign-in.', oauthError, description);
  }
  const region = findRegion(pending.environment);
  if (!region) throw new SignInError('state', 'The sign-in named a region that is not a known Genesys Cloud region.');

  if (pending.flow === 'implicit') {
    const accessToken = answer.get('access_token');
    if (!accessToken) throw new SignInError('exchange', 'Genesys Cloud sent no access token back.');
    return {
      session: sessionFrom(accessToken, answer.get('expires_in'), region, 'implicit'),
      returnTo: pending.returnTo,
    };
  }

  const code = params.get('code');
  if (!code || !pending.verifier) throw new SignInError('exchange', 'Genesys Cloud sent no authorization code back.');
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    code_verifier: pending.verifier,
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
  });
  let response: Response;
  try {
    response = await fetchFn(`${endpointsFor(config, region).loginBaseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
    });
  } catch {
    throw new SignInError('exchange', `Could not reach the Genesys Cloud login service for ${region.label}. Check your connection and try again.`);
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof payload.access_token !== 'string') {
    const error = typeof payload.error === 'string' ? payload.error : `HTTP ${response.status}`;
    const description = typeof payload.error_description === 'string' ? payload.error_description : undefined;
    throw new SignInError('exchange', 'Genesys Cloud did not accept the sign-in code.', error, description);
  }
  const expiresIn = typeof payload.expires_in === 'number' ? String(payload.expires_in) : null;
  return { session: sessionFrom(payload.access_token, expiresIn, region, 'pkce'), returnTo: pending.returnTo };
}

function sessionFrom(accessToken: string, expiresIn: string | null, region: Region, flow: Session['flow']): Session {
  const seconds = Number(expiresIn);
  const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_EXPIRES_IN_SECONDS;
  return { accessToken, expiresAt: Date.now() + lifetime * 1000, environment: region.domain, flow };
}

/**
 * Automatic sign-in redirects are capped so a token that fails at once cannot bounce the
 * browser between the app and Genesys forever.
 */
export function mayAutoSignIn(now = Date.now()): boolean {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(AUTO_SIGN_IN_KEY) ?? '[]');
  } catch {
    stored = [];
  }
  const recent = (Array.isArray(stored) ? stored : []).filter((t): t is number => typeof t === 'number' && now - t < 60_000);
  if (recent.length >= 3) return false;
  sessionStorage.setItem(AUTO_SIGN_IN_KEY, JSON.stringify([...recent, now]));
  return true;
}

/** Remembers, across the trip to the login host's /logout, that the admin chose to sign out. */
export function markSignedOut(): void {
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
}

/** Whether the admin just signed out (read once). */
export function takeSignedOut(): boolean {
  const signedOut = sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
  sessionStorage.removeItem(SIGNED_OUT_KEY);
  return signedOut;
}
