// @vitest-environment node
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_CLIENT_ID } from './seed.ts';
import { startEmulatorServer } from './server.ts';
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

describe('startEmulatorServer', () => {
  it('serves the emulator over HTTP, including a full PKCE round trip, and closes', async () => {
    const server = await startEmulatorServer({ port: 0, hostname: '127.0.0.1', control: true });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('ININ-Correlation-Id')).toBeTruthy();

      const { verifier, challenge } = newPkcePair();
      const redirectUri = 'http://localhost:5173/callback';
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

describe('server.ts run directly', () => {
  it('prints its URL and the demo accounts, and stops cleanly on SIGTERM', async () => {
    const { code, output } = await runCli(['--port', '0', '--control'], { EMULATOR_RATE_LIMIT: '50' }, (out) => out.includes('local-emulator-secret'));
    expect(output).toMatch(/Genesys Cloud emulator listening on http:\/\/localhost:\d+ \(control API at/);
    expect(output).toContain('admin@example.com');
    expect(output).toContain('3c9e7a5b-2d4f-4b1e-8a6c-9f0d2e4b6a78');
    expect(code).toBe(0);
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
