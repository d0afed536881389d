// @vitest-environment node
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '../src/config/regions.ts';
import {
  checkOrigin,
  contentSecurityPolicy,
  headersFile,
  inlineScriptHashes,
  nginxSnippet,
  parseDeployedConfig,
  securityHeaders,
  SecurityHeadersError,
} from './securityHeaders.ts';

const CLIENT_ID = '5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13';
const COLOUR_SCRIPT = "\n      document.documentElement.setAttribute('data-mantine-color-scheme', 'dark');\n    ";
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <script>${COLOUR_SCRIPT}</script>
    <script type="module" crossorigin src="/tools/tokens/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>`;
const COLOUR_SCRIPT_HASH = `'sha256-${createHash('sha256').update(COLOUR_SCRIPT).digest('base64')}'`;

const config = (settings: Record<string, unknown>) => parseDeployedConfig(JSON.stringify({ clientId: CLIENT_ID, ...settings }));

/** The policy as directive name → its sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split('; ').map((directive) => {
      const [name = '', ...sources] = directive.split(' ');
      return [name, sources];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('lets a configured region reach only its own API and login hosts', () => {
    const policy = directives(contentSecurityPolicy(config({ environment: 'mypurecloud.ie' }), INDEX_HTML));
    expect(policy['connect-src']).toEqual(["'self'", 'https://api.mypurecloud.ie', 'https://login.mypurecloud.ie']);
    expect(policy['img-src']).toEqual(["'self'", 'data:']);
  });

  it('locks down everything else, whatever the config', () => {
    expect(contentSecurityPolicy(config({ environment: 'mypurecloud.ie' }), INDEX_HTML)).toBe(
      "default-src 'none'; " +
        `script-src 'self' ${COLOUR_SCRIPT_HASH}; ` +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "connect-src 'self' https://api.mypurecloud.ie https://login.mypurecloud.ie; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('uses the apiBaseUrl and loginBaseUrl origins instead of the region hosts they replace', () => {
    const both = directives(
      contentSecurityPolicy(
        config({ environment: 'mypurecloud.com', apiBaseUrl: 'https://gateway.example.com/genesys/api/', loginBaseUrl: 'http://localhost:8788' }),
        INDEX_HTML,
      ),
    );
    expect(both['connect-src']).toEqual(["'self'", 'https://gateway.example.com', 'http://localhost:8788']);
    // The emulator (or a gateway) serves profile pictures from the API's origin.
    expect(both['img-src']).toEqual(["'self'", 'data:', 'https://gateway.example.com']);

    const apiOnly = directives(contentSecurityPolicy(config({ environment: 'mypurecloud.ie', apiBaseUrl: 'http://localhost:8788' }), INDEX_HTML));
    expect(apiOnly['connect-src']).toEqual(["'self'", 'http://localhost:8788', 'https://login.mypurecloud.ie']);
  });

  it('names one origin once when the API and login share it (the emulator)', () => {
    const policy = directives(contentSecurityPolicy(config({ apiBaseUrl: 'http://localhost:8788', loginBaseUrl: 'http://localhost:8788' }), INDEX_HTML));
    expect(policy['connect-src']).toEqual(["'self'", 'http://localhost:8788']);
  });

  it('lets every known region in when users pick theirs at sign-in', () => {
    const policy = directives(contentSecurityPolicy(config({}), INDEX_HTML));
    const sources = policy['connect-src'] ?? [];
    expect(sources).toHaveLength(1 + 2 * REGIONS.length);
    for (const region of REGIONS) {
      expect(sources).toContain(`https://api.${region.domain}`);
      expect(sources).toContain(`https://login.${region.domain}`);
    }
    expect(sources).toContain('https://api.edee1.eusc-pure.cloud');
    expect(sources.filter((source) => !source.startsWith('https://')).join()).toBe("'self'");
  });

  it('with a broken config.json lets the app reach nothing but its own origin', () => {
    expect(directives(contentSecurityPolicy(null, INDEX_HTML))['connect-src']).toEqual(["'self'"]);
  });

  it('adds the image origins it is given, checked', () => {
    const policy = directives(
      contentSecurityPolicy(config({ environment: 'mypurecloud.ie' }), INDEX_HTML, {
        imageOrigins: ['https://pictures.example.com/', 'https://pictures.example.com', 'https://cdn.example.net:8443'],
      }),
    );
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'https://pictures.example.com', 'https://cdn.example.net:8443']);
    expect(() => contentSecurityPolicy(null, INDEX_HTML, { imageOrigins: ['https://*.amazonaws.com'] })).toThrow(/An image origin .*not a wildcard/);
  });
});

describe('the inline script hash', () => {
  it('is the sha256 of the inline script exactly as it stands in index.html', () => {
    expect(inlineScriptHashes(INDEX_HTML)).toEqual([COLOUR_SCRIPT_HASH]);
  });

  it("matches the repository's own index.html, which the build copies unchanged", () => {
    const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
    const body = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(body).toContain('data-mantine-color-scheme');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${createHash('sha256').update(body).digest('base64')}'`]);
  });

  it('reads the page as a browser does: CRLF as LF, one hash per inline script, none for src= or commented-out ones', () => {
    expect(inlineScriptHashes(INDEX_HTML.replaceAll('\n', '\r\n'))).toEqual([COLOUR_SCRIPT_HASH]);
    const page = `<html><head><!-- <script>old()</script> --><SCRIPT type="text/javascript">a()</SCRIPT><script data-src="x">b()</script><script src="/boot.js"></script></head></html>`;
    const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    expect(inlineScriptHashes(page)).toEqual([sha('a()'), sha('b()')]);
  });

  it('allows no inline script when the page has none', () => {
    expect(directives(contentSecurityPolicy(null, '<html><script type="module" src="/a.js"></script></html>'))['script-src']).toEqual(["'self'"]);
  });

  it('refuses a file that is not an HTML page', () => {
    expect(() => inlineScriptHashes('{"clientId": "x"}')).toThrow(/index.html does not look like an HTML page/);
  });
});

describe('the security headers', () => {
  it('refuse every frame and leak no referrer by default', () => {
    expect(securityHeaders(config({ environment: 'mypurecloud.ie' }), INDEX_HTML)).toEqual({
      'Content-Security-Policy': expect.stringContaining("frame-ancestors 'none'") as unknown,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
  });

  it('let exactly one portal origin frame the app, without X-Frame-Options DENY', () => {
    const headers = securityHeaders(config({ environment: 'mypurecloud.ie' }), INDEX_HTML, { frameAncestor: 'https://portal.example.com/' });
    expect(directives(headers['Content-Security-Policy'] ?? '')['frame-ancestors']).toEqual(['https://portal.example.com']);
    expect(headers).not.toHaveProperty('X-Frame-Options');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('a portal origin', () => {
  it.each([
    ['portal.example.com', /must be an origin such as https:\/\/portal.example.com, not "portal.example.com"/],
    ['http://portal.example.com', /must use https:\/\//],
    ['https://portal.example.com/tools/', /without path, query or user name/],
    ['https://portal.example.com?x=1', /without path, query or user name/],
    ['https://user@portal.example.com', /without path, query or user name/],
    ['https://*.example.com', /not a wildcard/],
    ["https://portal.example.com 'unsafe-inline'", /must be an origin/],
    ['*', /must be an origin/],
    ["'self'", /must be an origin/],
    ['javascript:alert(1)', /must use https:\/\//],
  ])('refuses %s', (value, message) => {
    expect(() => checkOrigin(value, 'The frame ancestor')).toThrow(SecurityHeadersError);
    expect(() => securityHeaders(null, INDEX_HTML, { frameAncestor: value })).toThrow(message);
  });

  it('accepts an https origin with a port, and http on localhost for tests', () => {
    expect(checkOrigin('https://Portal.Example.com:8443', 'x')).toBe('https://portal.example.com:8443');
    expect(checkOrigin('http://localhost:4174', 'x')).toBe('http://localhost:4174');
    expect(checkOrigin('http://127.0.0.1:4174/', 'x')).toBe('http://127.0.0.1:4174');
  });
});

describe('config.json', () => {
  it('is refused when it does not parse, naming the file', () => {
    expect(() => parseDeployedConfig('{"clientId": ', 'dist/config.json')).toThrow(/^dist\/config.json is not valid JSON \(/);
  });

  it('is refused with each problem the app itself would show', () => {
    expect(() => parseDeployedConfig(JSON.stringify({ clientId: CLIENT_ID, environment: 'example.com', apiBaseUrl: 'ftp://x' }))).toThrow(
      /^config.json: environment is not a known Genesys Cloud region.*; apiBaseUrl must be a full http\(s\) URL/,
    );
    expect(() => parseDeployedConfig('[]')).toThrow(/must be a JSON object/);
    expect(() => parseDeployedConfig('{"environment": "mypurecloud.ie"}')).toThrow(/clientId is required/);
  });
});

const HEADERS = { 'Content-Security-Policy': "default-src 'none'", 'Referrer-Policy': 'no-referrer' };

describe('the nginx snippet', () => {
  it('sends every header always, falls back to index.html under the base path and never caches config.json', () => {
    const snippet = nginxSnippet(HEADERS, { base: '/tools/tokens', root: '/srv/token-admin' });
    const headerLines = ['    add_header Content-Security-Policy "default-src \'none\'" always;', '    add_header Referrer-Policy "no-referrer" always;'];
    expect(snippet).toContain(['location = /tools/tokens {', '    return 301 /tools/tokens/;', '}'].join('\n'));
    expect(snippet).toContain(
      ['location /tools/tokens/ {', '    alias /srv/token-admin/;', '    try_files $uri $uri/ /tools/tokens/index.html;', ...headerLines, '}'].join('\n'),
    );
    // nginx drops inherited add_header in a location with its own: config.json repeats them.
    expect(snippet).toContain(
      [
        'location = /tools/tokens/config.json {',
        '    alias /srv/token-admin/config.json;',
        '    add_header Cache-Control "no-store" always;',
        ...headerLines,
        '}',
      ].join('\n'),
    );
  });

  it("serves from the server's root without --root, and at / without a redirect", () => {
    const snippet = nginxSnippet(HEADERS, { base: '/' });
    expect(snippet).not.toMatch(/alias|return 301/);
    expect(snippet).toContain('location / {\n    try_files $uri $uri/ /index.html;');
    expect(snippet).toContain('location = /config.json {');
  });

  it('refuses a base path or root that nginx would read differently', () => {
    for (const base of ['tools/tokens/', '/tools/../etc/', '/tools tokens/', '/tools;/', '//tools/', '/tools/{x}/']) {
      expect(() => nginxSnippet(HEADERS, { base })).toThrow(/The base path must be a path such as \/tools\/tokens\//);
    }
    for (const root of ['srv/token-admin', '/srv/token admin', '/srv/x;', '/srv/$x']) {
      expect(() => nginxSnippet(HEADERS, { base: '/', root })).toThrow(/The root must be an absolute directory path/);
    }
  });
});

describe('the _headers file', () => {
  it('sets the headers on everything under the base path and no-store on config.json', () => {
    const file = headersFile(HEADERS, { base: '/tools/tokens/' });
    expect(file).toContain(["/tools/tokens/*", "  Content-Security-Policy: default-src 'none'", '  Referrer-Policy: no-referrer', ''].join('\n'));
    expect(file).toContain(['/tools/tokens/config.json', '  Cache-Control: no-store', ''].join('\n'));
    expect(file.split('\n').filter((line) => line && !line.startsWith('#') && !line.startsWith('/') && !line.startsWith('  '))).toEqual([]);
  });
});
