import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bearerAuth } from './auth.ts';
import { controlRoutes, faultInjection } from './control.ts';
import { avatarRoutes } from './avatars.ts';
import { apiCors, controlCors } from './cors.ts';
import type { Connection, Env } from './env.ts';
import { errorResponse, notFound } from './errors.ts';
import { groupsRoutes } from './groups.ts';
import { oauthRoutes, redirectUriProblem } from './oauth.ts';
import { homePage } from './pages.ts';
import type { MintedToken, SeedBuilder } from './model.ts';
import { APP_CLIENT_ID, buildSeed, DEFAULT_REDIRECT_URIS } from './seed.ts';
import { Store } from './store.ts';
import { tokensRoutes } from './tokens.ts';
import { usersRoutes } from './users.ts';

export interface EmulatorOptions {
  /** Enables the test-only control API under /__emulator/ (default false). */
  control?: boolean;
  /** Requests per user (or client-credentials client) and OAuth client per rate window, 60 s unless the control API sets it (default 300). */
  rateLimitPerMinute?: number;
  /** Requests per user across all OAuth clients per rate window (default 3000). */
  rateLimitPerUserPerMinute?: number;
  /** Redirect URIs registered for both browser clients, matched exactly (default DEFAULT_REDIRECT_URIS). */
  redirectUris?: readonly string[];
  /** ms clock source (default Date.now); advanceClock() adds to it. */
  now?: () => number;
  /**
   * The address the server listens on (server.ts passes its hostname). The control API serves
   * requests without an Origin header only when this is a loopback address; undefined means
   * in-process, which counts as loopback.
   */
  boundTo?: string;
  /** The world to start from and reset to (default: the full seed, buildSeed). Tests may pass a small one. */
  seed?: SeedBuilder;
}

export interface Emulator {
  app: Hono;
  /**
   * Drop-in for global fetch: accepts absolute URLs on any host (routes by path) or Request objects.
   * Used by unit tests in-process. Like a browser's fetch, it rejects with TypeError('Failed to
   * fetch') for a dropped connection and, always, for a no-cors fault (nothing here checks CORS).
   */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Mint a token directly (tests): as if the user signed in through the given client (default: the PKCE app client). */
  issueToken(email: string, options?: { clientId?: string }): MintedToken;
  /** Back to the seed. */
  reset(): void;
  /** Moves the emulator's clock forward. */
  advanceClock(seconds: number): void;
  /** The redirect URIs registered for the browser clients. */
  redirectUris: readonly string[];
  store: Store;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

const isUrlSearchParams = (body: unknown): body is URLSearchParams =>
  Object.prototype.toString.call(body) === '[object URLSearchParams]';

/**
 * Builds a Request without the caller's signal: under jsdom, AbortSignal and URLSearchParams
 * come from another realm and Node's Request would reject or mis-encode them.
 */
function toRequest(input: RequestInfo | URL, init?: RequestInit): Request {
  if (input instanceof Request && init === undefined) return input;
  let url: string;
  if (typeof input === 'string') url = input;
  else if (input instanceof Request) url = input.url;
  else url = input.href;
  if (url.startsWith('/')) url = `http://localhost${url}`;
  const base: RequestInit =
    input instanceof Request
      ? { method: input.method, headers: input.headers, ...(input.body ? { body: input.body, duplex: 'half' } : {}) }
      : {};
  const headers = new Headers(init?.headers ?? base.headers);
  let body = init?.body ?? base.body;
  if (isUrlSearchParams(body)) {
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8');
    body = body.toString();
  }
  return new Request(url, { ...base, ...init, signal: null, headers, ...(body === undefined ? {} : { body }) });
}

/** Throws when a redirect URI could never match what a browser sends. */
function checkRedirectUris(uris: readonly string[]): void {
  if (uris.length === 0) throw new Error('At least one redirect URI must be registered.');
  const problems = uris.map(redirectUriProblem).filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new Error(`Invalid redirect URI: ${problems.join(' ')}`);
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const redirectUris = options.redirectUris ?? DEFAULT_REDIRECT_URIS;
  checkRedirectUris(redirectUris);
  const store = new Store({
    now: options.now ?? Date.now,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 300,
    rateLimitPerUserPerMinute: options.rateLimitPerUserPerMinute ?? 3000,
    redirectUris,
    seed: options.seed ?? buildSeed,
  });
  // Typed inner app (request variables); the public root is a plain Hono, as the brief's type says.
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const id = randomUUID();
    c.set('correlationId', id);
    await next();
    c.res.headers.set('ININ-Correlation-Id', id);
    // Its own clock, which tests move: the app estimates Genesys' time from this.
    c.res.headers.set('Date', new Date(store.now()).toUTCString());
  });

  app.use('/api/v2/*', apiCors(store));
  app.use('/oauth/token', apiCors(store));
  if (options.control) app.use('/__emulator/*', controlCors(options.boundTo));

  app.use('/api/v2/*', faultInjection(store));
  app.use('/api/v2/*', bearerAuth(store));
  app.route('/api/v2/tokens', tokensRoutes(store));
  app.route('/api/v2/users', usersRoutes(store));
  app.route('/api/v2/groups', groupsRoutes(store));
  app.all('/api/v2/*', (c) => notFound(c));

  app.route('/avatars', avatarRoutes(store));
  app.route('/', oauthRoutes(store));
  if (options.control) app.route('/__emulator', controlRoutes(store));
  app.get('/', (c) => c.html(homePage(store.org.name)));

  app.all('*', (c) => notFound(c));
  app.onError((error, c) => {
    console.error('[emulator] unhandled error', error);
    return errorResponse(c, 500, 'internal.server.error', 'The server encountered an unexpected condition which prevented it from fulfilling the request.');
  });

  const root = new Hono();
  root.route('/', app);

  const emulatorFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    let request: Request;
    try {
      request = toRequest(input, init);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new TypeError('Invalid request'));
    }
    return new Promise<Response>((resolve, reject) => {
      const gone = new AbortController();
      const onAbort = () => {
        if (signal) fail(abortError(signal));
      };
      const fail = (error: Error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
        gone.abort();
      };
      const connection: Connection = {
        closed: gone.signal,
        // What a browser's fetch gives for a network error.
        drop: () => {
          fail(new TypeError('Failed to fetch'));
        },
        enforcesCors: false,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      Promise.resolve(root.fetch(request, { connection })).then(
        (res) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(res);
        },
        (error: unknown) => {
          fail(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  return {
    app: root,
    fetch: emulatorFetch,
    issueToken: (email, opts) => store.mintToken(email, opts?.clientId ?? APP_CLIENT_ID),
    reset: () => {
      store.reset();
    },
    advanceClock: (seconds) => {
      store.advanceClock(seconds);
    },
    redirectUris: store.redirectUris,
    store,
  };
}
