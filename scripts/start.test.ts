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
  });

  it('says which port is taken when the app cannot start', async () => {
    const port = await busyPort();
    const { code, stderr } = await runStart({ EMULATOR_PORT: '0', APP_PORT: String(port) });
    expect(code).toBe(1);
    expect(stderr).toContain(`Port ${port} is already in use, so the app cannot start`);
    expect(stderr).toContain('APP_PORT');
  });

  it('refuses a port that is not a number', async () => {
    const { code, stderr } = await runStart({ EMULATOR_PORT: 'eighty' });
    expect(code).toBe(1);
    expect(stderr).toContain('EMULATOR_PORT=eighty is not a port number');
  });
});
