// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, AGENT, IMPLICIT_CLIENT_ID, SCRIPT_CLIENT, SUPERVISOR } from './seed.ts';
import { callApi } from './testing.ts';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

function control(emulator: ReturnType<typeof createEmulator>, method: string, path: string, body?: unknown): Promise<Response> {
  return emulator.fetch(`http://localhost:8787/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
}

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
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Authorization, Content-Type');
  });

  it('allows any origin and exposes the rate-limit and correlation headers, on errors too', async () => {
    const emulator = createEmulator();
    const token = emulator.issueToken(ADMIN.email).access_token;
    for (const res of [await callApi(emulator, token, 'GET', '/api/v2/tokens/me'), await callApi(emulator, undefined, 'GET', '/api/v2/tokens/me')]) {
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After, ININ-Correlation-Id, inin-ratelimit-count, inin-ratelimit-allowed, inin-ratelimit-reset');
    }
  });
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

  it('answers CORS preflights', async () => {
    const emulator = createEmulator({ control: true });
    const res = await emulator.fetch('http://localhost/__emulator/faults', { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect((await control(emulator, 'POST', 'reset')).headers.get('Access-Control-Allow-Origin')).toBe('*');
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
    expect(emulator.store.users.size).toBe(504);
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

  it('POST org turns HIPAA on', async () => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'org', { hipaa: true });
    expect(await res.json()).toMatchObject({ hipaa: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    expect((await callApi(emulator, token, 'PUT', '/api/v2/tokens/timeout', { enableIdleTokenTimeout: true, idleTokenTimeoutSeconds: 1800 })).status).toBe(400);
    expect((await control(emulator, 'POST', 'org', { hipaa: 'yes' })).status).toBe(400);
    expect((await control(emulator, 'POST', 'org', 'not json')).status).toBe(400);
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
    const post = new Request('http://x/api/v2/users/search', { method: 'POST', headers, body: JSON.stringify({ query: [{ type: 'MATCH_ALL' }] }) });
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
