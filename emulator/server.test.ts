// @vitest-environment node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_CLIENT_ID } from './seed.ts';
import { parsePort, startEmulatorServer } from './server.ts';
import { newPkcePair } from './testing.ts';

const serverPath = fileURLToPath(new URL('./server.ts', import.meta.url));

function runCli(args: string[], env: Record<string, string>, until: (output: string) => boolean): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', serverPath, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let signalled = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!signalled && until(output)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      resolve({ code, output });
    });
  });
}

describe('parsePort', () => {
  it.each([
    [undefined, 8787],
    ['', 8787],
    ['  ', 8787],
    ['0', 0],
    ['1', 1],
    ['8788', 8788],
    [' 4174 ', 4174],
    ['65535', 65535],
  ])('%j gives %d', (raw, port) => {
    expect(parsePort(raw, 'EMULATOR_PORT', 8787)).toBe(port);
  });

  it.each([['65536'], ['-1'], ['eighty'], ['80.5'], ['1e3'], ['0x50'], ['123456'], ['80 81']])('%j is refused, naming the setting', (raw) => {
    expect(() => parsePort(raw, 'APP_PORT', 5173)).toThrow(`APP_PORT=${raw} is not a port number: use 1 to 65535, or 0 for any free port.`);
  });
});

describe('startEmulatorServer', () => {
  it('serves the emulator over HTTP, including a full PKCE round trip, and closes', async () => {
    const redirectUri = 'http://localhost:4174/tools/tokens/auth/callback';
    const server = await startEmulatorServer({ port: 0, hostname: '127.0.0.1', control: true, redirectUris: [redirectUri] });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.redirectUris).toEqual([redirectUri]);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('ININ-Correlation-Id')).toBeTruthy();

      const { verifier, challenge } = newPkcePair();
      const signIn = await fetch(`${server.url}/oauth/authorize`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          client_id: APP_CLIENT_ID,
          redirect_uri: redirectUri,
          response_type: 'code',
          code_challenge: challenge,
          code_challenge_method: 'S256',
          state: 'abc',
          signInAs: 'admin@example.com',
        }),
      });
      expect(signIn.status).toBe(302);
      const code = new URL(signIn.headers.get('Location') ?? '').searchParams.get('code') ?? '';
      const tokenRes = await fetch(`${server.url}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: APP_CLIENT_ID, redirect_uri: redirectUri }),
      });
      expect(tokenRes.status).toBe(200);
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const me = await fetch(`${server.url}/api/v2/users/me`, { headers: { Authorization: `Bearer ${access_token}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { email: string }).email).toBe('admin@example.com');
      expect((await fetch(`${server.url}/__emulator/tokens`)).status).toBe(200);
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
  });

  it('listens on 127.0.0.1 by default, reported as localhost, which Node fetch reaches', async () => {
    const server = await startEmulatorServer({ port: 0, control: true });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(server.redirectUris).toEqual(['http://localhost:5173/auth/callback', 'http://127.0.0.1:5173/auth/callback']);
      const port = new URL(server.url).port;
      expect((await fetch(`http://localhost:${port}/`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      // Any other address, even another loopback one, finds nothing listening.
      await expect(fetch(`http://127.0.0.2:${port}/`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('an explicit hostname still overrides the default', async () => {
    const server = await startEmulatorServer({ port: 0, hostname: '0.0.0.0', control: false });
    try {
      const port = new URL(server.url).port;
      expect((await fetch(`http://127.0.0.2:${port}/`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const first = await startEmulatorServer({ port: 0, hostname: '127.0.0.1', control: false });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startEmulatorServer({ port, hostname: '127.0.0.1', control: false })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect((await fetch(`${first.url}/__emulator/tokens`)).status).toBe(404);
    } finally {
      await first.close();
    }
  });
});

describe('faults over HTTP', () => {
  const addFault = async (url: string, fault: Record<string, unknown>) => {
    const res = await fetch(`${url}/__emulator/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(fault) });
    expect(res.status).toBe(200);
  };
  /** Waits until the server has taken every pending fault, so the faulted request is being handled. */
  const faultsTaken = async (url: string) => {
    while (((await (await fetch(`${url}/__emulator/faults`)).json()) as unknown[]).length > 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('drop destroys the socket: the client sees a network error, and the server goes on', async () => {
    const server = await startEmulatorServer({ port: 0, control: true });
    try {
      await addFault(server.url, { path: '/api/v2/tokens/me', kind: 'drop' });
      const error: unknown = await fetch(`${server.url}/api/v2/tokens/me`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((await fetch(`${server.url}/api/v2/tokens/me`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('hang keeps the request open until the client aborts it', async () => {
    const server = await startEmulatorServer({ port: 0, control: true });
    try {
      await addFault(server.url, { path: '/api/v2/tokens/me', kind: 'hang' });
      const controller = new AbortController();
      const hanging = fetch(`${server.url}/api/v2/tokens/me`, { signal: controller.signal });
      await faultsTaken(server.url);
      // Other requests are answered meanwhile.
      expect((await fetch(`${server.url}/api/v2/tokens/me`)).status).toBe(401);
      controller.abort();
      await expect(hanging).rejects.toMatchObject({ name: 'AbortError' });
      expect((await fetch(`${server.url}/api/v2/tokens/me`)).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('close() finishes while a hang and a long delay are pending, cutting them off', async () => {
    const server = await startEmulatorServer({ port: 0, control: true });
    await addFault(server.url, { path: '/api/v2/tokens/me', kind: 'hang' });
    await addFault(server.url, { path: '/api/v2/users/me', kind: 'delay', delayMs: 600_000 });
    const outcomes = Promise.allSettled([fetch(`${server.url}/api/v2/tokens/me`), fetch(`${server.url}/api/v2/users/me`)]);
    await faultsTaken(server.url);
    await server.close();
    const settled = await outcomes;
    expect(settled.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    for (const outcome of settled) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(TypeError);
  });
});

describe('server.ts run directly', () => {
  it('prints its URL and the demo accounts, and stops cleanly on SIGTERM', async () => {
    const { code, output } = await runCli(['--port', '0', '--control'], { EMULATOR_RATE_LIMIT: '50', EMULATOR_REDIRECT_URIS: '' }, (out) => out.includes('grant_type=client_credentials'));
    expect(output).toMatch(/Genesys Cloud emulator listening on http:\/\/localhost:\d+ \(control API at/);
    expect(output).toContain('admin@example.com');
    expect(output).toContain('3c9e7a5b-2d4f-4b1e-8a6c-9f0d2e4b6a78');
    expect(output).toContain('    http://localhost:5173/auth/callback\n');
    expect(code).toBe(0);
  }, 20_000);

  it('registers the --redirect-uri values (repeatable), which win over EMULATOR_REDIRECT_URIS', async () => {
    const { code, output } = await runCli(
      ['--port', '0', '--redirect-uri', 'http://localhost:4174/a', '--redirect-uri=http://localhost:4174/b'],
      { EMULATOR_REDIRECT_URIS: 'http://localhost:9/ignored' },
      (out) => out.includes('grant_type=client_credentials'),
    );
    expect(output).toContain('    http://localhost:4174/a\n    http://localhost:4174/b\n');
    expect(output).not.toContain('ignored');
    expect(output).not.toContain('5173');
    expect(code).toBe(0);
  }, 20_000);

  it('registers EMULATOR_REDIRECT_URIS (comma-separated)', async () => {
    const { code, output } = await runCli(
      ['--port', '0'],
      { EMULATOR_REDIRECT_URIS: ' http://127.0.0.1:3000/cb , http://localhost:3000/cb ' },
      (out) => out.includes('grant_type=client_credentials'),
    );
    expect(output).toContain('    http://127.0.0.1:3000/cb\n    http://localhost:3000/cb\n');
    expect(output).not.toContain('5173');
    expect(code).toBe(0);
  }, 20_000);

  it('refuses an invalid redirect URI and exits 1', async () => {
    const { code, output } = await runCli(['--port', '0', '--redirect-uri', 'not-a-url'], {}, () => false);
    expect(output).toContain('Invalid redirect URI from --redirect-uri: "not-a-url" is not an absolute URL.');
    expect(code).toBe(1);
  }, 20_000);

  it('says clearly when the port is in use and exits 1', async () => {
    const blocker = await startEmulatorServer({ port: 0, control: false });
    try {
      const port = new URL(blocker.url).port;
      const { code, output } = await runCli([], { EMULATOR_PORT: port }, () => false);
      expect(output.trim()).toBe(`Port ${port} is already in use. Stop whatever uses it or set EMULATOR_PORT=<another port>.`);
      expect(code).toBe(1);
    } finally {
      await blocker.close();
    }
  }, 20_000);
});
