import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, configureHttp, request } from './http.ts';
import { currentRateLimitWaits } from './rateLimit.ts';

const BASE = 'https://api.mypurecloud.ie';

function errorBody(status: number, code: string, message: string, contextId = 'ctx-123') {
  return new Response(JSON.stringify({ status, code, message, contextId, details: [{ errorCode: 'invalid.value', fieldName: 'x' }] }), {
    status,
    headers: { 'Content-Type': 'application/json', 'ININ-Correlation-Id': contextId },
  });
}

let calls: { url: string; init: RequestInit }[];
let responses: (() => Response | Promise<Response>)[];
let sleeps: number[];

function setup(token: string | undefined = 'tok') {
  calls = [];
  sleeps = [];
  configureHttp({
    getBaseUrl: () => BASE,
    getToken: () => token,
    fetch: (input, init) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {} });
      const next = responses.shift();
      if (!next) throw new Error('unexpected request');
      return Promise.resolve(next());
    },
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

beforeEach(() => {
  responses = [];
  setup();
});

describe('request()', () => {
  it('sends the bearer token to the configured base URL with query parameters', async () => {
    responses.push(() => Response.json({ organization: { id: 'o1' } }));
    const body = await request<{ organization: { id: string } }>('/api/v2/tokens/me', { query: { preserveIdleTTL: true, id: ['a', 'b'] } });
    expect(body.organization.id).toBe('o1');
    expect(calls[0]?.url).toBe(`${BASE}/api/v2/tokens/me?preserveIdleTTL=true&id=a&id=b`);
    expect(new Headers(calls[0]?.init.headers).get('Authorization')).toBe('Bearer tok');
  });

  it('sends JSON bodies with a content type', async () => {
    responses.push(() => Response.json({ ok: true }));
    await request('/api/v2/tokens/timeout', { method: 'PUT', body: { enableIdleTokenTimeout: true } });
    expect(calls[0]?.init.method).toBe('PUT');
    expect(calls[0]?.init.body).toBe('{"enableIdleTokenTimeout":true}');
    expect(new Headers(calls[0]?.init.headers).get('Content-Type')).toBe('application/json');
  });

  it('returns undefined for 204 and for an empty 200', async () => {
    responses.push(() => new Response(null, { status: 204 }));
    responses.push(() => new Response('', { status: 200 }));
    await expect(request('/api/v2/tokens/me', { method: 'DELETE' })).resolves.toBeUndefined();
    await expect(request('/api/v2/tokens/u1', { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('treats any 2xx HEAD as success without reading a body', async () => {
    responses.push(() => new Response(null, { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': '120' } }));
    await expect(request('/api/v2/tokens/me', { method: 'HEAD' })).resolves.toBeUndefined();
  });

  it('turns an ErrorBody into an ApiError with status, code, message, correlation id and details', async () => {
    responses.push(() => errorBody(403, 'missing.permissions', 'You are missing the following permission(s): [oauth:token:delete]'));
    const error = await caught(request('/api/v2/tokens/u1', { method: 'DELETE' }));
    expect(error).toMatchObject({
      status: 403,
      code: 'missing.permissions',
      message: 'You are missing the following permission(s): oauth:token:delete',
      correlationId: 'ctx-123',
      method: 'DELETE',
      path: '/api/v2/tokens/u1',
    });
    expect(error.details).toEqual([{ errorCode: 'invalid.value', fieldName: 'x' }]);
  });

  it('does not retry other 4xx errors', async () => {
    responses.push(() => errorBody(400, 'bad.request', 'idleTokenTimeoutSeconds must be between 300 and 28800'));
    const error = await caught(request('/api/v2/tokens/timeout', { method: 'PUT', body: {} }));
    expect(error.status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it('gives a readable error for a non-JSON error page and keeps the header correlation id', async () => {
    responses.push(
      () =>
        new Response('<html><body>Bad gateway</body></html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html', 'ININ-Correlation-Id': 'hdr-9' },
        }),
    );
    const error = await caught(request('/api/v2/tokens/u1', { method: 'DELETE' }));
    expect(error.status).toBe(502);
    expect(error.message).toBe('Genesys Cloud answered HTTP 502 Bad Gateway without an explanation.');
    expect(error.message).not.toContain('<html>');
    expect(error.correlationId).toBe('hdr-9');
  });

  it('survives a JSON content type with a broken body', async () => {
    responses.push(() => new Response('{not json', { status: 500, headers: { 'Content-Type': 'application/json' } }));
    const error = await caught(request('/api/v2/users/me', { method: 'POST' }));
    expect(error.status).toBe(500);
    expect(error.code).toBe('internal.server.error');
  });

  it('waits for Retry-After on 429 and then succeeds', async () => {
    responses.push(() => {
      const r = errorBody(429, 'too.many.requests.retry.after', 'Rate limit exceeded the maximum. Retry the request in [7] seconds');
      r.headers.set('Retry-After', '7');
      return r;
    });
    responses.push(() => new Response(null, { status: 204 }));
    await request('/api/v2/tokens/u1', { method: 'DELETE' });
    expect(sleeps).toEqual([7000]);
    expect(calls).toHaveLength(2);
  });

  it('reads the wait from the message when Retry-After is not readable', async () => {
    responses.push(() => errorBody(429, 'too.many.requests', 'Rate limit exceeded the maximum. Retry the request in [42] seconds'));
    responses.push(() => new Response(null, { status: 204 }));
    await request('/api/v2/tokens/u1', { method: 'DELETE' });
    expect(sleeps).toEqual([42_000]);
  });

  it('gives up on 429 after three waits and reports retryAfterSeconds', async () => {
    for (let i = 0; i < 4; i++) {
      responses.push(() => {
        const r = errorBody(429, 'too.many.requests.retry.after', 'Rate limit exceeded the maximum. Retry the request in [3] seconds');
        r.headers.set('Retry-After', '3');
        return r;
      });
    }
    const error = await caught(request('/api/v2/tokens/me'));
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(3);
    expect(calls).toHaveLength(4);
  });

  it('retries reads up to twice on 5xx and network errors', async () => {
    responses.push(() => errorBody(503, 'service.unavailable', 'Service unavailable'));
    responses.push(() => Promise.reject(new TypeError('Failed to fetch')));
    responses.push(() => Response.json({ ok: 1 }));
    await expect(request('/api/v2/tokens/me')).resolves.toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('does not retry writes on 5xx', async () => {
    responses.push(() => errorBody(503, 'service.unavailable', 'Service unavailable'));
    const error = await caught(request('/api/v2/tokens/u1', { method: 'DELETE' }));
    expect(error.code).toBe('service.unavailable');
    expect(calls).toHaveLength(1);
  });

  it('reports an unreachable host as status 0 after the read retries', async () => {
    for (let i = 0; i < 3; i++) responses.push(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await caught(request('/api/v2/tokens/me'));
    expect(error.status).toBe(0);
    expect(error.code).toBe('network.error');
    expect(error.message).toContain('api.mypurecloud.ie');
  });

  it('passes the abort signal through and rethrows the abort, not an ApiError', async () => {
    const controller = new AbortController();
    configureHttp({
      getBaseUrl: () => BASE,
      getToken: () => 'tok',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
    const pending = request('/api/v2/tokens/me', { signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to send anything when there is no session', async () => {
    configureHttp({ getBaseUrl: () => undefined, getToken: () => undefined, fetch: vi.fn() });
    const error = await caught(request('/api/v2/tokens/me'));
    expect(error.status).toBe(401);
  });
  it('fills in messageWithParams so no placeholder or bracket reaches the page', async () => {
    responses.push(() =>
      Response.json(
        {
          status: 400,
          code: 'invalid.value',
          message: 'Timeout [60] is below the minimum of [300] seconds',
          messageWithParams: 'Timeout [{value}] is below the minimum of [{min}] seconds',
          messageParams: { value: '60', min: 300 },
        },
        { status: 400 },
      ),
    );
    responses.push(() => errorBody(400, 'bad.request', 'Retry the request in [42] seconds'));
    responses.push(() => errorBody(400, 'bad.request', 'Missing permission [directory:user:view] for {user}'));
    const filled = await caught(request('/api/v2/tokens/timeout', { method: 'PUT', body: {} }));
    expect(filled.message).toBe('Timeout 60 is below the minimum of 300 seconds');
    const bare = await caught(request('/api/v2/tokens/timeout', { method: 'PUT', body: {} }));
    expect(bare.message).toBe('Retry the request in 42 seconds');
    const unfilled = await caught(request('/api/v2/tokens/timeout', { method: 'PUT', body: {} }));
    expect(unfilled.message).toBe('Missing permission directory:user:view for …');
  });

  it('publishes a 429 wait while it lasts, for the page to count down', async () => {
    const during: number[][] = [];
    configureHttp({
      getBaseUrl: () => BASE,
      getToken: () => 'tok',
      fetch: () => Promise.resolve(responses.shift()?.() ?? Response.json({})),
      sleep: () => {
        during.push(currentRateLimitWaits().map((w) => Math.round((w.until - Date.now()) / 1000)));
        return Promise.resolve();
      },
    });
    responses.push(() => {
      const r = errorBody(429, 'too.many.requests.retry.after', 'Rate limit exceeded the maximum. Retry the request in [20] seconds');
      r.headers.set('Retry-After', '20');
      return r;
    });
    responses.push(() => Response.json({ ok: true }));
    await request('/api/v2/tokens/me');
    expect(during).toEqual([[20]]);
    expect(currentRateLimitWaits()).toEqual([]);
  });
});
