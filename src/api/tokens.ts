import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { isUnauthorized, request, send } from './http.ts';

export interface Entity {
  id: string;
  name?: string;
}

export type GrantType = 'CODE' | 'TOKEN' | 'SAML2-BEARER' | 'PASSWORD' | 'CLIENT-CREDENTIALS';

export interface OrgOAuthClient {
  id?: string;
  name: string;
  authorizedGrantType: GrantType;
  dateCreated?: string;
  dateModified?: string;
  createdBy?: { id?: string; name?: string; selfUri?: string };
  modifiedBy?: { id?: string; name?: string; selfUri?: string };
  scope?: string[];
  state?: 'active' | 'disabled' | 'inactive';
  organization?: Entity;
}

export interface TokenInfo {
  organization?: Entity;
  homeOrganization?: Entity;
  authorizedScope?: string[];
  clonedUser?: { id?: string; organization?: { id?: string } };
  dateTokenIdles?: string;
  OAuthClient?: OrgOAuthClient;
}

/** The token works in an organisation other than its user's home one (a trustee, for one). */
export function actsOutsideHomeOrg(info: TokenInfo | undefined): boolean {
  const orgId = info?.organization?.id;
  const homeId = info?.homeOrganization?.id;
  return Boolean(orgId && homeId && orgId !== homeId);
}

export interface TokenCheck {
  valid: boolean;
  checkedAt: number;
}

/**
 * `preserveIdleTTL=true` keeps a read from counting as activity. Only a read the admin asked
 * for (opening a page, pressing Try again) may send false; see `readTokenInfoAsActivity`.
 */
export function getTokenInfo(preserveIdleTTL: boolean, signal?: AbortSignal): Promise<TokenInfo> {
  return request<TokenInfo>('/api/v2/tokens/me', { query: { preserveIdleTTL }, signal });
}

/** HEAD tokens/me: any 2xx is valid and a 401 is an answer ("not valid"), not a failure. */
export async function verifyToken(signal?: AbortSignal): Promise<TokenCheck> {
  try {
    await request('/api/v2/tokens/me', { method: 'HEAD', signal });
    return { valid: true, checkedAt: Date.now() };
  } catch (error) {
    if (isUnauthorized(error)) return { valid: false, checkedAt: Date.now() };
    throw error;
  }
}

/** Genesys answers 200 or 204 with no body; either is success. */
export async function deleteMyToken(): Promise<{ correlationId: string | undefined }> {
  const { correlationId } = await send('/api/v2/tokens/me', { method: 'DELETE' });
  return { correlationId };
}

export type TimeoutUnit = 'Minutes' | 'Hours';

export interface IdleTimeoutGroupBundle {
  /** 1 to 5; a user in several bundles' groups gets the lowest number. */
  priority: number;
  timeoutSeconds: number;
  inactivityTimeoutUnit?: TimeoutUnit;
  /** Group ids. */
  groups: string[];
}

/** The organisation's idle token timeout. Seconds throughout; the unit is for display only. */
export interface IdleTokenTimeout {
  idleTokenTimeoutSeconds?: number;
  enableIdleTokenTimeout?: boolean;
  inactivityTimeoutUnit?: TimeoutUnit;
  inactivityTimeoutGroupsEnabled?: boolean;
  inactivityTimeoutGroupBundles?: IdleTimeoutGroupBundle[];
}

/** GET needs no permission (it needed directory:organization:admin until late 2024). */
export function getIdleTimeout(signal?: AbortSignal): Promise<IdleTokenTimeout> {
  return request<IdleTokenTimeout>('/api/v2/tokens/timeout', { signal });
}

/** PUT sends the whole object and answers with the stored one; needs directory:organization:admin. */
export async function putIdleTimeout(settings: IdleTokenTimeout): Promise<{ saved: IdleTokenTimeout; correlationId: string | undefined }> {
  const { body, correlationId } = await send<IdleTokenTimeout>('/api/v2/tokens/timeout', { method: 'PUT', body: settings });
  return { saved: body, correlationId };
}

/** Revokes every token of the user (needs oauth:token:delete); 200 or 204 with no body. */
export async function revokeUserTokens(userId: string): Promise<{ correlationId: string | undefined }> {
  const { correlationId } = await send(`/api/v2/tokens/${encodeURIComponent(userId)}`, { method: 'DELETE' });
  return { correlationId };
}

/** Polling keeps "idles at" current without touching the idle timer. */
export const TOKEN_REFETCH_INTERVAL_MS = 60_000;

let activityReadsAsked = 0;

export const tokenQueries = {
  all: () => ['tokens'] as const,
  /**
   * The token as Genesys sees it. Its own queryFn serves every read the app makes by itself
   * (polling, focus), so it always preserves the idle timer; it is the only query that is
   * refreshed in the background at all.
   */
  me: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => {
        const asked = activityReadsAsked > 0;
        activityReadsAsked = 0;
        return getTokenInfo(!asked, signal);
      },
      refetchOnWindowFocus: true,
      // A failed first load is not retried by a timer: the page offers Try again instead.
      refetchInterval: (query) => (query.state.data === undefined ? false : TOKEN_REFETCH_INTERVAL_MS),
    }),
  /** The organisation's idle token timeout; never refreshed in the background (it would count as activity). */
  timeout: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'timeout'] as const,
      queryFn: ({ signal }) => getIdleTimeout(signal),
    }),
};

/**
 * A read of the token the admin asked for (the first load of a page they opened, Try again):
 * the one case that sends `preserveIdleTTL=false` and so counts as their activity.
 */
export async function readTokenInfoAsActivity(client: QueryClient): Promise<TokenInfo> {
  // A flag, not a queryFn of its own: a query keeps the last queryFn it ran with, and every
  // later background read would then count as activity.
  activityReadsAsked += 1;
  try {
    return await client.query({ ...tokenQueries.me(), staleTime: 0 });
  } finally {
    activityReadsAsked = 0;
  }
}

export const tokenMutations = {
  verify: () =>
    mutationOptions({
      mutationKey: [...tokenQueries.all(), 'verify'],
      mutationFn: () => verifyToken(),
    }),
};
