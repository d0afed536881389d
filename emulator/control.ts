import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tooManyRequests } from './auth.ts';
import type { Env } from './env.ts';
import { badRequest, errorResponse, notFound, readJson } from './errors.ts';
import { APP_CLIENT_ID } from './seed.ts';
import type { Fault, TokenRecord } from './model.ts';
import type { Store } from './store.ts';
import { HIPAA_MAX_TIMEOUT_SECONDS } from './tokens.ts';
import { bool, intIn, invalid, objectBody, parseWith } from './validation.ts';

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

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', '*'] as const;

// Bodies of the control API; messages read after the field name (see describeZodError).
const positive = () => intIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of 1 or more.').optional();

const rateLimitBody = z
  .object({ perMinute: positive(), perUserPerMinute: positive() }, objectBody)
  .refine((v) => v.perMinute !== undefined || v.perUserPerMinute !== undefined, {
    path: ['perMinute'],
    error: 'or perUserPerMinute is required: perMinute limits each user and OAuth client, perUserPerMinute each user across clients.',
  });

const clockBody = z.object(
  { advanceSeconds: z.number({ error: 'must be a number of seconds, 0 or more.' }).min(0, { error: 'must be a number of seconds, 0 or more.' }) },
  objectBody,
);

const orgBody = z.object({ hipaa: bool() }, objectBody);

const quirksBody = z.strictObject(
  {
    deleteStatus: z.union([z.literal(200), z.literal(204)], { error: 'must be 200 or 204.' }).optional(),
    exposeHeaders: bool().optional(),
  },
  objectBody,
);

const faultBody = z.object(
  {
    method: z
      .string({ error: `must be one of ${METHODS.join(', ')}.` })
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(METHODS, { error: `must be one of ${METHODS.join(', ')}.` }))
      .default('*'),
    path: z.string({ error: 'must be a path under /api/v2/ ("*" matches one segment).' }).startsWith('/api/v2/', { error: 'must be a path under /api/v2/ ("*" matches one segment).' }),
    count: intIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of 1 or more.').default(1),
    status: intIn(400, 599, 'must be an HTTP error status from 400 to 599.'),
    code: z.string({ error: 'must be a string.' }).optional(),
    message: z.string({ error: 'must be a string.' }).optional(),
    retryAfterSeconds: intIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of seconds, 0 or more.').optional(),
    rawBody: z.string({ error: 'must be a string.' }).optional(),
  },
  objectBody,
);

const tokensBody = z.object(
  { email: z.string({ error: 'must be a string.' }).optional(), clientId: z.string({ error: 'must be a string.' }).optional() },
  objectBody,
);

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
    const parsed = parseWith(rateLimitBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    store.setRateLimit(parsed.value);
    return c.json({ perMinute: store.rateLimitPerMinute, perUserPerMinute: store.rateLimitPerUserPerMinute });
  });

  app.post('/clock', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = parseWith(clockBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    store.advanceClock(parsed.value.advanceSeconds);
    return c.json({ offsetSeconds: store.clockOffsetMs / 1000, now: new Date(store.now()).toISOString() });
  });

  app.post('/org', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = parseWith(orgBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    store.setHipaa(parsed.value.hipaa, HIPAA_MAX_TIMEOUT_SECONDS);
    return c.json({ id: store.org.id, name: store.org.name, hipaa: parsed.value.hipaa });
  });

  app.get('/quirks', (c) => c.json(store.quirks));

  app.post('/quirks', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = parseWith(quirksBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    store.quirks = { ...store.quirks, ...parsed.value };
    return c.json(store.quirks);
  });

  app.get('/faults', (c) => c.json(store.faults));

  app.post('/faults', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = parseWith(faultBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    const { count, ...rest } = parsed.value;
    const fault: Fault = { ...rest, remaining: count };
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
    const parsed = parseWith(tokensBody, body.value);
    if (!parsed.ok) return invalid(c, parsed);
    const { email, clientId = APP_CLIENT_ID } = parsed.value;
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
