/**
 * A deployment as the README describes it: the e2e build (the web server in playwright.config.ts
 * makes it) copied with its own config.json, served by real nginx with the snippet that
 * `npm run headers` writes for it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onPath } from '../scripts/chromium.ts';
import { parseDeployedConfig, securityHeaders } from '../scripts/securityHeaders.ts';
import { APP_CLIENT_ID } from './accounts.ts';
import { APP_BASE_PORT, E2E_BASE_PATH, EMULATOR_URL } from './env.ts';
import { expect, test } from './fixtures.ts';

const BUILD_DIR = `dist-e2e-${APP_BASE_PORT}`;
const NGINX = process.env.NGINX_PATH ?? onPath('nginx') ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined);
const NO_NGINX = 'nginx is not installed: apt-get install -y nginx (or set NGINX_PATH)';

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** nginx in the foreground with everything (config, pid, temp files) in its own directory. */
function nginxConf(dir: string, port: number): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`;
  return `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 64; }
http {
    types {
        text/html html;
        text/css css;
        application/javascript js;
        application/json json;
        image/svg+xml svg;
    }
    default_type application/octet-stream;
    access_log off;
    ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n    ')}
    server {
        listen 127.0.0.1:${port};
        server_name localhost;
        include ${join(dir, 'token-admin.conf')};
    }
}
`;
}

async function waitUntilServing(url: string, nginx: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null || nginx.pid === undefined) throw new Error(`nginx did not start (exit code ${nginx.exitCode ?? 'none'}): ${stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not answer ${url} within 10 s: ${stderr()}`);
}

async function stop(nginx: ChildProcess) {
  if (nginx.pid === undefined || nginx.exitCode !== null || nginx.signalCode !== null) return;
  const exited = new Promise((resolve) => nginx.once('exit', resolve));
  // SIGTERM: the master stops its worker, then exits.
  nginx.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
  if (!stopped) nginx.kill('SIGKILL');
}

test.describe('The built app behind nginx, with the snippet npm run headers writes', () => {
  test.skip(!NGINX && !process.env.CI, NO_NGINX);

  let dir = '';
  let nginx: ChildProcess | undefined;
  let appUrl = '';
  let expectedHeaders: Record<string, string> = {};
  const killOnExit = () => nginx?.kill('SIGKILL');

  test.beforeAll(async () => {
    if (!NGINX) throw new Error(`${NO_NGINX}; CI must run this test`);
    dir = mkdtempSync(join(tmpdir(), 'token-admin-nginx-'));
    // Under root nginx's worker runs as an unprivileged user, which must read the files.
    chmodSync(dir, 0o755);
    const site = join(dir, 'site');
    cpSync(BUILD_DIR, site, { recursive: true });
    const config = JSON.stringify({ clientId: APP_CLIENT_ID, environment: 'mypurecloud.com', apiBaseUrl: EMULATOR_URL, loginBaseUrl: EMULATOR_URL });
    writeFileSync(join(site, 'config.json'), config);
    expectedHeaders = securityHeaders(parseDeployedConfig(config), readFileSync(join(site, 'index.html'), 'utf8'));

    const headers = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/headers.ts', '--config', join(site, 'config.json'), '--base', E2E_BASE_PATH, '--format', 'nginx', '--root', site, '--out', join(dir, 'token-admin.conf')],
      { encoding: 'utf8' },
    );
    expect(headers.status, `npm run headers: ${headers.stderr}`).toBe(0);

    const port = await freeLoopbackPort();
    mkdirSync(join(dir, 'temp'));
    writeFileSync(join(dir, 'nginx.conf'), nginxConf(dir, port));
    let stderr = '';
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    nginx.on('error', (error) => (stderr += `could not run ${NGINX}: ${error.message}`));
    process.once('exit', killOnExit);
    appUrl = `http://127.0.0.1:${port}${E2E_BASE_PATH}`;
    await waitUntilServing(appUrl, nginx, () => stderr);
  });

  test.afterAll(async () => {
    if (nginx) await stop(nginx);
    process.off('exit', killOnExit);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('sends the headers on the page, deep links, assets and config.json, which is never cached', async ({ request }) => {
    const expectSecurityHeaders = (headers: Record<string, string>, what: string) => {
      expect(headers, what).toMatchObject(Object.fromEntries(Object.entries(expectedHeaders).map(([name, value]) => [name.toLowerCase(), value])));
      expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], what).toContain(`connect-src 'self' ${EMULATOR_URL};`);
      expect(headers['x-frame-options'], what).toBe('DENY');
    };

    const index = await request.get(appUrl);
    expect(index.status()).toBe(200);
    expect(index.headers()['content-type']).toBe('text/html');
    expectSecurityHeaders(index.headers(), 'index.html');
    const html = await index.text();

    // A route of the app: the single-page fallback answers it with index.html.
    const deepLink = await request.get(`${appUrl}users/some-id`);
    expect(deepLink.status()).toBe(200);
    expect(await deepLink.text()).toBe(html);
    expectSecurityHeaders(deepLink.headers(), 'a deep link');

    const config = await request.get(`${appUrl}config.json`);
    expect(config.status()).toBe(200);
    expect(config.headers()['cache-control']).toBe('no-store');
    expect(await config.json()).toMatchObject({ apiBaseUrl: EMULATOR_URL });
    expectSecurityHeaders(config.headers(), 'config.json');

    const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(script, 'index.html names its entry script').toMatch(new RegExp(`^${E2E_BASE_PATH}assets/.+\\.js$`));
    const asset = await request.get(new URL(script ?? '', appUrl).href);
    expect(asset.status()).toBe(200);
    expect(asset.headers()['content-type']).toBe('application/javascript');
    expectSecurityHeaders(asset.headers(), 'an asset');

    const withoutSlash = await request.get(appUrl.slice(0, -1), { maxRedirects: 0 });
    expect(withoutSlash.status()).toBe(301);
    expect(new URL(withoutSlash.headers().location ?? '', appUrl).pathname).toBe(E2E_BASE_PATH);
  });

  test('loads in Chromium without a policy violation, up to the sign-in page', async ({ page, cspViolations }) => {
    await page.goto(`${appUrl}users/some-id`);
    // The app ran: it sent the browser to sign in (the emulator refuses this unregistered callback, which is fine here).
    await page.waitForURL(`${EMULATOR_URL}/oauth/authorize**`);
    expect(new URL(page.url()).searchParams.get('redirect_uri')).toBe(`${appUrl}auth/callback`);
    expect(cspViolations).toEqual([]);
  });
});
