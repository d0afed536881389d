import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tooManyRequests } from './auth.ts';
import type { Connection, Env } from './env.ts';
import { badRequest, errorResponse, isRecord, notFound, readJson } from './errors.ts';
import { APP_CLIENT_ID } from './seed.ts';
import type { Fault, FaultKind, TokenRecord } from './model.ts';
import { DEFAULT_RATE_WINDOW_SECONDS, type Store } from './store.ts';
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

const DEFAULT_RAW_CONTENT_TYPE = 'text/html; charset=utf-8';

/** app.fetch called without a transport: nothing to drop, nobody who gives up. */
const DETACHED: Connection = { closed: new AbortController().signal, drop: () => undefined, enforcesCors: true };

function connectionOf(c: Context<Env>): Connection {
  // c.env is whatever the caller of app.fetch passed, which may be nothing at all.
  const bindings = c.env as Env['Bindings'] | undefined;
  return bindings?.connection ?? DETACHED;
}

/** Resolves true after `ms`, or false as soon as the signal aborts (then the timer is cleared). */
function sleepUnless(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** What a request nobody waits for returns: the transport never sends it (see Connection). */
function unanswered(c: Context<Env>): Response {
  return errorResponse(c, 503, 'service.unavailable', 'This request got no answer (an injected fault).');
}

/** The injected answer of a fault that has a status. */
function faultResponse(c: Context<Env>, fault: Fault, statusCode: number): Response {
  const status = statusCode as ContentfulStatusCode;
  const defaults = DEFAULT_FAULTS[statusCode] ?? { code: 'error', message: 'The request failed.' };
  let res: Response;
  if (fault.rawBody !== undefined) {
    res = c.body(fault.rawBody, status, { 'Content-Type': fault.contentType ?? DEFAULT_RAW_CONTENT_TYPE });
  } else if (statusCode === 429 && fault.message === undefined) {
    res = tooManyRequests(c, fault.retryAfterSeconds ?? 1, fault.code ?? defaults.code);
  } else {
    res = errorResponse(c, status, fault.code ?? defaults.code, fault.message ?? defaults.message);
  }
  const retryAfter = fault.retryAfterSeconds ?? (statusCode === 429 ? 1 : undefined);
  if (retryAfter !== undefined) res.headers.set('Retry-After', String(retryAfter));
  return res;
}

/**
 * Applies the injected faults to matching /api/v2 requests, before auth. A fault with a status
 * answers instead of the handler; `delay` waits first; `hang` and `drop` never answer; `no-cors`
 * answers without CORS headers. A caller that gives up (abort, disconnect) leaves nothing to do.
 */
export function faultInjection(store: Store): MiddlewareHandler<Env> {
  return async (c, next) => {
    const fault = store.takeFault(c.req.method, c.req.path);
    if (!fault) {
      await next();
      return undefined;
    }
    const connection = connectionOf(c);
    switch (fault.kind) {
      case 'hang':
        await untilAborted(connection.closed);
        return unanswered(c);
      case 'drop':
        connection.drop();
        return unanswered(c);
      case 'delay':
        // A caller gone before the delay ends never reaches the handler: no side effects after it.
        if (!(await sleepUnless(fault.delayMs ?? 0, connection.closed))) return unanswered(c);
        break;
      case 'no-cors':
        c.set('withholdCors', true);
        break;
      case 'status':
        break;
    }
    let res: Response | undefined;
    if (fault.status === undefined) await next();
    else res = faultResponse(c, fault, fault.status);
    // Nothing in-process checks CORS: refuse the answer as a browser would, with a network error.
    if (fault.kind === 'no-cors' && !connection.enforcesCors) connection.drop();
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
  .object(
    {
      perMinute: positive(),
      perUserPerMinute: positive(),
      windowSeconds: intIn(1, 3600, 'must be a whole number of seconds from 1 to 3600 (an hour).').optional(),
    },
    objectBody,
  )
  .refine((v) => v.perMinute !== undefined || v.perUserPerMinute !== undefined || v.windowSeconds !== undefined, {
    path: ['perMinute'],
    error: `or perUserPerMinute or windowSeconds is required: perMinute limits each user and OAuth client, perUserPerMinute each user across clients, both counted in a fixed window of windowSeconds (default ${String(DEFAULT_RATE_WINDOW_SECONDS)}).`,
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

const KINDS = ['status', 'delay', 'hang', 'drop', 'no-cors'] as const satisfies readonly FaultKind[];
const STATUS_RULE = 'an HTTP error status from 400 to 599, or a success from 200 to 299 with a rawBody';
const isSuccess = (status: number) => status >= 200 && status <= 299;

const faultFields = z.object(
  {
    method: z
      .string({ error: `must be one of ${METHODS.join(', ')}.` })
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(METHODS, { error: `must be one of ${METHODS.join(', ')}.` }))
      .default('*'),
    path: z.string({ error: 'must be a path under /api/v2/ ("*" matches one segment).' }).startsWith('/api/v2/', { error: 'must be a path under /api/v2/ ("*" matches one segment).' }),
    count: intIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of 1 or more.').default(1),
    skip: intIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of 0 or more (the matching requests to let through first).').optional(),
    kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}.` }).optional(),
    status: z
      .int({ error: `must be ${STATUS_RULE}.` })
      .refine((s) => isSuccess(s) || (s >= 400 && s <= 599), { error: `must be ${STATUS_RULE}.` })
      .optional(),
    delayMs: intIn(1, 600_000, 'must be a whole number of milliseconds from 1 to 600000 (10 minutes).').optional(),
    code: z.string({ error: 'must be a string.' }).optional(),
    message: z.string({ error: 'must be a string.' }).optional(),
    retryAfterSeconds: intIn(0, Number.MAX_SAFE_INTEGER, 'must be a whole number of seconds, 0 or more.').optional(),
    rawBody: z.string({ error: 'must be a string.' }).optional(),
    contentType: z
      .string({ error: 'must be a Content-Type header value such as application/json.' })
      .regex(/^[\x20-\x7e]+$/, { error: 'must be a Content-Type header value such as application/json.' })
      .optional(),
  },
  objectBody,
);

type FaultFields = z.output<typeof faultFields>;

/**
 * Which fields go with which kind. Runs even when other fields failed (zod skips it only after a
 * fraction where a whole number belongs), so that every problem is named at once: it reads the
 * raw values and skips a rule whose own fields are invalid.
 */
function checkFaultFields(value: FaultFields, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;
  const v = value as Partial<Record<keyof FaultFields, unknown>>;
  const problem = (field: keyof FaultFields, message: string) => {
    ctx.addIssue({ code: 'custom', path: [field], message });
  };
  const known = (KINDS as readonly unknown[]).includes(v.kind);
  const kind = v.kind === undefined ? 'status' : known ? (v.kind as FaultKind) : undefined;
  const status = Number.isInteger(v.status) ? (v.status as number) : undefined;
  const hasStatus = v.status !== undefined;
  if (kind === 'status' && !hasStatus) problem('status', `is required: ${STATUS_RULE}.`);
  if ((kind === 'hang' || kind === 'drop') && hasStatus) problem('status', `is not used by ${kind} faults, which never answer.`);
  if (status !== undefined && isSuccess(status)) {
    if (v.rawBody === undefined) problem('status', `from 200 to 299 needs a rawBody: the body to answer with (say JSON of the wrong shape, or an HTML page).`);
    else if (status === 204 || status === 205) problem('status', `${String(status)} cannot carry the rawBody: use 200.`);
  }
  if (kind === 'delay' && v.delayMs === undefined) problem('delayMs', 'is required for a delay fault: a whole number of milliseconds from 1 to 600000 (10 minutes).');
  if (kind !== undefined && kind !== 'delay' && v.delayMs !== undefined) problem('delayMs', 'is only used by delay faults.');
  for (const field of ['code', 'message', 'retryAfterSeconds', 'rawBody'] as const) {
    if (v[field] === undefined) continue;
    if (kind === 'hang' || kind === 'drop') problem(field, `is not used by ${kind} faults, which never answer.`);
    else if (kind !== undefined && kind !== 'status' && !hasStatus) problem(field, 'is only used with a status.');
  }
  if (v.contentType !== undefined && v.rawBody === undefined) problem('contentType', 'is only used with a rawBody.');
}

const faultBody = faultFields.superRefine(checkFaultFields, { when: () => true });

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
    const { count, ...asked } = parsed.value;
    store.addFault({ ...asked, skip: asked.skip ?? 0, kind: asked.kind ?? 'status', remaining: count });
    // Echoed as asked (GET faults shows the defaults too), so older calls read back as they always have.
    return c.json({ ...asked, remaining: count });
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
