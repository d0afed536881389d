/**
 * The HTTP headers Token Admin must be served with: a Content-Security-Policy computed from the
 * deployment's config.json (which Genesys hosts the browser may call) and the index.html being
 * served (the hash of its inline colour-scheme script), and protection against framing, referrer
 * leaks and MIME sniffing. config.json is edited after the build, so the policy is computed when
 * deploying (`npm run headers`) or per request (the preview server), never baked into the build.
 */
import { createHash } from 'node:crypto';
import { ConfigError, parseConfig, type AppConfig } from '../src/config/config.ts';
import { REGIONS } from '../src/config/regions.ts';

/** A bad input (config.json, index.html, an origin, a path), in words a deployer can act on. */
export class SecurityHeadersError extends Error {
  override name = 'SecurityHeadersError';
}

export interface PolicyOptions {
  /** The one origin (a portal) allowed to show the app in a frame. By default no page may. */
  frameAncestor?: string | undefined;
  /**
   * Origins serving users' profile pictures besides the configured apiBaseUrl (the emulator serves
   * them itself). The Genesys contract names no host for them; an image the policy refuses shows
   * the person's initials instead.
   */
  imageOrigins?: readonly string[] | undefined;
}

/** Header name to value, in the order they are written. */
export type SecurityHeaders = Record<string, string>;

/** What the dev server sends: a Content-Security-Policy would refuse the inline script it writes into index.html. */
export const DEV_SERVER_HEADERS: SecurityHeaders = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};

