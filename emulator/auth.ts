import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from './env.ts';
import { errorResponse } from './errors.ts';
import type { RateLimitResult } from './model.ts';
import type { Store } from './store.ts';

/**
 * Permissions are `domain:entity:action`. A `*` segment matches any one segment, a trailing `*` also
 * covers all remaining segments (`oauth:*` grants `oauth:token:delete`), a lone `*` grants
 * everything, case does not matter, an empty grant matches nothing. The app reads grants the same
 * way, as generously as the service might: a control it wrongly disables cannot be worked around,
 * while a wrongly enabled one meets a clear 403 here. test/permission-cases.ts holds both to it.
 */
export function permissionMatches(granted: string, required: string): boolean {
  if (granted === '' || required === '') return false;
  const have = granted.toLowerCase().split(':');
  const want = required.toLowerCase().split(':');
  for (const [i, segment] of want.entries()) {
    const grant = have[i];
    if (grant === undefined) return false;
    if (grant === '*' && i === have.length - 1) return true;
    if (grant !== '*' && grant !== segment) return false;
  }
  return have.length === want.length;
}

export function hasPermission(granted: readonly string[], required: string): boolean {
  return granted.some((g) => permissionMatches(g, required));
}

/** 403 missing.permissions unless the caller holds the permission; undefined when allowed. */
export function requirePermission(c: Context<Env>, permission: string): Response | undefined {
  if (hasPermission(c.get('auth').permissions, permission)) return undefined;
  return errorResponse(
    c,
    403,
    'missing.permissions',
    `Unable to perform the requested action. You are missing the following permission(s): [${permission}]`,
    {
      messageWithParams: 'Unable to perform the requested action. You are missing the following permission(s): [{permissions}]',
      messageParams: { permissions: permission },
    },
  );
}

export function tooManyRequests(c: Context<Env>, retryAfterSeconds: number, code = 'too.many.requests.retry.after'): Response {
  const seconds = String(retryAfterSeconds);
  const res = errorResponse(c, 429, code, `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`, {
    messageWithParams: 'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds',
    messageParams: { retryAfter: seconds },
  });
  res.headers.set('Retry-After', seconds);
  return res;
}

function setRateHeaders(res: Response, rate: Pick<RateLimitResult, 'count' | 'limit' | 'resetSeconds'>): void {
  res.headers.set('inin-ratelimit-count', String(rate.count));
  res.headers.set('inin-ratelimit-allowed', String(rate.limit));
  res.headers.set('inin-ratelimit-reset', String(rate.resetSeconds));
}

function isPreservingIdle(c: Context<Env>): boolean {
  return c.req.method === 'GET' && c.req.path === '/api/v2/tokens/me' && c.req.query('preserveIdleTTL')?.toLowerCase() === 'true';
}

/**
 * Bearer auth for /api/v2: rejects missing or dead tokens, applies the per user-and-client and
 * per-user rate limits, and pushes the token's idle timer forward (except for a preserveIdleTTL=true read).
 */
export function bearerAuth(store: Store): MiddlewareHandler<Env> {
  return async (c, next) => {
    const unauthenticated = (code: string, message: string) => {
      const res = errorResponse(c, 401, code, message);
      setRateHeaders(res, { count: 0, limit: store.rateLimitPerMinute, resetSeconds: store.rateWindowSeconds });
      return res;
    };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    const tokenString = match?.[1];
    if (tokenString === undefined) {
      return unauthenticated('authentication.required', 'No authentication bearer token specified in authorization header.');
    }
    const token = store.tokens.get(tokenString);
    const client = token ? store.clients.get(token.clientId) : undefined;
    if (!token || !client || store.tokenStatus(token) !== 'active') {
      return unauthenticated('bad.credentials', 'Invalid login credentials.');
    }
    const user = token.userId === null ? null : (store.users.get(token.userId) ?? null);
    if (token.userId !== null && user === null) return unauthenticated('bad.credentials', 'Invalid login credentials.');

    const rate = store.hitRateLimit(`${token.userId ?? 'client'}:${client.id}`);
    // Users also have a budget across all their OAuth clients; client credentials have no user.
    const userRate = token.userId === null ? undefined : store.hitRateLimit(`user:${token.userId}`, store.rateLimitPerUserPerMinute);
    const exceeded = [rate, userRate].filter((r): r is RateLimitResult => r !== undefined && !r.allowed);
    if (exceeded.length > 0) {
      const worst = exceeded.reduce((a, b) => (b.resetSeconds > a.resetSeconds ? b : a));
      const res = tooManyRequests(c, worst.resetSeconds);
      setRateHeaders(res, worst);
      return res;
    }
    if (!isPreservingIdle(c)) store.touch(token);
    c.set('auth', { token, user, client, permissions: user ? user.permissions : client.permissions });
    await next();
    setRateHeaders(c.res, rate);
    return undefined;
  };
}
