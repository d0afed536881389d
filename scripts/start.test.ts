// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

let blockers: Server[] = [];

/** Holds a free port open, as another program would. */
async function busyPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  blockers.push(server);
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs `npm start` until it says it is ready, calls `whileUp`, then stops it as Ctrl+C does. */
function runStartUntilReady(env: Record<string, string>, whileUp: (output: string) => Promise<void>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let ready = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready || !output.includes('Press Ctrl+C')) return;
      ready = true;
      whileUp(output).then(
        () => child.kill('SIGINT'),
        (error: unknown) => {
          child.kill('SIGINT');
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

afterEach(async () => {
  await Promise.all(blockers.map((s) => new Promise((resolve) => s.close(resolve))));
  blockers = [];
});

describe('npm start', () => {
  it('says which port is taken when the emulator cannot start', async () => {
    const port = await busyPort();
    const { code, stderr } = await runStart({ EMULATOR_PORT: String(port), APP_PORT: '0' });
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} is already in use, so the Genesys Cloud emulator cannot start`);
    expect(stderr).toContain('EMULATOR_PORT');
  }, 20_000);

  it('says which port is taken when the app cannot start', async () => {
    const port = await busyPort();
    const { code, stderr } = await runStart({ EMULATOR_PORT: '0', APP_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} is already in use, so the app cannot start`);
    expect(stderr).toContain('APP_PORT');
  }, 20_000);

  it('registers the app’s own callback on its port with the emulator', async () => {
    const appPort = await freePort();
    const callbacks = [`http://localhost:${appPort}/auth/callback`, `http://127.0.0.1:${appPort}/auth/callback`];
    const status: Record<string, number> = {};
    const { code, output } = await runStartUntilReady({ EMULATOR_PORT: '0', APP_PORT: String(appPort) }, async (out) => {
      const emulatorUrl = /Genesys emulator:\s+(\S+)/.exec(out)?.[1] ?? '';
      for (const redirectUri of [...callbacks, 'http://localhost:5173/auth/callback']) {
        const query = new URLSearchParams({ client_id: '8e2d4b6f-1a3c-4d5e-9f7a-0b2c4d6e8f91', redirect_uri: redirectUri, response_type: 'token' });
        status[redirectUri] = (await fetch(`${emulatorUrl}/oauth/authorize?${query.toString()}`)).status;
      }
    });
    for (const uri of callbacks) {
      expect(output).toContain(uri);
      expect(status[uri]).toBe(200);
    }
    expect(status['http://localhost:5173/auth/callback']).toBe(400);
    expect(code).toBe(0);
  }, 60_000);

  // parsePort's cases are tested in-process (emulator/server.test.ts); this checks npm start uses it.
  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await runStart({ EMULATOR_PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('EMULATOR_PORT=eighty is not a port number: use 1 to 65535, or 0 for any free port.');
  }, 20_000);
});
