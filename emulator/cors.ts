import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from './env.ts';
import { errorResponse } from './errors.ts';
import type { Store } from './store.ts';

export const EXPOSED_HEADERS = ['Retry-After', 'ININ-Correlation-Id', 'inin-ratelimit-count', 'inin-ratelimit-allowed', 'inin-ratelimit-reset'];

/** The preflight's requested headers, echoed back (browsers may ask for more than the fallback). */
function allowHeaders(c: Context<Env>, fallback: string): string {
  const requested = c.req.header('Access-Control-Request-Headers')?.trim();
  return requested === undefined || requested === '' ? fallback : requested;
}

/** CORS as the real API: any origin, bearer tokens (no cookies), preflight answered without auth. */
export function apiCors(store: Store): MiddlewareHandler<Env> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': allowHeaders(c, 'Authorization, Content-Type'),
        'Access-Control-Max-Age': '600',
        Vary: 'Access-Control-Request-Headers',
      });
    }
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    // Whether Genesys exposes these is UNCONFIRMED; the quirk lets tests cover both readings.
    if (store.quirks.exposeHeaders) c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    return undefined;
  };
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export function isLoopbackOrigin(origin: string): boolean {
  return LOOPBACK_ORIGIN.test(origin);
}

/**
 * The control API can mint admin tokens, so pages on other origins get no CORS answer, and their
 * requests (which a browser may still send without reading the answer) are refused.
 */
export function controlCors(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isLoopbackOrigin(origin)) {
      return errorResponse(
        c,
        403,
        'not.authorized',
        `The emulator's control API only answers pages on loopback origins (http://localhost, http://127.0.0.1, http://[::1]), not ${origin}.`,
      );
    }
    const allow: Record<string, string> = origin === undefined ? {} : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...allow,
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers': allowHeaders(c, 'Content-Type'),
        'Access-Control-Max-Age': '600',
        Vary: 'Origin, Access-Control-Request-Headers',
      });
    }
    await next();
    for (const [name, value] of Object.entries(allow)) c.res.headers.set(name, value);
    return undefined;
  };
}
