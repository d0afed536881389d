// @vitest-environment node
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './app.ts';
import { isLoopbackHost, isLoopbackOrigin } from './cors.ts';
import type { ErrorBody } from './errors.ts';
import { ADMIN } from './seed.ts';
import { startEmulatorServer } from './server.ts';

/** A control API call as it would arrive: Host and Origin headers exactly as given (or absent). */
function control(boundTo: string | undefined, headers: Record<string, string>, path = 'tokens', body: unknown = { email: ADMIN.email }) {
  const emulator = createEmulator({ control: true, ...(boundTo === undefined ? {} : { boundTo }) });
  return emulator.fetch(`http://localhost/__emulator/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

async function refusal(res: Response): Promise<string> {
  expect(res.status).toBe(403);
  const body = (await res.json()) as ErrorBody;
  expect(body).toMatchObject({ status: 403, code: 'not.authorized' });
  return body.message;
}

describe('loopback hosts and origins', () => {
  it.each([['localhost'], ['LOCALHOST:1'], ['localhost.'], ['127.0.0.1:8787'], ['127.1.2.3'], ['[::1]'], ['[::1]:8787']])('Host %s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([['evil.example'], ['localhost.evil.example'], ['127.0.0.1.evil.example'], ['128.0.0.1'], ['127.0.0.256'], ['[::2]:80'], ['0.0.0.0:8787'], ['192.168.1.5'], ['localhost:80:80'], ['']])(
    'Host %j is not',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.5', true],
    ['http://[::1]:8080', true],
    ['https://localhost:5173', false],
    ['http://localhost.evil.example', false],
    ['http://user@localhost', false],
    ['null', false],
  ])('Origin %s: %s', (origin, loopback) => {
    expect(isLoopbackOrigin(origin)).toBe(loopback);
  });
});

describe('control API against DNS rebinding', () => {
  it('refuses a request addressed to another host, even from a loopback origin', async () => {
    const message = await refusal(await control('127.0.0.1', { Host: 'evil.example', Origin: 'http://localhost:5173' }));
    expect(message).toContain('Host evil.example');
    expect(message).toContain('localhost, 127.0.0.0/8 or [::1]');
  });

  it('refuses another host without an Origin, and before acting', async () => {
    const emulator = createEmulator({ control: true, boundTo: '127.0.0.1' });
    emulator.advanceClock(60);
    const res = await emulator.fetch('http://localhost/__emulator/reset', { method: 'POST', headers: { Host: 'rebound.example:8787' } });
    expect(await refusal(res)).toContain('Host rebound.example:8787');
    expect(emulator.store.clockOffsetMs).toBe(60_000);
  });

  it.each([['localhost:8787'], ['127.0.0.1:8787'], ['[::1]:8787']])('serves Host %s without an Origin when bound to loopback', async (host) => {
    const res = await control('127.0.0.1', { Host: host });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token_type: string }).token_type).toBe('bearer');
  });

  it.each([['127.0.0.1'], ['localhost'], ['::1'], [undefined]])('serves callers without an Origin when bound to %s (undefined: in-process)', async (boundTo) => {
    expect((await control(boundTo, { Host: 'localhost:8787' })).status).toBe(200);
  });

  it.each([['0.0.0.0'], ['::'], ['192.168.1.5']])('refuses callers without an Origin when bound to %s, saying why', async (boundTo) => {
    const message = await refusal(await control(boundTo, { Host: 'localhost:8787' }));
    expect(message).toContain('without an Origin header');
    expect(message).toContain(`listens on ${boundTo}`);
  });

  it('still serves a loopback page when bound to 0.0.0.0', async () => {
    const res = await control('0.0.0.0', { Host: 'localhost:8787', Origin: 'http://localhost:5173' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
  });

  it('refuses non-loopback origins wherever it is bound', async () => {
    for (const boundTo of ['127.0.0.1', '0.0.0.0']) {
      expect(await refusal(await control(boundTo, { Host: 'localhost:8787', Origin: 'https://evil.example' }))).toContain('not https://evil.example');
    }
  });

  it('applies to preflights too', async () => {
    const emulator = createEmulator({ control: true });
    const res = await emulator.fetch('http://localhost/__emulator/tokens', {
      method: 'OPTIONS',
      headers: { Host: 'evil.example', Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('over HTTP: the Host header decides, and a server bound to 0.0.0.0 wants an Origin', async () => {
    const send = (port: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/__emulator/reset', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    const loopback = await startEmulatorServer({ port: 0, control: true });
    const wide = await startEmulatorServer({ port: 0, hostname: '0.0.0.0', control: true });
    try {
      const port = new URL(loopback.url).port;
      expect(await send(port, { Host: `localhost:${port}` })).toBe(200);
      expect(await send(port, { Host: `evil.example:${port}` })).toBe(403);
      const widePort = new URL(wide.url).port;
      expect(await send(widePort, { Host: `localhost:${widePort}` })).toBe(403);
      expect(await send(widePort, { Host: `localhost:${widePort}`, Origin: 'http://localhost:5173' })).toBe(200);
    } finally {
      await Promise.all([loopback.close(), wide.close()]);
    }
  });
});
