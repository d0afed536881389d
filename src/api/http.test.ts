import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, CancelledError, DEFAULT_TIMEOUT_MS, HttpClient, type CallOptions } from './http.ts';
import { readRateLimit } from './rateLimit.ts';

const BASE = 'https://api.mypurecloud.ie';

function errorBody(status: number, code: string, message: string, contextId = 'ctx-123') {
  return new Response(JSON.stringify({ status, code, message, contextId, details: [{ errorCode: 'invalid.value', fieldName: 'x' }] }), {
    status,
    headers: { 'Content-Type': 'application/json', 'ININ-Correlation-Id': contextId },
  });
}

function tooMany(seconds: number) {
  const r = errorBody(429, 'too.many.requests.retry.after', `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`);
  r.headers.set('Retry-After', String(seconds));
  return r;
}

let calls: { url: string; init: RequestInit; at: number }[];
let responses: ((init: RequestInit) => Response | Promise<Response>)[];
let sleeps: number[];
let client: HttpClient;

/** A client whose waits are recorded and skipped, for tests of what is sent. */
function setup(token: string | undefined = 'tok') {
  calls = [];
  sleeps = [];
  let slept = 0;
  client = new HttpClient({
    baseUrl: () => BASE,
    token: () => token,
    fetch: (input, init) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {}, at: Date.now() });
      const next = responses.shift();
      if (!next) throw new Error('unexpected request');
      return Promise.resolve(next(init ?? {}));
    },
    // Waits pass at once and move this clock on; a per-attempt timeout never fires (the clock tests below cover it).
    clock: {
      now: () => Date.now() + slept,
      sleep: (ms, signal) => {
        if (ms === DEFAULT_TIMEOUT_MS && signal) return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
        if (signal?.aborted) return Promise.reject(signal.reason as Error);
        sleeps.push(ms);
        slept += ms;
        return Promise.resolve();
      },
    },
  });
}

