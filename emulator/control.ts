import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tooManyRequests } from './auth.ts';
import type { Env } from './env.ts';
import { badRequest, errorResponse, isRecord, notFound, readJson } from './errors.ts';
import { APP_CLIENT_ID } from './seed.ts';
import type { Fault, Quirks, TokenRecord } from './model.ts';
import type { Store } from './store.ts';
import { HIPAA_MAX_TIMEOUT_SECONDS } from './tokens.ts';

const DEFAULT_FAULTS: Record<number, { code: string; message: string }> = {
  400: { code: 'bad.request', message: 'The request could not be understood by the server due to malformed syntax.' },
  401: { code: 'bad.credentials', message: 'Invalid login credentials.' },
  403: { code: 'not.authorized', message: 'You are not authorized to perform the requested action.' },
  404: { code: 'not.found', message: 'The requested resource was not found.' },
  409: { code: 'conflict', message: 'The request conflicts with the current state of the resource.' },
  429: { code: 'too.many.requests.retry.after', message: 'Rate limit exceeded the maximum.' },
  500: { code: 'internal.server.error', message: 'The server encountered an unexpected condition which prevented it from fulfilling the request.' },
  502: { code: 'bad.gateway', message: 'The server received an invalid response from an upstream server.' },
  503: { code: 'service.unavailable', message: 'Service Unavailable - The server is currently unavailable (because it is overloaded or down for maintenance).' },
  504: { code: 'request.timeout', message: 'The request timed out.' },
};

