// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, AGENT, IMPLICIT_CLIENT_ID, SCRIPT_CLIENT, SEEDED_USER_COUNT, SUPERVISOR, SUPERVISORS_GROUP_ID } from './seed.ts';
import { callApi } from './testing.ts';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

function control(emulator: ReturnType<typeof createEmulator>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return emulator.fetch(`http://localhost:8787/__emulator/${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const EXPOSED = 'Date, Retry-After, ININ-Correlation-Id, inin-ratelimit-count, inin-ratelimit-allowed, inin-ratelimit-reset';

describe('every response', () => {
  it('carries a fresh ININ-Correlation-Id', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    const responses = await Promise.all([
      callApi(emulator, token, 'GET', '/api/v2/tokens/me'),
      callApi(emulator, token, 'GET', '/api/v2/tokens/me'),
      callApi(emulator, undefined, 'GET', '/api/v2/tokens/me'),
      emulator.fetch('http://localhost/'),
      emulator.fetch('http://localhost/oauth/authorize'),
      emulator.fetch('http://localhost/nowhere'),
    ]);
    const ids = responses.map((r) => r.headers.get('ININ-Correlation-Id'));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('unknown routes', () => {
  it('404 not.found ErrorBody under /api/v2 (after auth), 401 without a token', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    for (const [method, path] of [
      ['GET', '/api/v2/conversations'],
      ['POST', '/api/v2/tokens/me'],
      ['PATCH', '/api/v2/users/me'],
      ['GET', '/api/v2'],
    ] as const) {
      const res = await callApi(emulator, token, method, path);
      expect(res.status).toBe(404);
      const body = (await res.json()) as ErrorBody;
      expect(body).toEqual({
        message: expect.any(String) as unknown,
        code: 'not.found',
        status: 404,
        messageWithParams: body.message,
        messageParams: {},
        contextId: res.headers.get('ININ-Correlation-Id'),
        details: [],
        errors: [],
      });
    }
    expect((await callApi(emulator, undefined, 'GET', '/api/v2/conversations')).status).toBe(401);
  });

  it('404 outside the API too', async () => {
    const emulator = createEmulator();
    expect((await emulator.fetch('http://localhost/nowhere')).status).toBe(404);
  });
});

describe('GET /', () => {
  it('is a small HTML page (health check)', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch('http://localhost:8787/');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Genesys Cloud emulator');
  });
});

describe('CORS', () => {
  it('answers preflights under /api/v2 with 204 and no auth', async () => {
    const emulator = createEmulator();
    const res = await emulator.fetch('http://localhost/api/v2/users/search', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('authorization,content-type');
  });

  it('echoes whatever headers the preflight asks for, with a fallback when it names none', async () => {
    const emulator = createEmulator();
    const preflight = (headers: Record<string, string>) =>
      emulator.fetch('http://localhost/api/v2/tokens/timeout', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PUT', ...headers } });
    const asked = await preflight({ 'Access-Control-Request-Headers': 'authorization,content-type,x-request-id,genesys-app' });
    expect(asked.headers.get('Access-Control-Allow-Headers')).toBe('authorization,content-type,x-request-id,genesys-app');
    expect((await preflight({})).headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type');
  });

  it('allows any origin and exposes the rate-limit and correlation headers, on errors too', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    for (const res of [await callApi(emulator, token, 'GET', '/api/v2/tokens/me'), await callApi(emulator, undefined, 'GET', '/api/v2/tokens/me')]) {
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe(EXPOSED);
    }
  });
});

describe('JSON request bodies', () => {
  const routes: [string, string, unknown][] = [
    ['PUT', '/api/v2/tokens/timeout', { idleTokenTimeoutSeconds: 600 }],
    ['POST', '/api/v2/users/search', { query: [{ type: 'MATCH_ALL' }] }],
    ['POST', '/api/v2/groups/search', { query: [{ type: 'MATCH_ALL' }] }],
  ];
  const send = (emulator: ReturnType<typeof createEmulator>, method: string, path: string, body: unknown, contentType: string | undefined) =>
    emulator.fetch(`https://api.mypurecloud.com${path}`, {
      method,
      headers: { Authorization: `Bearer ${emulator.issueToken(ADMIN.email).access_token}`, ...(contentType === undefined ? {} : { 'Content-Type': contentType }) },
      body: new Blob([JSON.stringify(body)]),
    });

  it.each(routes.flatMap(([method, path, body]) => [undefined, 'text/plain;charset=UTF-8', 'application/jsonp', 'application/json-patch+json', 'application/x-www-form-urlencoded'].map((type) => [method, path, body, type] as const)))(
    '%s %s sent as %s is 415 unsupported.media.type',
    async (method, path, body, contentType) => {
      const emulator = createEmulator();
      const before = structuredClone(emulator.store.idleTimeout);
      const res = await send(emulator, method, path, body, contentType);
      expect(res.status).toBe(415);
      const error = (await res.json()) as ErrorBody;
      expect(error).toEqual({
        message: expect.stringContaining('application/json') as unknown,
        code: 'unsupported.media.type',
        status: 415,
        messageWithParams: expect.any(String) as unknown,
        messageParams: expect.objectContaining({ expected: 'application/json' }) as unknown,
        contextId: res.headers.get('ININ-Correlation-Id'),
        details: [],
        errors: [],
      });
      expect(emulator.store.idleTimeout).toEqual(before);
    },
  );

  it.each(routes.flatMap(([method, path, body]) => ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset=UTF-8'].map((type) => [method, path, body, type] as const)))(
    '%s %s accepts %s',
    async (method, path, body, contentType) => {
      const emulator = createEmulator();
      expect((await send(emulator, method, path, body, contentType)).status).toBe(200);
    },
  );
});