const request = <T = void>(path: string, options?: CallOptions<T>) => client.request<T>(path, options);

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
    responses.push(() => tooMany(7));
    responses.push(() => new Response(null, { status: 204 }));
    await request('/api/v2/tokens/u1', { method: 'DELETE' });
    // The gate's wait; the other sleep is the gate opening itself.
    expect(sleeps).toContain(7000);
    expect(calls).toHaveLength(2);
  });

  it('reads the wait from the message when Retry-After is not readable', async () => {
    responses.push(() => errorBody(429, 'too.many.requests', 'Rate limit exceeded the maximum. Retry the request in [42] seconds'));
    responses.push(() => new Response(null, { status: 204 }));
    await request('/api/v2/tokens/u1', { method: 'DELETE' });
    expect(sleeps).toContain(42_000);
  });

  it('gives up on 429 after three waits and reports retryAfterSeconds', async () => {
    for (let i = 0; i < 4; i++) responses.push(() => tooMany(3));
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
    expect(sleeps.filter((ms) => ms < 30_000)).toEqual([500, 1500]);
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

  it('abandons a read in flight when its signal aborts, as a cancellation', async () => {
    const controller = new AbortController();
    client = new HttpClient({
      baseUrl: () => BASE,
      token: () => 'tok',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
    const pending = request('/api/v2/tokens/me', { signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });

  it('refuses to send anything when there is no session', async () => {
    client = new HttpClient({ baseUrl: () => undefined, token: () => undefined, fetch: vi.fn() });
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

  it('checks an answer at the boundary: a body of another shape is an error in words, with the correlation id', async () => {
    const schema = v.looseObject({ organization: v.looseObject({ id: v.string() }) });
    responses.push(() => Response.json({ organization: { id: 7 } }, { headers: { 'ININ-Correlation-Id': 'c-7' } }));
    responses.push(() => new Response('<html><body>Sign in to the proxy</body></html>', { headers: { 'Content-Type': 'text/html' } }));
    responses.push(() => new Response('{"organization":', { headers: { 'Content-Type': 'application/json' } }));
    const shape = await caught(request('/api/v2/tokens/me', { schema }));
    expect(shape).toMatchObject({ code: 'unexpected.response', correlationId: 'c-7' });
    expect(shape.message).toContain('"organization.id"');
    expect((await caught(request('/api/v2/tokens/me', { schema }))).message).toContain('a web page (HTML) instead of data');
    expect((await caught(request('/api/v2/tokens/me', { schema }))).message).toContain('not valid JSON');
  });

  it('refuses a list where a record was expected, though every field of the record is optional', async () => {
    const schema = v.looseObject({ idleTokenTimeoutSeconds: v.optional(v.number()) });
    responses.push(() => Response.json([], { headers: { 'ININ-Correlation-Id': 'c-8' } }));
    const error = await caught(request('/api/v2/tokens/timeout', { schema }));
    expect(error).toMatchObject({ code: 'unexpected.response', correlationId: 'c-8' });
    expect(error.message).toContain('a list where one record was expected');
  });

  it('refuses a web page where no body is expected: a 200 HTML page to HEAD or DELETE is not a Genesys answer', async () => {
    const page = () => new Response('<html><body>Sign in to the guest network</body></html>', { headers: { 'Content-Type': 'text/html; charset=utf-8', 'ININ-Correlation-Id': 'c-9' } });
    responses.push(page, page);
    for (const method of ['HEAD', 'DELETE'] as const) {
      const error = await caught(client.send('/api/v2/tokens/me', { method }));
      expect(error).toMatchObject({ code: 'unexpected.response', correlationId: 'c-9' });
      expect(error.message).toContain('a web page (HTML) instead of data');
    }
  });

  it('returns the answer with its headers, rate-limit ones included', async () => {
    responses.push(
      () =>
        new Response(null, {
          status: 204,
          headers: { 'inin-ratelimit-count': '12', 'inin-ratelimit-allowed': '300', 'inin-ratelimit-reset': '41', 'ININ-Correlation-Id': 'c-1' },
        }),
    );
    const answer = await client.send('/api/v2/tokens/u1', { method: 'DELETE' });
    expect(answer).toMatchObject({ status: 204, correlationId: 'c-1' });
    expect(readRateLimit(answer.headers)).toEqual({ count: 12, allowed: 300, resetSeconds: 41 });
  });

});

describe('the client on a clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    responses = [];
    calls = [];
    client = new HttpClient({
      baseUrl: () => BASE,
      token: () => 'tok',
      fetch: (input, init) => {
        calls.push({ url: input instanceof Request ? input.url : input.toString(), init: init ?? {}, at: Date.now() });
        const next = responses.shift();
        if (!next) throw new Error('unexpected request');
        return Promise.resolve(next(init ?? {}));
      },
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends nothing while a 429 wait lasts, whoever asks, then sends each request once', async () => {
    responses.push(() => tooMany(20));
    responses.push(() => Response.json({ first: true }));
    responses.push(() => Response.json({ second: true }));
    const start = Date.now();
    const first = request('/api/v2/tokens/me');
    await vi.advanceTimersByTimeAsync(160);
    // Another part of the page asks for the same thing a moment later.
    const second = request('/api/v2/users/me');
    await vi.advanceTimersByTimeAsync(19_000);
    expect(calls).toHaveLength(1);
    expect(client.gate.current()?.seconds).toBe(20);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(first).resolves.toEqual({ first: true });
    await expect(second).resolves.toEqual({ second: true });
    expect(calls.map((call) => call.at - start)).toEqual([0, 20_000, 20_000]);
    expect(client.gate.current()).toBeUndefined();
  });

  it('hands a 429 back at once to a caller that paces itself, with the wait', async () => {
    responses.push(() => tooMany(15));
    const error = await caught(request('/api/v2/tokens/u1', { method: 'DELETE', onRateLimit: 'return' }));
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 15 });
    expect(calls).toHaveLength(1);
    // The gate is closed for everyone else meanwhile.
    expect(client.gate.current()?.seconds).toBe(15);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(client.gate.current()).toBeUndefined();
  });

  it('ends a call that gets no answer with "did not answer within N s"', async () => {
    responses.push(() => new Promise<Response>(() => undefined));
    const pending = caught(request('/api/v2/tokens/u1', { method: 'DELETE', timeoutMs: 10_000 }));
    await vi.advanceTimersByTimeAsync(10_000);
    const error = await pending;
    expect(error).toMatchObject({ status: 0, code: 'request.timeout', message: 'Genesys Cloud did not answer within 10 s.' });
    // A write without an answer may have been carried out.
    expect(error.outcomeUnknown).toBe(true);
  });

  it('retries a read that timed out, and a stalled body counts as no answer', async () => {
    responses.push(() => new Response(new ReadableStream({ start: () => undefined }), { headers: { 'Content-Type': 'application/json' } }));
    responses.push(() => Response.json({ ok: true }));
    const pending = request('/api/v2/tokens/me', { timeoutMs: 5_000 });
    await vi.advanceTimersByTimeAsync(5_000 + 500);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('stops a write while it waits out a 429: nothing more is sent, and nothing changed', async () => {
    responses.push(() => tooMany(15));
    const controller = new AbortController();
    const pending = client.request('/api/v2/tokens/u1', { method: 'DELETE', signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2_000);
    controller.abort();
    const outcome = await pending;
    expect(outcome).toBeInstanceOf(CancelledError);
    expect((outcome as CancelledError).nothingChanged).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(1);
  });

  it('lets a write already sent finish when it is cancelled, and returns what happened', async () => {
    let answer: (response: Response) => void = () => undefined;
    responses.push(() => new Promise<Response>((resolve) => (answer = resolve)));
    const controller = new AbortController();
    const pending = client.send('/api/v2/tokens/u1', { method: 'DELETE', signal: controller.signal });
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    answer(new Response(null, { status: 204 }));
    await expect(pending).resolves.toMatchObject({ status: 204 });
  });

  it('says a cancelled write may have changed something when an earlier attempt got no clear answer', async () => {
    responses.push(() => errorBody(503, 'service.unavailable', 'Service unavailable'));
    const controller = new AbortController();
    const pending = client.request('/api/v2/tokens/u1', { method: 'DELETE', retries: 2, signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const outcome = (await pending) as CancelledError;
    expect(outcome).toBeInstanceOf(CancelledError);
    expect(outcome.nothingChanged).toBe(false);
  });

  it('estimates Genesys\' clock from the Date header of its answers', async () => {
    const server = new Date(Date.now() + 3_600_000);
    responses.push(() => Response.json({}, { headers: { Date: server.toUTCString() } }));
    await request('/api/v2/tokens/me');
    expect(Math.abs(client.serverClock.offsetMs - 3_600_000)).toBeLessThan(1_500);
  });
});
