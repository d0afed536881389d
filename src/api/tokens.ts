import { mutationOptions, queryOptions } from '@tanstack/react-query';
import { isUnauthorized, request } from './http.ts';

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
 * `preserveIdleTTL=true` keeps a read from counting as activity. Only the first load of the
 * page is the admin's own doing; refetches (polling, focus) must not keep the session alive.
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

export function deleteMyToken(): Promise<void> {
  return request('/api/v2/tokens/me', { method: 'DELETE' });
}

/** Polling keeps "idles at" current without touching the idle timer. */
export const TOKEN_REFETCH_INTERVAL_MS = 60_000;

export const tokenQueries = {
  all: () => ['tokens'] as const,
  me: () =>
    queryOptions({
      queryKey: [...tokenQueries.all(), 'me'] as const,
      queryFn: ({ client, queryKey, signal }) => getTokenInfo(client.getQueryData(queryKey) !== undefined, signal),
      // No polling until a load has succeeded: without data a read would count as activity.
      refetchInterval: (query) => (query.state.data === undefined ? false : TOKEN_REFETCH_INTERVAL_MS),
    }),
};

export const tokenMutations = {
  verify: () =>
    mutationOptions({
      mutationKey: [...tokenQueries.all(), 'verify'],
      mutationFn: () => verifyToken(),
    }),
};
