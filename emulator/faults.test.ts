// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './app.ts';
import type { Connection } from './env.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN, IMPLICIT_CLIENT_ID } from './seed.ts';
import { callApi } from './testing.ts';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);

function control(emulator: Emulator, method: string, path: string, body?: unknown): Promise<Response> {
  return emulator.fetch(`http://localhost:8787/__emulator/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

async function addFault(emulator: Emulator, fault: Record<string, unknown>): Promise<void> {
  const res = await control(emulator, 'POST', 'faults', fault);
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A call to /api/v2/tokens/me that records when it settled in `order`. */
function tracked(emulator: Emulator, token: string, order: string[], name: string, path = '/api/v2/tokens/me'): Promise<Response> {
  return callApi(emulator, token, 'GET', path).finally(() => order.push(name));
}

describe('fault skip', () => {
  it('lets exactly skip matching requests through, then applies; GET faults shows what is left to skip', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    // The third request: skip = 3 - 1.
    await addFault(emulator, { method: 'GET', path: '/api/v2/tokens/me', skip: 2, status: 503 });
    expect(await (await control(emulator, 'GET', 'faults')).json()).toEqual([{ method: 'GET', path: '/api/v2/tokens/me', skip: 2, remaining: 1, kind: 'status', status: 503 }]);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    // Requests that do not match are not counted.
    expect((await callApi(emulator, token, 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    expect(await (await control(emulator, 'GET', 'faults')).json()).toMatchObject([{ skip: 1, remaining: 1 }]);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(503);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    expect(await (await control(emulator, 'GET', 'faults')).json()).toEqual([]);
  });

  it('counts a request another fault answers, so it still hits the nth matching request', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { path: '/api/v2/tokens/me', status: 500 });
    await addFault(emulator, { path: '/api/v2/tokens/me', skip: 1, count: 2, status: 503 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status);
    expect(statuses).toEqual([500, 503, 503, 200]);
  });
});

describe('delay faults', () => {
  it('answer as usual after the delay: an undelayed call made later settles first', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { method: 'GET', path: '/api/v2/tokens/me', kind: 'delay', delayMs: 30 });
    const order: string[] = [];
    const delayed = tracked(emulator, token, order, 'delayed');
    const prompt = tracked(emulator, token, order, 'prompt', '/api/v2/tokens/timeout');
    expect((await prompt).status).toBe(200);
    expect(order).toEqual(['prompt']);
    const res = await delayed;
    expect(order).toEqual(['prompt', 'delayed']);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ organization: expect.any(Object) as unknown });
  });

  it('answer with the fault status after the delay when one is given', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { path: '/api/v2/tokens/me', kind: 'delay', delayMs: 30, status: 504 });
    const order: string[] = [];
    const delayed = tracked(emulator, token, order, 'delayed');
    await tracked(emulator, token, order, 'prompt');
    const res = await delayed;
    expect(order).toEqual(['prompt', 'delayed']);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ code: 'request.timeout', status: 504 });
  });

  it('never reach the handler when the caller aborts during the delay', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { method: 'DELETE', path: '/api/v2/tokens/me', kind: 'delay', delayMs: 600_000 });
    const controller = new AbortController();
    const deletion = emulator.fetch('https://api.mypurecloud.com/api/v2/tokens/me', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
    controller.abort();
    await expect(deletion).rejects.toMatchObject({ name: 'AbortError' });
    expect((await callApi(emulator, token, 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
  });
});

describe('hang faults', () => {
  it('stay pending until the caller aborts, then reject with the abort reason', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { method: 'GET', path: '/api/v2/tokens/me', kind: 'hang' });
    const controller = new AbortController();
    let settled = false;
    const hanging = emulator.fetch('https://api.mypurecloud.com/api/v2/tokens/me', { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
    hanging.then(
      () => (settled = true),
      () => (settled = true),
    );
    // Later calls go through while it hangs; the fault was used up.
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/me')).status).toBe(200);
    expect(settled).toBe(false);
    const reason = new Error('The app gave up.');
    controller.abort(reason);
    await expect(hanging).rejects.toBe(reason);
  });

  it('reject with an AbortError when aborted without a reason', async () => {
    const emulator = createEmulator({ control: true });
    await addFault(emulator, { path: '/api/v2/users/me', kind: 'hang' });
    const controller = new AbortController();
    const hanging = emulator.fetch('https://api.mypurecloud.com/api/v2/users/me', { signal: controller.signal });
    controller.abort();
    await expect(hanging).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('drop faults', () => {
  it('reject with the TypeError a browser fetch gives, count times', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { method: 'DELETE', path: '/api/v2/tokens/*', kind: 'drop', count: 2 });
    for (let i = 0; i < 2; i++) {
      const error: unknown = await callApi(emulator, token, 'DELETE', '/api/v2/tokens/me').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ message: 'Failed to fetch' });
    }
    // The dropped requests never reached the handler.
    expect((await callApi(emulator, token, 'HEAD', '/api/v2/tokens/me')).status).toBe(200);
    expect((await callApi(emulator, token, 'DELETE', '/api/v2/tokens/me')).status).toBe(204);
  });
});

describe('no-cors faults', () => {
  /** app.fetch as the HTTP server calls it: the browser on the other end checks CORS itself. */
  function overHttp(emulator: Emulator, path: string, token: string, method = 'GET'): Promise<Response> {
    const connection: Connection = { closed: new AbortController().signal, drop: () => undefined, enforcesCors: true };
    const request = new Request(`http://localhost:8787${path}`, { method, headers: { Authorization: `Bearer ${token}`, Origin: 'http://localhost:5173' } });
    return Promise.resolve(emulator.app.fetch(request, { connection }));
  }

  it('in-process always reject with TypeError, though the request was handled', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { method: 'DELETE', path: '/api/v2/tokens/me', kind: 'no-cors' });
    const error: unknown = await callApi(emulator, token, 'DELETE', '/api/v2/tokens/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ message: 'Failed to fetch' });
    // The deletion happened: only the answer was lost.
    expect((await callApi(emulator, token, 'HEAD', '/api/v2/tokens/me')).status).toBe(401);
  });

  it('answer as usual, without any Access-Control-* header, where the caller checks CORS', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { path: '/api/v2/tokens/me', kind: 'no-cors' });
    const res = await overHttp(emulator, '/api/v2/tokens/me', token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ organization: expect.any(Object) as unknown });
    expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(res.headers.get('inin-ratelimit-count')).toBe('1');
    const next = await overHttp(emulator, '/api/v2/tokens/me', token);
    expect(next.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('with a status: that error, still without CORS headers (a gateway page)', async () => {
    const emulator = createEmulator({ control: true });
    await addFault(emulator, { path: '/api/v2/tokens/me', kind: 'no-cors', status: 502, rawBody: '<html>Bad Gateway</html>' });
    const res = await overHttp(emulator, '/api/v2/tokens/me', 'any');
    expect(res.status).toBe(502);
    expect(await res.text()).toBe('<html>Bad Gateway</html>');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('raw bodies with a success status', () => {
  it('send a 200 with the given content type, even invalid JSON', async () => {
    const emulator = createEmulator({ control: true });
    const token = emulator.issueToken(ADMIN.email).access_token;
    await addFault(emulator, { path: '/api/v2/tokens/me', status: 200, rawBody: '{"entities":"not a list"}', contentType: 'application/json' });
    await addFault(emulator, { path: '/api/v2/tokens/me', status: 200, rawBody: '{"home": {', contentType: 'application/json; charset=utf-8' });
    const wrongShape = await callApi(emulator, token, 'GET', '/api/v2/tokens/me');
    expect(wrongShape.status).toBe(200);
    expect(wrongShape.headers.get('Content-Type')).toBe('application/json');
    expect(await wrongShape.json()).toEqual({ entities: 'not a list' });
    const broken = await callApi(emulator, token, 'GET', '/api/v2/tokens/me');
    expect(broken.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    await expect(broken.json()).rejects.toThrow(SyntaxError);
  });

  it('default to text/html (a portal page answering 200)', async () => {
    const emulator = createEmulator({ control: true });
    await addFault(emulator, { path: '/api/v2/users/me', status: 200, rawBody: '<html>Sign in to the network</html>' });
    const res = await callApi(emulator, undefined, 'GET', '/api/v2/users/me');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<html>Sign in to the network</html>');
  });
});

describe('fault bodies', () => {
  it.each([
    [{ path: '/api/v2/x', status: 200 }, ['status'], 'status from 200 to 299 needs a rawBody: the body to answer with (say JSON of the wrong shape, or an HTML page).'],
    [{ path: '/api/v2/x', status: 204, rawBody: 'x' }, ['status'], 'status 204 cannot carry the rawBody: use 200.'],
    [{ path: '/api/v2/x', status: 302 }, ['status'], 'status must be an HTTP error status from 400 to 599, or a success from 200 to 299 with a rawBody.'],
    [{ path: '/api/v2/x' }, ['status'], 'status is required: an HTTP error status from 400 to 599, or a success from 200 to 299 with a rawBody.'],
    [{ path: '/api/v2/x', kind: 'explode' }, ['kind'], 'kind must be one of status, delay, hang, drop, no-cors.'],
    [{ path: '/api/v2/x', kind: 'delay' }, ['delayMs'], 'delayMs is required for a delay fault: a whole number of milliseconds from 1 to 600000 (10 minutes).'],
    [{ path: '/api/v2/x', kind: 'delay', delayMs: 0 }, ['delayMs'], 'delayMs must be a whole number of milliseconds from 1 to 600000 (10 minutes).'],
    [{ path: '/api/v2/x', kind: 'delay', delayMs: 600_001 }, ['delayMs'], 'delayMs must be a whole number of milliseconds from 1 to 600000 (10 minutes).'],
    [{ path: '/api/v2/x', kind: 'hang', delayMs: 5 }, ['delayMs'], 'delayMs is only used by delay faults.'],
    [{ path: '/api/v2/x', kind: 'drop', status: 503, code: 'x' }, ['status', 'code'], 'status is not used by drop faults, which never answer. code is not used by drop faults, which never answer.'],
    [{ path: '/api/v2/x', kind: 'no-cors', rawBody: 'x' }, ['rawBody'], 'rawBody is only used with a status.'],
    [{ path: '/api/v2/x', status: 503, contentType: 'application/json' }, ['contentType'], 'contentType is only used with a rawBody.'],
    [{ path: '/api/v2/x', status: 503, rawBody: 'x', contentType: 'text/html\r\nX-Evil: 1' }, ['contentType'], 'contentType must be a Content-Type header value such as application/json.'],
    [{ path: '/api/v2/x', status: 503, skip: -1 }, ['skip'], 'skip must be a whole number of 0 or more (the matching requests to let through first).'],
    [{ path: '/api/v2/x', status: 503, skip: -1, kind: 'drop' }, ['skip', 'status'], 'skip must be a whole number of 0 or more (the matching requests to let through first). status is not used by drop faults, which never answer.'],
  ])('%j is a 400: %s', async (body, fields, message) => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'faults', body);
    expect(res.status).toBe(400);
    const error = (await res.json()) as ErrorBody;
    expect(error.details.map((d) => d.fieldName)).toEqual(fields);
    expect(error.message).toBe(message);
    expect(await (await control(emulator, 'GET', 'faults')).json()).toEqual([]);
  });

  it('GET faults lists a fault with its defaults; POST echoes it as asked', async () => {
    const emulator = createEmulator({ control: true });
    expect(await (await control(emulator, 'POST', 'faults', { path: '/api/v2/users/me', status: 500 })).json()).toEqual({ method: '*', path: '/api/v2/users/me', remaining: 1, status: 500 });
    expect(await (await control(emulator, 'GET', 'faults')).json()).toEqual([{ method: '*', path: '/api/v2/users/me', skip: 0, remaining: 1, kind: 'status', status: 500 }]);
  });

  it('echoes a fault with the new fields, and GET faults lists it', async () => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'faults', { path: '/api/v2/users/*', kind: 'delay', delayMs: 250, skip: 3, status: 200, rawBody: '[]', contentType: 'application/json' });
    const fault = { method: '*', path: '/api/v2/users/*', remaining: 1, skip: 3, kind: 'delay', delayMs: 250, status: 200, rawBody: '[]', contentType: 'application/json' };
    expect(await res.json()).toEqual(fault);
    expect(await (await control(emulator, 'GET', 'faults')).json()).toEqual([fault]);
  });
});

