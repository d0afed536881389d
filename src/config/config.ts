import * as v from 'valibot';
import { findRegion, type Region } from './regions.ts';

// Valibot, not zod: this is checked on the first load of every page, and for these few keys
// it weighs under 2 KB against zod/mini's 6.5 KB (gzip, measured in the build).
const URL_MESSAGE = 'must be a full http(s) URL, for example https://api.mypurecloud.ie';
const CLIENT_ID_MESSAGE = 'must be the OAuth client id from Genesys Cloud Admin > OAuth (a UUID such as 5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13)';
const httpUrl = v.pipe(
  v.string(URL_MESSAGE),
  v.url(URL_MESSAGE),
  v.regex(/^https?:\/\//i, URL_MESSAGE),
  v.transform((value) => value.replace(/\/+$/, '')),
);

export const configSchema = v.strictObject({
  clientId: v.pipe(
    v.string(CLIENT_ID_MESSAGE),
    v.uuid(CLIENT_ID_MESSAGE),
  ),
  environment: v.optional(
    v.pipe(
      v.string('must be a Genesys Cloud region domain such as mypurecloud.ie'),
      v.check(
        (value) => findRegion(value) !== undefined,
        'is not a known Genesys Cloud region; use a domain such as mypurecloud.com, mypurecloud.ie or usw2.pure.cloud, or remove it to let users pick one.',
      ),
    ),
  ),
  oauthFlow: v.optional(v.picklist(['pkce', 'implicit'], 'must be "pkce" or "implicit"'), 'pkce'),
  apiBaseUrl: v.optional(httpUrl),
  loginBaseUrl: v.optional(httpUrl),
  redirectPath: v.optional(
    v.pipe(
      v.string('must be a path starting with a single "/", without query or hash, such as /auth/callback'),
      v.regex(/^\/(?!\/)[^\s?#]*$/, 'must be a path starting with a single "/", without query or hash, such as /auth/callback'),
    ),
    '/auth/callback',
  ),
  signOutOfGenesys: v.optional(v.boolean('must be true or false'), false),
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
