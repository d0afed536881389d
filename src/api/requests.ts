/**
 * The reads every first visit starts with, as path and query. The app's calls and the boot
 * script (src/boot/) both build their URLs from these: an early answer is adopted only when its
 * URL is the very one the app asks for.
 */
export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export interface ReadRequest {
  path: string;
  query?: Query;
}

/** Everything the user pages show; `dateLastLogin` and `lasttokenissued` are only sent when expanded. */
export const USER_DETAIL_EXPAND = ['groups', 'dateLastLogin', 'lasttokenissued'] as const;

export const reads = {
  /** `preserveIdleTTL=false` only for a read the admin asked for: see `readTokenInfoAsActivity`. */
  tokenInfo: (preserveIdleTTL: boolean): ReadRequest => ({ path: '/api/v2/tokens/me', query: { preserveIdleTTL } }),
  me: (): ReadRequest => ({ path: '/api/v2/users/me', query: { expand: 'authorization' } }),
  user: (userId: string): ReadRequest => ({ path: `/api/v2/users/${encodeURIComponent(userId)}`, query: { expand: USER_DETAIL_EXPAND.join(',') } }),
  idleTimeout: (): ReadRequest => ({ path: '/api/v2/tokens/timeout' }),
};

export function buildUrl(baseUrl: string, path: string, query: Query | undefined): string {
  const url = new URL(`${baseUrl}${path}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value as readonly (string | number)[]) url.searchParams.append(key, String(item));
    else url.searchParams.set(key, String(value));
  }
  return url.toString();
}
