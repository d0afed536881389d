import * as v from 'valibot';
import { findRegion, type Region } from './regions.ts';

// Valibot, not zod: this is checked on the first load of every page, and for these few keys
// it weighs under 2 KB against zod/mini's 6.5 KB (gzip, measured in the build).
const CLIENT_ID_MESSAGE = 'must be the OAuth client id from Genesys Cloud Admin > OAuth (a UUID such as 5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13)';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION_MESSAGE = 'is not a known Genesys Cloud region; use a domain such as mypurecloud.com, mypurecloud.ie or usw2.pure.cloud, or remove it to let users pick one.';

type BaseUrlKey = 'apiBaseUrl' | 'loginBaseUrl';
const EXAMPLE_URL: Record<BaseUrlKey, string> = { apiBaseUrl: 'https://api.mypurecloud.ie', loginBaseUrl: 'https://login.mypurecloud.ie' };
/** Paths the app adds itself: a base URL that already ends with one would double them. */
const ADDED_PATH: Record<BaseUrlKey, RegExp> = { apiBaseUrl: /\/api\/v2(?:\/.*)?$/i, loginBaseUrl: /\/(?:oauth(?:\/(?:authorize|token))?|logout)$/i };
const urlMessage = (key: BaseUrlKey) => `must be a full http(s) URL, for example ${EXAMPLE_URL[key]}`;

/**
 * Hosts that plain http may reach: loopback (the emulator on localhost) and the reserved `.test`
 * names (RFC 6761: never in public DNS; the in-process tests use http://emulator.test). Anything
 * else would carry the admins' bearer tokens over the network unencrypted.
 */
function mayUseHttp(hostname: string): boolean {
  return hostname === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]' || /(?:^|\.)test$/.test(hostname);
}

/** What is wrong with a base URL, in the deployer's words, or undefined when it can be used. */
function baseUrlProblem(value: string, key: BaseUrlKey): string | undefined {
  if (value === '') return `is empty: remove it to use the region's own host, or give a full https URL such as ${EXAMPLE_URL[key]}`;
  if (value.trim() !== value) return 'has spaces or line breaks before or after it: remove them';
  if (/\s/.test(value)) return 'has a space in it: remove it (a space in a path is written %20)';
  if (!/^https?:\/\//i.test(value)) {
    // `api.mypurecloud.ie` or `localhost:8787`: a host without its scheme.
    return /^[\w.-]+(?::\d+)?(?:\/|$)/.test(value) ? `must start with https://, as in https://${value}` : urlMessage(key);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return urlMessage(key);
  }
  // Credentials are not repeated in the message: the error page shows it to whoever opens the app.
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password: remove the part up to and including the @';
  // Checked on the text too: a lone "?" or "#" leaves url.search and url.hash empty.
  const hashAt = value.indexOf('#');
  const queryAt = value.indexOf('?');
  if (queryAt !== -1 && (hashAt === -1 || queryAt < hashAt)) {
    return `must not have a query (“${clip(value.slice(queryAt, hashAt === -1 ? undefined : hashAt))}”): the app adds its own to each call; remove it`;
  }
  if (hashAt !== -1) return `must not have a fragment (“${clip(value.slice(hashAt))}”): every path the app adds would end up after the #; remove it`;
  if (url.protocol === 'http:' && !mayUseHttp(url.hostname)) {
    const https = `https://${url.host}${url.pathname.replace(/\/+$/, '')}`;
    return `must use https, as in ${https}: over plain http the admins' tokens would cross the network unencrypted (only a loopback host such as localhost, for the emulator, may use http)`;
  }
  const added = ADDED_PATH[key].exec(url.pathname.replace(/\/+$/, ''));
  if (added) return `must not end with ${added[0]}: the app adds that path itself; remove it`;
  return undefined;
}

function clip(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}

/** A checked base URL as the app joins paths to it: normalised by the URL parser, without a trailing slash. */
const baseUrl = (key: BaseUrlKey) =>
  v.pipe(
    v.string(urlMessage(key)),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const message = baseUrlProblem(dataset.value, key);
      if (message !== undefined) addIssue({ message });
    }),
    v.transform((value) => {
      const url = new URL(value);
      // A gateway's path prefix (https://gateway.example.com/genesys) is kept; only trailing slashes go.
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    }),
  );

/** A region given as a host (`api.mypurecloud.ie`) rather than its domain: the domain to write. */
function regionOfHost(value: string): Region | undefined {
  return /^[\w.-]+$/.test(value) ? findRegion(`https://${value}`) : undefined;
}

