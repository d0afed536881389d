// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeadersPlugin } from './securityHeadersPlugin.ts';

const INDEX_HTML = '<!doctype html><html><head><script>paint()</script></head><body><div id="root"></div></body></html>';
const config = (environment: string) => JSON.stringify({ clientId: '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13', environment });

let root = '';
let servers: (PreviewServer | ViteDevServer)[] = [];

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  if (root) rmSync(root, { recursive: true, force: true });
});

/** A built app in a temporary folder, served by `vite preview` under /tools/tokens/ with only this plugin. */
async function previewOf(configText: string) {
  root = mkdtempSync(join(tmpdir(), 'token-admin-preview-'));
  mkdirSync(join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(root, 'dist', 'index.html'), INDEX_HTML);
  writeFileSync(join(root, 'dist', 'config.json'), configText);
  writeFileSync(join(root, 'dist', 'assets', 'index.js'), 'export {};');
  const warnings: string[] = [];
  const logger = createLogger('silent');
  logger.warn = (message) => warnings.push(message);
  const server = await preview({
    configFile: false,
    root,
    base: '/tools/tokens/',
    customLogger: logger,
    plugins: [securityHeadersPlugin()],
    preview: { port: 0, host: '127.0.0.1' },
  });
  servers.push(server);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no address');
  return { url, warnings, writeConfig: (text: string) => writeFileSync(join(root, 'dist', 'config.json'), text) };
}

const policyOf = async (url: string) => (await fetch(url)).headers.get('content-security-policy') ?? '';

describe('the preview server', () => {
  it('sends the policy for the config.json it serves on pages, deep links, config.json and assets', async () => {
    const { url } = await previewOf(config('mypurecloud.ie'));
    for (const path of ['', 'users/some-id', 'config.json', 'assets/index.js']) {
      const response = await fetch(`${url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-security-policy'), path).toContain("connect-src 'self' https://api.mypurecloud.ie https://login.mypurecloud.ie;");
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('follows an edit of config.json at the next page load, as a deployment regenerating its headers would', async () => {
    const { url, writeConfig } = await previewOf(config('mypurecloud.ie'));
    expect(await policyOf(url)).toContain('https://api.mypurecloud.ie');
    writeConfig(config('mypurecloud.de'));
    const policy = await policyOf(url);
    expect(policy).toContain("connect-src 'self' https://api.mypurecloud.de https://login.mypurecloud.de;");
    expect(policy).not.toContain('mypurecloud.ie');
  });

  it('with a broken config.json says why once and lets the page reach only its own origin', async () => {
    const { url, warnings } = await previewOf('{ "clientId": "REPLACE-WITH-YOUR-OAUTH-CLIENT-ID" }');
    expect(await policyOf(url)).toContain("connect-src 'self'; ");
    await policyOf(`${url}users/some-id`);
    expect(warnings).toEqual([expect.stringMatching(/^Security headers: config.json: clientId is still the template's placeholder: it must be the OAuth client id/)]);
  });
});

describe('the dev server', () => {
  it('sends Referrer-Policy and nosniff but no Content-Security-Policy, which would break hot reloading', async () => {
    root = mkdtempSync(join(tmpdir(), 'token-admin-dev-'));
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [securityHeadersPlugin()],
      server: { port: 0, host: '127.0.0.1', ws: false },
      optimizeDeps: { noDiscovery: true },
    });
    servers.push(server);
    await server.listen();
    const response = await fetch(server.resolvedUrls?.local[0] ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
