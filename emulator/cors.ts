import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from './env.ts';
import { errorResponse } from './errors.ts';
import type { Store } from './store.ts';

export const EXPOSED_HEADERS = ['Date', 'Retry-After', 'ININ-Correlation-Id', 'inin-ratelimit-count', 'inin-ratelimit-allowed', 'inin-ratelimit-reset'];

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
    // A no-cors fault: the answer a browser refuses to hand to the page (a misconfigured gateway).
    if (c.get('withholdCors')) return undefined;
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    // Whether Genesys exposes these is UNCONFIRMED; the quirk lets tests cover both readings.
    if (store.quirks.exposeHeaders) c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    return undefined;
  };
}

function isLoopbackIpv4(host: string): boolean {
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** localhost, 127.0.0.0/8 or ::1 (bare or in brackets), case-insensitive, a trailing dot allowed. */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '::1' || host === '[::1]' || isLoopbackIpv4(host);
}

/** A Host header (name or address, any port) that names this machine's loopback interface. */
export function isLoopbackHost(hostHeader: string): boolean {
  const bracketed = /^(\[[^\]]*\])(?::\d{1,5})?$/.exec(hostHeader);
  if (bracketed) return isLoopbackHostname(bracketed[1] ?? '');
  const plain = /^([^:]+)(?::\d{1,5})?$/.exec(hostHeader);
  return plain !== null && isLoopbackHostname(plain[1] ?? '');
}

/** An http origin on a loopback name or address, any port. */
export function isLoopbackOrigin(origin: string): boolean {
  const match = /^http:\/\/([^/?#@]+)$/.exec(origin);
  return match !== null && isLoopbackHost(match[1] ?? '');
}

/**
 * The control API can mint admin tokens, so it answers only this machine:
 * - the Host header must name a loopback host (localhost, 127.0.0.0/8, [::1]; any port), which
 *   defeats DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 still sends
 *   `Host: evil.example`;
 * - a request with an Origin must come from a loopback origin, and gets CORS only then (a browser
 *   may send a no-cors request without reading the answer: it is refused too);
 * - a request without an Origin (scripts, Playwright) is served only while the emulator listens on
 *   a loopback address; bound wider, anyone on the network could send one.
 * `boundTo` is the listen address; undefined means in-process (tests), which counts as loopback.
 */
export function controlCors(boundTo?: string): MiddlewareHandler<Env> {
  return async (c, next) => {
    const refuse = (why: string) => errorResponse(c, 403, 'not.authorized', `The emulator's control API refused this request: ${why}`);
    const host = c.req.header('Host') ?? new URL(c.req.url).host;
    if (!isLoopbackHost(host)) {
      return refuse(`it only answers requests addressed to localhost, 127.0.0.0/8 or [::1] (any port), not Host ${host}.`);
    }
    const origin = c.req.header('Origin');
    if (origin !== undefined && !isLoopbackOrigin(origin)) {
      return refuse(`it only answers pages on loopback origins (http://localhost, http://127.0.0.1, http://[::1]), not ${origin}.`);
    }
    if (origin === undefined && boundTo !== undefined && !isLoopbackHostname(boundTo)) {
      return refuse(
        `requests without an Origin header are only served while the emulator listens on a loopback address, and it listens on ${boundTo}. ` +
          'Send an Origin header of a loopback origin (e.g. Origin: http://localhost), or run the emulator on 127.0.0.1.',
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