describe('rate limit', () => {
  it('counts per user and OAuth client in a fixed 60 s window, then 429 with Retry-After', async () => {
    let now = T0;
    const emulator = createEmulator({ rateLimitPerMinute: 3, now: () => now });
    const token = emulator.issueToken(ADMIN.email).access_token;
    for (let i = 1; i <= 3; i++) {
      const res = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
      expect(res.status).toBe(200);
      expect(res.headers.get('inin-ratelimit-count')).toBe(String(i));
      expect(res.headers.get('inin-ratelimit-allowed')).toBe('3');
      expect(res.headers.get('inin-ratelimit-reset')).toBe(String(60 - (i - 1) * 10));
      now += 10_000;
    }
    now += 12_500; // 42.5 s into the window (started at the first request)
    const limited = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('18');
    const body = (await limited.json()) as ErrorBody;
    expect(body).toMatchObject({
      code: 'too.many.requests.retry.after',
      status: 429,
      message: 'Rate limit exceeded the maximum. Retry the request in [18] seconds',
      messageWithParams: 'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds',
      messageParams: { retryAfter: '18' },
    });

    // Other users, and the same user through another client, have their own budget.
    expect((await callApi(emulator, emulator.issueToken(AGENT.email).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    expect((await callApi(emulator, emulator.issueToken(ADMIN.email, { clientId: IMPLICIT_CLIENT_ID }).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    // Another token of the same user and client shares it.
    expect((await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(429);

    now += 18_000;
    const fresh = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('inin-ratelimit-count')).toBe('1');
  });

  it('also limits each user across all OAuth clients (default 3,000/min), with the same 429', async () => {
    let now = T0;
    const emulator = createEmulator({ rateLimitPerMinute: 3, rateLimitPerUserPerMinute: 5, now: () => now });
    expect(createEmulator().store.rateLimitPerUserPerMinute).toBe(3000);
    const viaApp = emulator.issueToken(ADMIN.email).access_token;
    const viaImplicit = emulator.issueToken(ADMIN.email, { clientId: IMPLICIT_CLIENT_ID }).access_token;
    for (let i = 0; i < 3; i++) expect((await callApi(emulator, viaApp, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    now += 20_000;
    for (let i = 0; i < 2; i++) expect((await callApi(emulator, viaImplicit, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    // The implicit client's own budget (3) has room; the user's (5) has none.
    const limited = await callApi(emulator, viaImplicit, 'GET', '/api/v2/tokens/timeout');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('40');
    expect(limited.headers.get('inin-ratelimit-allowed')).toBe('5');
    expect(await limited.json()).toMatchObject({
      code: 'too.many.requests.retry.after',
      status: 429,
      message: 'Rate limit exceeded the maximum. Retry the request in [40] seconds',
      messageParams: { retryAfter: '40' },
    });
    // Other users are not affected.
    expect((await callApi(emulator, emulator.issueToken(AGENT.email, { clientId: IMPLICIT_CLIENT_ID }).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    now += 40_000; // both of the app client's and the user's windows started at T0
    expect((await callApi(emulator, viaApp, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
  });

  it('Retry-After is at least 1 second', async () => {
    let now = T0;
    const emulator = createEmulator({ rateLimitPerMinute: 1, now: () => now });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    now += 59_900;
    const res = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('1');
  });

  it('limits client-credentials clients too', async () => {
    const emulator = createEmulator({ rateLimitPerMinute: 1 });
    const token = emulator.issueToken('', { clientId: SCRIPT_CLIENT.id }).access_token;
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(429);
  });
});

describe('control API', () => {
  it('is absent unless enabled', async () => {
    const emulator = createEmulator();
    expect((await control(emulator, 'POST', 'reset')).status).toBe(404);
    expect((await control(emulator, 'GET', 'tokens')).status).toBe(404);
  });

  it.each([['http://localhost:5173'], ['http://127.0.0.1:4174'], ['http://[::1]:8080'], ['http://localhost']])('answers CORS for the loopback origin %s, by name', async (origin) => {
    const emulator = createEmulator({ control: true });
    const res = await emulator.fetch('http://localhost/__emulator/faults', {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('content-type');
    const reset = await control(emulator, 'POST', 'reset', undefined, { Origin: origin });
    expect(reset.status).toBe(200);
    expect(reset.headers.get('Access-Control-Allow-Origin')).toBe(origin);
    expect(reset.headers.get('Vary')).toContain('Origin');
  });

  it.each([['https://evil.example'], ['http://localhost.evil.example'], ['https://localhost:5173'], ['http://192.168.1.5:5173'], ['null']])(
    'gives the origin %s no CORS answer and refuses its requests',
    async (origin) => {
      const emulator = createEmulator({ control: true });
      const preflight = await emulator.fetch('http://localhost/__emulator/tokens', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
      // A no-cors request still reaches the server: it must not act on it.
      emulator.advanceClock(100);
      const reset = await control(emulator, 'POST', 'reset', undefined, { Origin: origin });
      expect(reset.status).toBe(403);
      expect(reset.headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect(await reset.json()).toMatchObject({ code: 'not.authorized', status: 403 });
      expect(emulator.store.clockOffsetMs).toBe(100_000);
      const mint = await control(emulator, 'POST', 'tokens', { email: ADMIN.email }, { Origin: origin });
      expect(mint.status).toBe(403);
    },
  );

  it('serves callers that send no Origin (scripts, Playwright) without CORS headers', async () => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'reset');
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('POST tokens mints a token; GET tokens lists them without the token strings', async () => {
    const emulator = createEmulator({ control: true, now: () => T0 });
    const minted = await control(emulator, 'POST', 'tokens', { email: AGENT.email });
    expect(minted.status).toBe(200);
    const body = (await minted.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    expect((await callApi(emulator, body.access_token, 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
    const list = (await (await control(emulator, 'GET', `tokens?userId=${AGENT.id}`)).json()) as Record<string, unknown>[];
    expect(list).toEqual([
      {
        tokenPrefix: body.access_token.slice(0, 8),
        userId: AGENT.id,
        clientId: '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13',
        issuedAt: new Date(T0).toISOString(),
        expiresAt: new Date(T0 + 86400_000).toISOString(),
        lastUsedAt: new Date(T0).toISOString(),
        revoked: false,
        idleAt: new Date(T0 + 1800_000).toISOString(),
        status: 'active',
      },
    ]);
    const cc = await control(emulator, 'POST', 'tokens', { clientId: SCRIPT_CLIENT.id });
    expect(cc.status).toBe(200);
    expect((await control(emulator, 'POST', 'tokens', { email: 'nobody@example.com' })).status).toBe(404);
    expect((await control(emulator, 'POST', 'tokens', { email: AGENT.email, clientId: 'nope' })).status).toBe(400);
    const all = (await (await control(emulator, 'GET', 'tokens')).json()) as unknown[];
    expect(all.length).toBeGreaterThan(100); // seeded live tokens
  });

  it('POST reset goes back to the seed (tokens, settings, clock)', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await callApi(emulator, token, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: false });
    emulator.advanceClock(100);
    const res = await control(emulator, 'POST', 'reset');
    expect(res.status).toBe(200);
    expect(emulator.store.clockOffsetMs).toBe(0);
    expect(emulator.store.idleTimeout.enableIdleTokenTimeout).toBe(true);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(401);
    emulator.reset();
    expect(emulator.store.users.size).toBe(SEEDED_USER_COUNT);
  });

  it('POST clock advances the clock (idle timeout fires)', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(AGENT.email).access_token;
    const res = await control(emulator, 'POST', 'clock', { advanceSeconds: 1801 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ offsetSeconds: 1801 });
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(401);
    expect((await control(emulator, 'POST', 'clock', { advanceSeconds: -1 })).status).toBe(400);
  });

  it('POST rate-limit changes the limit', async () => {
    const emulator = createEmulator({ control: true });
    expect((await control(emulator, 'POST', 'rate-limit', { perMinute: 1 })).status).toBe(200);
    const token = emulator.issueToken(ADMIN.email).access_token;
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(429);
    expect((await control(emulator, 'POST', 'rate-limit', { perMinute: 0 })).status).toBe(400);
  });

  it('POST rate-limit changes the per-user limit across clients; reset restores both', async () => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'rate-limit', { perUserPerMinute: 1 });
    expect(await res.json()).toEqual({ perMinute: 300, perUserPerMinute: 1 });
    expect((await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    const other = emulator.issueToken(ADMIN.email, { clientId: IMPLICIT_CLIENT_ID }).access_token;
    expect((await callApi(emulator, other, 'GET', '/api/v2/tokens/timeout')).status).toBe(429);
    expect((await control(emulator, 'POST', 'rate-limit', { perUserPerMinute: 'many' })).status).toBe(400);
    expect((await control(emulator, 'POST', 'rate-limit', {})).status).toBe(400);
    await control(emulator, 'POST', 'reset');
    expect([emulator.store.rateLimitPerMinute, emulator.store.rateLimitPerUserPerMinute]).toEqual([300, 3000]);
  });

  it('POST org turns HIPAA on', async () => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'org', { hipaa: true });
    expect(await res.json()).toMatchObject({ hipaa: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    expect((await callApi(emulator, token, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 1800 })).status).toBe(400);
    expect((await control(emulator, 'POST', 'org', { hipaa: 'yes' })).status).toBe(400);
    expect((await control(emulator, 'POST', 'org', 'not json')).status).toBe(400);
  });

  it('POST org with HIPAA on clamps the stored org and bundle timeouts to 900 s', async () => {
    const emulator = createEmulator({ control: true });
    emulator.store.setIdleTimeout({
      ...emulator.store.idleTimeout,
      idleTokenTimeoutSeconds: 3600,
      inactivityTimeoutUnit: 'Hours',
      inactivityTimeoutGroupBundles: [
        { priority: 1, timeoutSeconds: 7200, inactivityTimeoutUnit: 'Hours', groups: [SUPERVISORS_GROUP_ID] },
        { priority: 2, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: ['6e000000-0000-4000-8000-000000000002'] },
      ],
    });
    await control(emulator, 'POST', 'org', { hipaa: true });
    const token = emulator.issueToken(SUPERVISOR.email).access_token;
    const stored = (await (await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).json()) as unknown;
    expect(stored).toEqual({
      enableIdleTokenTimeout: true,
      idleTokenTimeoutSeconds: 900,
      inactivityTimeoutUnit: 'Minutes',
      inactivityTimeoutGroupsEnabled: true,
      inactivityTimeoutGroupBundles: [
        { priority: 1, timeoutSeconds: 900, inactivityTimeoutUnit: 'Minutes', groups: [SUPERVISORS_GROUP_ID] },
        { priority: 2, timeoutSeconds: 600, inactivityTimeoutUnit: 'Minutes', groups: ['6e000000-0000-4000-8000-000000000002'] },
      ],
    });
    // The supervisor's token now idles out after 900 s, not 7200 s.
    emulator.advanceClock(901);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(401);
    // Switching HIPAA off again does not raise anything back.
    await control(emulator, 'POST', 'org', { hipaa: false });
    expect(emulator.store.idleTimeout.idleTokenTimeoutSeconds).toBe(900);
  });

  describe('quirks (UNCONFIRMED behaviour)', () => {
    it('GET quirks shows the defaults: DELETE answers 204, API responses expose headers', async () => {
      const emulator = createEmulator({ control: true });
      expect(await (await control(emulator, 'GET', 'quirks')).json()).toEqual({ deleteStatus: 204, exposeHeaders: true });
    });

    it('deleteStatus 200 makes both token DELETE routes answer 200 with an empty body', async () => {
      const emulator = createEmulator({ control: true });
      const set = await control(emulator, 'POST', 'quirks', { deleteStatus: 200 });
      expect(await set.json()).toEqual({ deleteStatus: 200, exposeHeaders: true });
      const admin = emulator.issueToken(ADMIN.email).access_token;
      const other = await callApi(emulator, admin, 'DELETE', `/api/v2/tokens/${AGENT.id}`);
      expect(other.status).toBe(200);
      expect(await other.text()).toBe('');
      const me = await callApi(emulator, admin, 'DELETE', '/api/v2/tokens/me');
      expect(me.status).toBe(200);
      expect(await me.text()).toBe('');
      expect((await callApi(emulator, admin, 'HEAD', '/api/v2/tokens/me')).status).toBe(401);
      await control(emulator, 'POST', 'quirks', { deleteStatus: 204 });
      expect((await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'DELETE', '/api/v2/tokens/me')).status).toBe(204);
    });

    it('exposeHeaders false drops Access-Control-Expose-Headers (success and error), keeping the headers themselves', async () => {
      const emulator = createEmulator({ control: true });
      await control(emulator, 'POST', 'quirks', { exposeHeaders: false });
      const token = emulator.issueToken(ADMIN.email).access_token;
      for (const res of [await callApi(emulator, token, 'GET', '/api/v2/tokens/me'), await callApi(emulator, undefined, 'GET', '/api/v2/tokens/me')]) {
        expect(res.headers.get('Access-Control-Expose-Headers')).toBeNull();
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
        expect(res.headers.get('inin-ratelimit-count')).toBeTruthy();
      }
    });

    it('reset restores the defaults; bad quirks are 400', async () => {
      const emulator = createEmulator({ control: true });
      await control(emulator, 'POST', 'quirks', { deleteStatus: 200, exposeHeaders: false });
      await control(emulator, 'POST', 'reset');
      expect(await (await control(emulator, 'GET', 'quirks')).json()).toEqual({ deleteStatus: 204, exposeHeaders: true });
      const token = emulator.issueToken(ADMIN.email).access_token;
      expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).headers.get('Access-Control-Expose-Headers')).toBe(EXPOSED);
      const bad = await control(emulator, 'POST', 'quirks', { deleteStatus: 202, exposeHeaders: 'no', colour: 'blue' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).details.map((d) => d.fieldName)).toEqual(['colour', 'deleteStatus', 'exposeHeaders']);
      expect(await (await control(emulator, 'GET', 'quirks')).json()).toEqual({ deleteStatus: 204, exposeHeaders: true });
    });
  });

  describe('faults', () => {
    it('answers the next count matching requests with the injected ErrorBody, before auth', async () => {
      const emulator = createEmulator({ control: true });
      const token = emulator.issueToken(ADMIN.email).access_token;
      expect((await control(emulator, 'POST', 'faults', { method: 'GET', path: '/api/v2/tokens/me', count: 2, status: 503 })).status).toBe(200);
      for (const t of [token, undefined]) {
        const res = await callApi(emulator, t, 'GET', '/api/v2/tokens/me');
        expect(res.status).toBe(503);
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
        const body = (await res.json()) as ErrorBody;
        expect(body).toMatchObject({ status: 503, code: 'service.unavailable', contextId: res.headers.get('ININ-Correlation-Id') });
      }
      expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    });

    it('matches method and path with * as one segment', async () => {
      const emulator = createEmulator({ control: true });
      const token = emulator.issueToken(ADMIN.email).access_token;
      await control(emulator, 'POST', 'faults', { method: 'DELETE', path: '/api/v2/tokens/*', status: 500, code: 'custom.code', message: 'Boom' });
      expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
      expect((await callApi(emulator, token, 'DELETE', '/api/v2/tokens/a/b')).status).toBe(404);
      const res = await callApi(emulator, token, 'DELETE', `/api/v2/tokens/${AGENT.id}`);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ code: 'custom.code', message: 'Boom' });
      expect((await callApi(emulator, token, 'DELETE', `/api/v2/tokens/${AGENT.id}`)).status).toBe(204);
    });

    it('429 faults carry Retry-After and the rate-limit message', async () => {
      const emulator = createEmulator({ control: true });
      const token = emulator.issueToken(ADMIN.email).access_token;
      await control(emulator, 'POST', 'faults', { method: '*', path: '/api/v2/users/search', status: 429, retryAfterSeconds: 7 });
      const res = await callApi(emulator, token, 'POST', '/api/v2/users/search', { query: [{ type: 'MATCH_ALL' }] });
      expect(res.status).toBe(429);
      expect(res.headers.get('Retry-After')).toBe('7');
      expect(await res.json()).toMatchObject({ code: 'too.many.requests.retry.after', message: 'Rate limit exceeded the maximum. Retry the request in [7] seconds' });
    });

    it('rawBody is sent as text/html (a gateway error page)', async () => {
      const emulator = createEmulator({ control: true });
      await control(emulator, 'POST', 'faults', { method: 'GET', path: '/api/v2/tokens/timeout', status: 502, rawBody: '<html><body>Bad Gateway</body></html>' });
      const res = await callApi(emulator, emulator.issueToken(SUPERVISOR.email).access_token, 'GET', '/api/v2/tokens/timeout');
      expect(res.status).toBe(502);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(await res.text()).toBe('<html><body>Bad Gateway</body></html>');
      expect(res.headers.get('ININ-Correlation-Id')).toBeTruthy();
    });

    it('DELETE faults clears them; bad faults are 400', async () => {
      const emulator = createEmulator({ control: true });
      const token = emulator.issueToken(ADMIN.email).access_token;
      await control(emulator, 'POST', 'faults', { path: '/api/v2/tokens/me', status: 503, count: 5 });
      expect((await (await control(emulator, 'GET', 'faults')).json()) as unknown[]).toHaveLength(1);
      expect((await control(emulator, 'DELETE', 'faults')).status).toBe(200);
      expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
      const bad = await control(emulator, 'POST', 'faults', { method: 'FETCH', path: '/oauth/token', status: 200, count: 0 });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).details.map((d) => d.fieldName)).toEqual(['method', 'path', 'count', 'status']);
    });
  });
});

describe('emulator.fetch', () => {
  it('accepts Request objects, URL objects and relative paths', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    const headers = { Authorization: `Bearer ${token}` };
    expect((await emulator.fetch(new Request('https://api.mypurecloud.ie/api/v2/tokens/me', { headers }))).status).toBe(200);
    expect((await emulator.fetch(new URL('https://api.usw2.pure.cloud/api/v2/tokens/me'), { headers })).status).toBe(200);
    expect((await emulator.fetch('/api/v2/tokens/me', { headers })).status).toBe(200);
    const post = new Request('http://x/api/v2/users/search', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: [{ type: 'MATCH_ALL' }] }),
    });
    expect((await emulator.fetch(post)).status).toBe(200);
  });

  it('rejects with an AbortError when the signal is already aborted', async () => {
    const emulator = createEmulator();
    const controller = new AbortController();
    controller.abort();
    await expect(emulator.fetch('http://x/api/v2/tokens/me', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works with a live signal', async () => {
    const emulator = createEmulator();
    const controller = new AbortController();
    const res = await emulator.fetch('http://x/api/v2/tokens/me', { signal: controller.signal });
    expect(res.status).toBe(401);
  });
});

describe('the Date header', () => {
  it('follows the emulator clock, so a client can tell how far its own clock is from Genesys\'', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken('admin@example.com').access_token;
    emulator.advanceClock(3600);
    const res = await callApi(emulator, token, 'GET', '/api/v2/tokens/me');
    expect(Math.abs(Date.parse(res.headers.get('Date') ?? '') - (Date.now() + 3_600_000))).toBeLessThan(2_000);
  });
});