/** Answers the next matching /api/v2 requests with an injected failure instead of handling them. */
export function faultInjection(store: Store): MiddlewareHandler<Env> {
  return async (c, next) => {
    const fault = store.takeFault(c.req.method, c.req.path);
    if (!fault) {
      await next();
      return undefined;
    }
    const status = fault.status as ContentfulStatusCode;
    const defaults = DEFAULT_FAULTS[fault.status] ?? { code: 'error', message: 'The request failed.' };
    let res: Response;
    if (fault.rawBody !== undefined) {
      res = c.body(fault.rawBody, status, { 'Content-Type': 'text/html; charset=utf-8' });
    } else if (fault.status === 429 && fault.message === undefined) {
      res = tooManyRequests(c, fault.retryAfterSeconds ?? 1, fault.code ?? defaults.code);
    } else {
      res = errorResponse(c, status, fault.code ?? defaults.code, fault.message ?? defaults.message);
    }
    const retryAfter = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
    if (retryAfter !== undefined) res.headers.set('Retry-After', String(retryAfter));
    return res;
  };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function tokenSummary(store: Store, t: TokenRecord): Record<string, unknown> {
  const status = store.tokenStatus(t);
  const deadline = t.idledAt ?? store.idleDeadline(t);
  return {
    tokenPrefix: t.token.slice(0, 8),
    userId: t.userId,
    clientId: t.clientId,
    issuedAt: iso(t.issuedAt),
    expiresAt: iso(t.expiresAt),
    lastUsedAt: iso(t.lastUsedAt),
    revoked: t.revokedAt !== null,
    idleAt: iso(deadline),
    status,
  };
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', '*'];

/** The test-only control API, mounted under /__emulator/ when enabled. */
export function controlRoutes(store: Store): Hono<Env> {
  const app = new Hono<Env>();

  app.post('/reset', (c) => {
    store.reset();
    return c.json({ ok: true });
  });

  app.post('/rate-limit', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const v = isRecord(body.value) ? body.value : {};
    const { perMinute, perUserPerMinute } = v;
    const positive = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
    const problems = [
      ...(perMinute !== undefined && !positive(perMinute) ? ['perMinute'] : []),
      ...(perUserPerMinute !== undefined && !positive(perUserPerMinute) ? ['perUserPerMinute'] : []),
    ];
    if (problems.length > 0 || (perMinute === undefined && perUserPerMinute === undefined)) {
      return badRequest(
        c,
        'Send perMinute (per user and OAuth client) and/or perUserPerMinute (per user across clients), each a positive integer.',
        (problems.length > 0 ? problems : ['perMinute']).map((fieldName) => ({ errorCode: 'invalid.value', fieldName })),
      );
    }
    store.setRateLimit({
      ...(positive(perMinute) ? { perMinute } : {}),
      ...(positive(perUserPerMinute) ? { perUserPerMinute } : {}),
    });
    return c.json({ perMinute: store.rateLimitPerMinute, perUserPerMinute: store.rateLimitPerUserPerMinute });
  });

  app.post('/clock', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const seconds = isRecord(body.value) ? body.value.advanceSeconds : undefined;
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      return badRequest(c, 'advanceSeconds must be a number of seconds, 0 or more.', [{ errorCode: 'invalid.value', fieldName: 'advanceSeconds' }]);
    }
    store.advanceClock(seconds);
    return c.json({ offsetSeconds: store.clockOffsetMs / 1000, now: new Date(store.now()).toISOString() });
  });

  app.post('/org', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const hipaa = isRecord(body.value) ? body.value.hipaa : undefined;
    if (typeof hipaa !== 'boolean') return badRequest(c, 'hipaa must be true or false.', [{ errorCode: 'invalid.value', fieldName: 'hipaa' }]);
    store.setHipaa(hipaa, HIPAA_MAX_TIMEOUT_SECONDS);
    return c.json({ id: store.org.id, name: store.org.name, hipaa });
  });

  app.get('/quirks', (c) => c.json(store.quirks));

  app.post('/quirks', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const v = body.value;
    if (!isRecord(v)) return badRequest(c, 'The request body must be a JSON object.');
    const problems = Object.keys(v).filter((key) => !['deleteStatus', 'exposeHeaders'].includes(key));
    const { deleteStatus, exposeHeaders } = v;
    if (deleteStatus !== undefined && deleteStatus !== 200 && deleteStatus !== 204) problems.push('deleteStatus');
    if (exposeHeaders !== undefined && typeof exposeHeaders !== 'boolean') problems.push('exposeHeaders');
    if (problems.length > 0) {
      return badRequest(
        c,
        `Invalid quirks: ${problems.join(', ')}. Expected { deleteStatus?: 200 | 204, exposeHeaders?: boolean }.`,
        problems.map((fieldName) => ({ errorCode: 'invalid.value', fieldName })),
      );
    }
    const next: Partial<Quirks> = {
      ...(deleteStatus === 200 || deleteStatus === 204 ? { deleteStatus } : {}),
      ...(typeof exposeHeaders === 'boolean' ? { exposeHeaders } : {}),
    };
    store.quirks = { ...store.quirks, ...next };
    return c.json(store.quirks);
  });

  app.get('/faults', (c) => c.json(store.faults));

  app.post('/faults', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const v = body.value;
    if (!isRecord(v)) return badRequest(c, 'The request body must be a JSON object.');
    const problems: string[] = [];
    const method = typeof v.method === 'string' ? v.method.toUpperCase() : '*';
    if (!METHODS.includes(method)) problems.push('method');
    if (typeof v.path !== 'string' || !v.path.startsWith('/api/v2/')) problems.push('path');
    const count = v.count ?? 1;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) problems.push('count');
    const status = v.status;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) problems.push('status');
    if (v.code !== undefined && typeof v.code !== 'string') problems.push('code');
    if (v.message !== undefined && typeof v.message !== 'string') problems.push('message');
    const retry = v.retryAfterSeconds;
    if (retry !== undefined && (typeof retry !== 'number' || !Number.isInteger(retry) || retry < 0)) problems.push('retryAfterSeconds');
    if (v.rawBody !== undefined && typeof v.rawBody !== 'string') problems.push('rawBody');
    if (problems.length > 0 || typeof status !== 'number' || typeof count !== 'number' || typeof v.path !== 'string') {
      return badRequest(
        c,
        `Invalid fault: ${problems.join(', ')}. Expected { method: GET|PUT|…|*, path: "/api/v2/…", count?: integer ≥ 1, status: 400–599, code?, message?, retryAfterSeconds?, rawBody? }.`,
        problems.map((fieldName) => ({ errorCode: 'invalid.value', fieldName })),
      );
    }
    const fault: Fault = {
      method,
      path: v.path,
      remaining: count,
      status,
      ...(typeof v.code === 'string' ? { code: v.code } : {}),
      ...(typeof v.message === 'string' ? { message: v.message } : {}),
      ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
      ...(typeof v.rawBody === 'string' ? { rawBody: v.rawBody } : {}),
    };
    store.addFault(fault);
    return c.json(fault);
  });

  app.delete('/faults', (c) => {
    store.clearFaults();
    return c.json({ ok: true });
  });

  app.post('/tokens', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const v = body.value;
    if (!isRecord(v)) return badRequest(c, 'The request body must be a JSON object.');
    const email = typeof v.email === 'string' ? v.email : undefined;
    const clientId = typeof v.clientId === 'string' ? v.clientId : APP_CLIENT_ID;
    if (!store.clients.has(clientId)) {
      return badRequest(c, `Unknown OAuth client ${clientId}.`, [{ errorCode: 'invalid.value', fieldName: 'clientId' }]);
    }
    try {
      return c.json(store.mintToken(email, clientId));
    } catch (error) {
      return notFound(c, error instanceof Error ? error.message : 'No such user.');
    }
  });

  app.get('/tokens', (c) => {
    const userId = c.req.query('userId');
    const list = [...store.tokens.values()].filter((t) => userId === undefined || t.userId === userId);
    return c.json(list.map((t) => tokenSummary(store, t)));
  });

  app.all('*', (c) => notFound(c, 'Unknown control API route.'));

  return app;
}
