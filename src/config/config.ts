import * as z from 'zod/mini';
import { findRegion, type Region } from './regions.ts';

// zod/mini: the same checks in a fraction of full zod's size, on the first load of every page.
const httpUrl = z.pipe(
  z.url({ protocol: /^https?$/, error: 'must be a full http(s) URL, for example https://api.mypurecloud.ie' }),
  z.transform((value: string) => value.replace(/\/+$/, '')),
);

export const configSchema = z.strictObject({
  clientId: z.uuid({
    error: 'must be the OAuth client id from Genesys Cloud Admin > OAuth (a UUID such as 5a3f8c2e-9d1b-4e6a-8f7c-2b4d6e8a0c13)',
  }),
  environment: z.optional(
    z.string({ error: 'must be a Genesys Cloud region domain such as mypurecloud.ie' }).check(
      z.refine((value) => findRegion(value) !== undefined, {
        error: 'is not a known Genesys Cloud region; use a domain such as mypurecloud.com, mypurecloud.ie or usw2.pure.cloud, or remove it to let users pick one.',
      }),
    ),
  ),
  oauthFlow: z._default(z.enum(['pkce', 'implicit'], { error: 'must be "pkce" or "implicit"' }), 'pkce'),
  apiBaseUrl: z.optional(httpUrl),
  loginBaseUrl: z.optional(httpUrl),
  redirectPath: z._default(
    z.string().check(z.regex(/^\/(?!\/)[^\s?#]*$/, { error: 'must be a path starting with a single "/", without query or hash, such as /auth/callback' })),
    '/auth/callback',
  ),
  signOutOfGenesys: z._default(z.boolean({ error: 'must be true or false' }), false),
});

export type AppConfig = z.output<typeof configSchema>;

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
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(
    source,
    result.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return { key: issue.keys.join(', '), message: `is not a setting this app knows; check the spelling or remove it` };
      }
      if (issue.path.length === 0) {
        return { key: '', message: 'must be a JSON object with the settings described in the README' };
      }
      if (issue.code === 'invalid_type' && issue.input === undefined) {
        return { key: issue.path.join('.'), message: `is required: it ${issue.message}` };
      }
      return { key: issue.path.join('.'), message: issue.message };
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