export const configSchema = v.strictObject({
  clientId: v.pipe(
    v.string(CLIENT_ID_MESSAGE),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const value = dataset.value;
      if (value.trim() === '') addIssue({ message: `is empty: it ${CLIENT_ID_MESSAGE}` });
      else if (value.trim() !== value) addIssue({ message: 'has spaces or line breaks before or after it: remove them' });
      // public/config.json ships with REPLACE-WITH-YOUR-OAUTH-CLIENT-ID.
      else if (/^replace/i.test(value)) addIssue({ message: `is still the template's placeholder: it ${CLIENT_ID_MESSAGE}` });
      else if (!UUID.test(value)) addIssue({ message: CLIENT_ID_MESSAGE });
    }),
  ),
  environment: v.optional(
    v.pipe(
      v.string('must be a Genesys Cloud region domain such as mypurecloud.ie'),
      v.rawCheck(({ dataset, addIssue }) => {
        if (!dataset.typed || findRegion(dataset.value) !== undefined) return;
        const region = regionOfHost(dataset.value.trim().toLowerCase());
        addIssue({ message: region ? `names a host, not a region: write the region domain "${region.domain}"` : REGION_MESSAGE });
      }),
      // One spelling for everything that reads it (the security headers build host names from it):
      // `prod-euw1`, `https://apps.mypurecloud.ie` and ` MyPureCloud.IE` all become `mypurecloud.ie`.
      v.transform((value) => findRegion(value)?.domain ?? value),
    ),
  ),
  oauthFlow: v.optional(v.picklist(['pkce', 'implicit'], 'must be "pkce" or "implicit"'), 'pkce'),
  apiBaseUrl: v.optional(baseUrl('apiBaseUrl')),
  loginBaseUrl: v.optional(baseUrl('loginBaseUrl')),
  redirectPath: v.optional(
    v.pipe(
      v.string('must be a path starting with a single "/", without query or hash, such as /auth/callback'),
      v.regex(/^\/(?!\/)[^\s?#]*$/, 'must be a path starting with a single "/", without query or hash, such as /auth/callback'),
    ),
    '/auth/callback',
  ),
  signOutOfGenesys: v.optional(v.boolean('must be true or false, without quotes'), false),
});

export type AppConfig = v.InferOutput<typeof configSchema>;

export interface ConfigProblem {
  /** The key in config.json, or empty for the file itself. */
  key: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  readonly source: string;
  constructor(source: string, problems: ConfigProblem[]) {
    super(`${source} has ${problems.length} problem(s)`);
    this.name = 'ConfigError';
    this.source = source;
    this.problems = problems;
  }
}

export function parseConfig(raw: unknown, source = 'config.json'): AppConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(source, [{ key: '', message: 'must be a JSON object with the settings described in the README' }]);
  }
  const result = v.safeParse(configSchema, raw);
  if (result.success) return result.output;
  throw new ConfigError(
    source,
    result.issues.map((issue) => {
      const key = v.getDotPath(issue) ?? '';
      if (issue.type === 'strict_object' && issue.expected === 'never') {
        return { key, message: 'is not a setting this app knows; check the spelling or remove it' };
      }
      // Only clientId is required: a missing key is reported by the object, in its own words.
      if (issue.type === 'strict_object') return { key, message: `is required: it ${CLIENT_ID_MESSAGE}` };
      return { key, message: issue.message };
    }),
  );
}

/** Reads and validates `config.json` beside index.html; every failure becomes a ConfigError. */
export async function loadConfig(url: string, fetchFn: typeof fetch = fetch): Promise<AppConfig> {
  let response: Response;
  try {
    // No cache option: it must match index.html's preload of the same URL, or the preload is wasted.
    // Deployments send config.json with Cache-Control: no-store (README).
    response = await fetchFn(url);
  } catch {
    throw new ConfigError(url, [{ key: '', message: 'could not be downloaded. Check that the app is served by a web server and reload.' }]);
  }
  if (!response.ok) {
    throw new ConfigError(url, [
      { key: '', message: `could not be loaded (HTTP ${response.status}). Deploy config.json beside index.html.` },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await response.text());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConfigError(url, [{ key: '', message: `is not valid JSON (${detail}). Fix the syntax and reload.` }]);
  }
  return parseConfig(raw, url);
}

export interface Endpoints {
  region: Region | undefined;
  apiBaseUrl: string;
  loginBaseUrl: string;
}

/** The hosts to talk to: the configured overrides, else the region's own API and login hosts. */
export function endpointsFor(config: AppConfig, region: Region): Endpoints {
  return {
    region,
    apiBaseUrl: config.apiBaseUrl ?? `https://api.${region.domain}`,
    loginBaseUrl: config.loginBaseUrl ?? `https://login.${region.domain}`,
  };
}