/** config.json's text, checked exactly as the app checks it at start-up. */
export function parseDeployedConfig(text: string, source = 'config.json'): AppConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SecurityHeadersError(`${source} is not valid JSON (${detail})`);
  }
  try {
    return parseConfig(raw, source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.map((problem) => (problem.key ? `${problem.key} ${problem.message}` : problem.message));
    throw new SecurityHeadersError(`${source}: ${problems.join('; ')}`);
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** An exact https origin (http only on loopback, for tests), normalised; anything else is refused. */
export function checkOrigin(value: string, what: string): string {
  const example = `${what} must be an origin such as https://portal.example.com`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SecurityHeadersError(`${example}, not "${value}"`);
  }
  if (url.hostname.includes('*')) throw new SecurityHeadersError(`${example}: name one exact origin, not a wildcard ("${value}")`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new SecurityHeadersError(`${example}: it must use https:// (http:// only for localhost), not "${value}"`);
  }
  if (url.origin !== value.trim().toLowerCase().replace(/\/$/, '')) {
    throw new SecurityHeadersError(`${example}: scheme, host and port only, without path, query or user name ("${value}")`);
  }
  return url.origin;
}

/** A script element the browser runs: no type, a JavaScript type or a module; not a data block such as application/json. */
function isExecutable(attributes: string): boolean {
  const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return value === '' || value === 'module' || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(value);
}

/** The inline scripts of an HTML page, as the browser hashes them (the text between the tags). */
export function inlineScripts(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...withoutComments.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
    .filter(([, attributes = '']) => !/(^|\s)src\s*=/i.test(attributes) && isExecutable(attributes))
    // The HTML parser turns CRLF and CR into LF before the browser hashes the text.
    .map(([, , body = '']) => body.replace(/\r\n?/g, '\n'));
}

/** `'sha256-…'` sources that allow exactly the page's inline scripts. */
export function inlineScriptHashes(html: string): string[] {
  if (!/<html[\s>]/i.test(html)) throw new SecurityHeadersError('index.html does not look like an HTML page: pass the index.html being served');
  return inlineScripts(html).map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * The hosts the app calls, as `endpointsFor` in src/config/config.ts picks them: the configured
 * overrides, else the configured region's, else (users pick a region at sign-in) every region's.
 */
export function genesysOrigins(config: AppConfig): { api: string[]; login: string[] } {
  const domains = config.environment ? [config.environment] : REGIONS.map((region) => region.domain);
  return {
    api: config.apiBaseUrl ? [originOf(config.apiBaseUrl)] : domains.map((domain) => `https://api.${domain}`),
    login: config.loginBaseUrl ? [originOf(config.loginBaseUrl)] : domains.map((domain) => `https://login.${domain}`),
  };
}

const unique = (values: string[]) => [...new Set(values)];

/**
 * The policy for a deployment. `config` null means config.json is missing or invalid: the app then
 * only shows what is wrong with it, which needs nothing but its own origin.
 */
export function contentSecurityPolicy(config: AppConfig | null, indexHtml: string, options: PolicyOptions = {}): string {
  const origins = config ? genesysOrigins(config) : { api: [], login: [] };
  const imageOrigins = (options.imageOrigins ?? []).map((origin) => checkOrigin(origin, 'An image origin'));
  const frameAncestor = options.frameAncestor === undefined ? "'none'" : checkOrigin(options.frameAncestor, 'The frame ancestor');
  const directives: [string, ...string[]][] = [
    // Nothing is allowed that is not listed below.
    ['default-src', "'none'"],
    // Our bundles and boot scripts, and index.html's inline colour-scheme script by its hash.
    ['script-src', "'self'", ...inlineScriptHashes(indexHtml)],
    // Mantine writes <style> elements at run time; a nonce cannot be minted by a static host.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', ...unique([...(config?.apiBaseUrl ? [originOf(config.apiBaseUrl)] : []), ...imageOrigins])],
    ['connect-src', "'self'", ...unique([...origins.api, ...origins.login])],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', frameAncestor],
    ['object-src', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Every header the app is served with, for every response (documents, assets, config.json). */
export function securityHeaders(config: AppConfig | null, indexHtml: string, options: PolicyOptions = {}): SecurityHeaders {
  return {
    'Content-Security-Policy': contentSecurityPolicy(config, indexHtml, options),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // For browsers without frame-ancestors. Left out when a portal may frame the app: browsers
    // ignore X-Frame-Options' one form that names an origin (ALLOW-FROM).
    ...(options.frameAncestor === undefined ? { 'X-Frame-Options': 'DENY' } : {}),
  };
}

/** The path the app is served under, as `/` or `/tools/tokens/`. */
export function checkBasePath(base: string): string {
  const withSlash = base.endsWith('/') ? base : `${base}/`;
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(withSlash) || /\/\.\.?\//.test(withSlash)) {
    throw new SecurityHeadersError(`The base path must be a path such as /tools/tokens/ (letters, digits, . _ ~ - and /), not "${base}"`);
  }
  return withSlash;
}

function checkHeaderValues(headers: SecurityHeaders) {
  for (const [name, value] of Object.entries(headers)) {
    // Never the case for values built here; a quote or $ would change what nginx reads.
    if (/["\\$\r\n]/.test(value)) throw new SecurityHeadersError(`${name} has a character a server configuration cannot hold: ${value}`);
  }
}

export interface NginxOptions {
  base: string;
  /** The directory holding the deployed files; without it, the server's own root (files under root + base). */
  root?: string | undefined;
}

const GENERATED_NOTE = [
  '# Generated by `npm run headers` from config.json and index.html. Generate it again after every',
  '# edit of config.json and every new build: the policy names the hosts config.json allows and',
  "# the hash of index.html's inline script.",
];

/** nginx `location` blocks to include in a `server` block: headers, the single-page fallback, config.json uncached. */
export function nginxSnippet(headers: SecurityHeaders, options: NginxOptions): string {
  checkHeaderValues(headers);
  const base = checkBasePath(options.base);
  let root: string | undefined;
  if (options.root !== undefined) {
    if (!/^\/[^\s;{}"'$#\\]*$/.test(options.root)) {
      throw new SecurityHeadersError(`The root must be an absolute directory path without spaces, quotes or ; { } $ #, not "${options.root}"`);
    }
    root = options.root.endsWith('/') ? options.root : `${options.root}/`;
  }
  const addHeaders = (extra: SecurityHeaders = {}) =>
    Object.entries({ ...extra, ...headers }).map(([name, value]) => `    add_header ${name} "${value}" always;`);
  return [
    `# Token Admin under ${base}: security headers, the single-page fallback, config.json never cached.`,
    ...GENERATED_NOTE,
    '# Include it in a server block. A location with add_header of its own drops the ones it would',
    "# inherit, so each location lists them all (and the server's own add_header do not apply here).",
    ...(base === '/' ? [] : [`location = ${base.slice(0, -1)} {`, `    return 301 ${base};`, '}']),
    `location ${base} {`,
    ...(root ? [`    alias ${root};`] : []),
    // Deep links such as users/<id> are the app's routes: they get index.html.
    `    try_files $uri $uri/ ${base}index.html;`,
    ...addHeaders(),
    '}',
    `location = ${base}config.json {`,
    ...(root ? [`    alias ${root}config.json;`] : []),
    ...addHeaders({ 'Cache-Control': 'no-store' }),
    '}',
    '',
  ].join('\n');
}

/** A `_headers` file (Netlify, Cloudflare Pages) for the published folder's root. */
export function headersFile(headers: SecurityHeaders, options: { base: string }): string {
  checkHeaderValues(headers);
  const base = checkBasePath(options.base);
  const lines = (entries: SecurityHeaders) => Object.entries(entries).map(([name, value]) => `  ${name}: ${value}`);
  return [
    `# Token Admin under ${base}: security headers, config.json never cached.`,
    ...GENERATED_NOTE,
    `# Deep links need the single-page fallback too: on Netlify, a _redirects line "${base}*  ${base}index.html  200".`,
    `${base}*`,
    ...lines(headers),
    '',
    `${base}config.json`,
    ...lines({ 'Cache-Control': 'no-store' }),
    '',
  ].join('\n');
}