describe('rate limit window', () => {
  it('windowSeconds sets the window both limits count in: the reset headers follow it, and a new window starts after it', async () => {
    const emulator = createEmulator({ control: true, now: () => T0 });
    const set = await control(emulator, 'POST', 'rate-limit', { perMinute: 2, windowSeconds: 5 });
    expect(set.status).toBe(200);
    expect(emulator.store.rateWindowSeconds).toBe(5);
    const token = emulator.issueToken(ADMIN.email).access_token;
    const first = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect([first.status, first.headers.get('inin-ratelimit-count'), first.headers.get('inin-ratelimit-reset')]).toEqual([200, '1', '5']);
    emulator.store.advanceClock(2);
    expect((await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout')).headers.get('inin-ratelimit-reset')).toBe('3');
    const limited = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('3');
    expect(limited.headers.get('inin-ratelimit-reset')).toBe('3');
    expect(await limited.json()).toMatchObject({ message: 'Rate limit exceeded the maximum. Retry the request in [3] seconds' });
    expect((await callApi(emulator, undefined, 'GET', '/api/v2/tokens/timeout')).headers.get('inin-ratelimit-reset')).toBe('5');
    emulator.store.advanceClock(3);
    const fresh = await callApi(emulator, token, 'GET', '/api/v2/tokens/timeout');
    expect([fresh.status, fresh.headers.get('inin-ratelimit-count'), fresh.headers.get('inin-ratelimit-reset')]).toEqual([200, '1', '5']);
  });

  it('applies to the per-user limit across clients too, and may be set alone', async () => {
    const emulator = createEmulator({ control: true, now: () => T0, rateLimitPerUserPerMinute: 1 });
    expect((await control(emulator, 'POST', 'rate-limit', { windowSeconds: 10 })).status).toBe(200);
    expect([emulator.store.rateLimitPerMinute, emulator.store.rateLimitPerUserPerMinute]).toEqual([300, 1]);
    expect((await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
    const other = emulator.issueToken(ADMIN.email, { clientId: IMPLICIT_CLIENT_ID }).access_token;
    emulator.store.advanceClock(4);
    const limited = await callApi(emulator, other, 'GET', '/api/v2/tokens/timeout');
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '6']);
    emulator.store.advanceClock(6);
    expect((await callApi(emulator, other, 'GET', '/api/v2/tokens/timeout')).status).toBe(200);
  });

  it('reset restores 60 s', async () => {
    const emulator = createEmulator({ control: true, now: () => T0 });
    await control(emulator, 'POST', 'rate-limit', { windowSeconds: 1 });
    await control(emulator, 'POST', 'reset');
    expect(emulator.store.rateWindowSeconds).toBe(60);
    const res = await callApi(emulator, emulator.issueToken(ADMIN.email).access_token, 'GET', '/api/v2/tokens/timeout');
    expect(res.headers.get('inin-ratelimit-reset')).toBe('60');
  });

  it.each([[0], [3601], [1.5], ['60']])('windowSeconds %j is a 400 naming it', async (windowSeconds) => {
    const emulator = createEmulator({ control: true });
    const res = await control(emulator, 'POST', 'rate-limit', { windowSeconds });
    expect(res.status).toBe(400);
    const error = (await res.json()) as ErrorBody;
    expect(error.details.map((d) => d.fieldName)).toEqual(['windowSeconds']);
    expect(error.message).toBe('windowSeconds must be a whole number of seconds from 1 to 3600 (an hour).');
    expect(emulator.store.rateWindowSeconds).toBe(60);
  });
});
