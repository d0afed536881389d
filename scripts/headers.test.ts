// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runHeadersCommand, USAGE } from './headers.ts';

const INDEX_HTML = '<!doctype html><html><head><script>a()</script><script type="module" src="/assets/index.js"></script></head></html>';
const CONFIG = JSON.stringify({ clientId: '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13', environment: 'mypurecloud.ie' });

/** Runs the command against in-memory files; returns what it printed and wrote. */
function run(args: string[], files: Record<string, string> = { 'dist/config.json': CONFIG, 'dist/index.html': INDEX_HTML }) {
  const written: Record<string, string> = {};
  let stdout = '';
  const stderr: string[] = [];
  const code = runHeadersCommand(args, {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => (written[path] = text),
    stdout: (text) => (stdout += text),
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout, stderr, written };
}

describe('npm run headers', () => {
  it('prints an nginx snippet for the config and the index.html beside it', () => {
    const result = run(['--config', 'dist/config.json', '--base', '/tools/tokens/', '--format', 'nginx']);
    expect(result.stderr).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('location /tools/tokens/ {');
    expect(result.stdout).toMatch(/add_header Content-Security-Policy "default-src 'none'; script-src 'self' 'sha256-[^']+'; .*connect-src 'self' https:\/\/api.mypurecloud.ie https:\/\/login.mypurecloud.ie;.*" always;/);
    expect(result.stdout).toContain('add_header X-Frame-Options "DENY" always;');
  });

  it('writes a _headers file with a portal allowed to frame the app and an image origin', () => {
    const result = run([
      '--config=dist/config.json',
      '--index',
      'dist/index.html',
      '--format',
      '_headers',
      '--frame-ancestor',
      'https://portal.example.com',
      '--img-origin',
      'https://pictures.example.com',
      '--out',
      'dist/_headers',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const file = result.written['dist/_headers'] ?? '';
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: .*img-src 'self' data: https:\/\/pictures.example.com;.*frame-ancestors https:\/\/portal.example.com;/m);
    expect(file).not.toContain('X-Frame-Options');
  });

  it('prints its usage for --help', () => {
    const result = run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${USAGE}\n`);
    expect(USAGE).toMatch(/^Usage: npm run headers -- --config <config.json> --format <nginx\|_headers>/);
  });

  it.each([
    [['--config', 'dist/config.json', '--format', 'nginx', '--frame', 'x'], "headers: Unknown option '--frame'. Run npm run headers -- --help for usage."],
    [['--format', 'nginx'], 'headers: --config <config.json> is required. Run npm run headers -- --help for usage.'],
    [['--config', 'dist/config.json'], 'headers: --format is required: nginx or _headers. Run npm run headers -- --help for usage.'],
    [['--config', 'dist/config.json', '--format', 'apache'], "headers: --format must be nginx or _headers, not 'apache'. Run npm run headers -- --help for usage."],
    [['--config', '--format', 'nginx'], "headers: Option '--config' needs a value. Run npm run headers -- --help for usage."],
    [['--config', 'dist/config.json', '--format', 'nginx', 'extra'], /^headers: Unexpected argument 'extra'/],
    [
      ['--config', 'dist/config.json', '--format', 'nginx', '--frame-ancestor', 'https://a.example.com', '--frame-ancestor', 'https://b.example.com'],
      /^headers: --frame-ancestor takes exactly one origin/,
    ],
    [['--config', 'dist/config.json', '--format', '_headers', '--root', '/srv/x'], /^headers: --root applies to --format nginx only/],
  ])('refuses bad flags %j in one line', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    [['--config', 'missing.json', '--format', 'nginx'], 'headers: The config missing.json does not exist'],
    [['--config', 'dist/config.json', '--index', 'dist/other.html', '--format', 'nginx'], 'headers: The index.html dist/other.html does not exist'],
    [['--config', 'dist/config.json', '--format', 'nginx', '--frame-ancestor', 'portal.example.com'], /^headers: The frame ancestor must be an origin/],
    [['--config', 'dist/config.json', '--format', 'nginx', '--base', 'tools'], /^headers: The base path must be a path such as \/tools\/tokens\//],
  ])('refuses bad input %j in one line', (args, message) => {
    const result = run(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toHaveLength(1);
    expect(result.stderr[0]).toMatch(message);
  });

  it('refuses a config.json that does not parse, naming it', () => {
    const result = run(['--config', 'dist/config.json', '--format', 'nginx'], { 'dist/config.json': '{ "clientId": ', 'dist/index.html': INDEX_HTML });
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([expect.stringMatching(/^headers: dist\/config.json is not valid JSON \(/)]);
  });
});
