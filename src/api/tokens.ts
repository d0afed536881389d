import { mutationOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { isUnauthorized, type CallOptions, type HttpClient } from './http.ts';
import type { Actor, JournalTarget } from './journalIntent.ts';
import { idleTimeoutSchema, tokenInfoSchema, type IdleTokenTimeout, type TokenInfo } from './models.ts';
import { reads } from './requests.ts';
import { userKeys } from './users.ts';

export type { Entity, GrantType, IdleTimeoutGroupBundle, IdleTokenTimeout, OrgOAuthClient, TimeoutUnit, TokenInfo } from './models.ts';

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
 * for (opening a page, pressing Try again) may send false: see `readTokenInfoAsActivity`.
 */
export function getTokenInfo(http: HttpClient, preserveIdleTTL: boolean, signal?: AbortSignal): Promise<TokenInfo> {
  const { path, query } = reads.tokenInfo(preserveIdleTTL);
  return http.request(path, { query, signal, schema: tokenInfoSchema });
}

/** HEAD tokens/me: any 2xx is valid and a 401 is an answer ("not valid"), not a failure. */
export async function verifyToken(http: HttpClient, signal?: AbortSignal): Promise<TokenCheck> {
  try {
    await http.request('/api/v2/tokens/me', { method: 'HEAD', signal });
    return { valid: true, checkedAt: Date.now() };
  } catch (error) {
    if (isUnauthorized(error)) return { valid: false, checkedAt: Date.now() };
    throw error;
  }
}

/** Genesys answers 200 or 204 with no body; either is success. A 401 means it was already dead, which is as good. */
export async function deleteMyToken(http: HttpClient, signal?: AbortSignal): Promise<{ correlationId: string | undefined }> {
  try {
    const { correlationId } = await http.send('/api/v2/tokens/me', { method: 'DELETE', signal });
    return { correlationId };
  } catch (error) {
    if (isUnauthorized(error)) return { correlationId: undefined };
    throw error;
  }
}

/** GET needs no permission (it needed directory:organization:admin until late 2024). */
export function getIdleTimeout(http: HttpClient, signal?: AbortSignal): Promise<IdleTokenTimeout> {
  return http.request(reads.idleTimeout().path, { signal, schema: idleTimeoutSchema });
}

/** PUT sends the whole object and answers with the stored one; needs directory:organization:admin. */
export async function putIdleTimeout(
  http: HttpClient,
  settings: IdleTokenTimeout,
  signal?: AbortSignal,
): Promise<{ saved: IdleTokenTimeout; correlationId: string | undefined }> {
  const { body, correlationId } = await http.send('/api/v2/tokens/timeout', { method: 'PUT', body: settings, signal, schema: idleTimeoutSchema });
  return { saved: body, correlationId };
}

/** Revokes every token of the user (needs oauth:token:delete); 200 or 204 with no body. */
export function revokeUserTokens(http: HttpClient, userId: string, options: Omit<CallOptions, 'method' | 'body' | 'schema'> = {}) {
  return http.send(`/api/v2/tokens/${encodeURIComponent(userId)}`, { ...options, method: 'DELETE' });
}

/** Polling keeps "idles at" current without touching the idle timer. */
export const TOKEN_REFETCH_INTERVAL_MS = 60_000;

export const tokenKeys = {
  all: ['tokens'] as const,
  me: () => [...tokenKeys.all, 'me'] as const,
  timeout: () => [...tokenKeys.all, 'timeout'] as const,
};

export function tokenQueries(http: HttpClient) {
  return {
    /**
     * The token as Genesys sees it. This queryFn serves every read the app makes by itself
     * (polling, focus), so it always preserves the idle timer; it is the only query that is
     * refreshed in the background at all.
     */
    me: () =>
      queryOptions({
        queryKey: tokenKeys.me(),
        queryFn: ({ signal }) => getTokenInfo(http, true, signal),
        // Every return to the tab asks (without counting as activity): a token that died
        // meanwhile is found at once, not up to a minute later.
        refetchOnWindowFocus: 'always',
        // A failed first load is not retried by a timer: the page offers Try again instead.
        refetchInterval: (query) => (query.state.data === undefined ? false : TOKEN_REFETCH_INTERVAL_MS),
      }),
    /** The organisation's idle token timeout; never refreshed in the background (it would count as activity). */
    timeout: () =>
      queryOptions({
        queryKey: tokenKeys.timeout(),
        queryFn: ({ signal }) => getIdleTimeout(http, signal),
      }),
  };
}

/**
 * A read of the token the admin asked for (the first load of a page they opened, Try again):
 * the one read that sends `preserveIdleTTL=false`, so it counts as their activity. It runs its
 * own request, even while a background read is in flight, and writes the answer (or the
 * failure) to the shared query; the shared queryFn stays the preserving one.
 */
export async function readTokenInfoAsActivity(queryClient: QueryClient, http: HttpClient): Promise<TokenInfo> {
  const shared = tokenQueries(http).me();
  // A background read under way would otherwise be joined, and it does not count.
  await queryClient.cancelQueries({ queryKey: shared.queryKey, exact: true });
  // Options as the client's defaults complete them (no retries of its own: the HttpClient retries).
  // Not given the query's signal: a page that unmounts and mounts again (a remount, StrictMode)
  // then joins this read instead of cancelling it and sending a preserving one in its place.
  const asked = queryClient.defaultQueryOptions({ ...shared, queryFn: () => getTokenInfo(http, false) });
  const query = queryClient.getQueryCache().build(queryClient, asked);
  try {
    return await query.fetch(asked, { cancelRefetch: true });
  } finally {
    // The query keeps the queryFn it last ran with for later refetches: put the preserving one back.
    query.setOptions(queryClient.defaultQueryOptions(shared));
  }
}

/** Lets the admin stop a write while it waits (a 429, a back-off); see HttpClient.send. */
export interface Cancellable {
  signal?: AbortSignal | undefined;
}

export interface RevokeTarget {
  id: string;
  name?: string | undefined;
  email?: string | undefined;
}

export function tokenMutations(http: HttpClient) {
  return {
    verify: () =>
      mutationOptions({
        mutationKey: [...tokenKeys.all, 'verify'],
        mutationFn: () => verifyToken(http),
      }),

    /** Revokes every token of one user; the user's page is refreshed before the mutation settles. */
    revokeUser: (user: RevokeTarget, actor: Actor) => {
      const self = actor.id !== undefined && actor.id === user.id;
      const target: JournalTarget = { id: user.id, name: user.name, email: user.email };
      return mutationOptions({
        mutationKey: [...tokenKeys.all, 'revoke', user.id],
        mutationFn: async ({ signal }: Cancellable) => {
          const { correlationId } = await revokeUserTokens(http, user.id, { signal });
          return { correlationId, at: Date.now() };
        },
        meta: {
          journal: {
            actor,
            action: 'revoke-user-tokens',
            summary: self ? 'Revoked all of their own tokens' : `Revoked all tokens of ${user.name ?? user.email ?? user.id}`,
            target,
          },
        },
        // A self-revocation ends the session: nothing of the page is worth refreshing.
        onSuccess: (_data, _variables, _result, { client }) => (self ? undefined : client.invalidateQueries({ queryKey: userKeys.detail(user.id) })),
      });
    },

    /** Saves the whole settings object; the cache holds what Genesys stored, and tokens/me is read again (its idle time follows the new rule). */
    saveTimeout: (actor: Actor, summary: string) =>
      mutationOptions({
        mutationKey: [...tokenKeys.all, 'timeout', 'save'],
        mutationFn: ({ settings, signal }: Cancellable & { settings: IdleTokenTimeout }) => putIdleTimeout(http, settings, signal),
        meta: { journal: { actor, action: 'change-idle-timeout', summary } },
        onSuccess: ({ saved }, _variables, _result, { client }) => {
          client.setQueryData(tokenKeys.timeout(), saved);
          return client.invalidateQueries({ queryKey: tokenKeys.me() });
        },
      }),

    /** Deletes this tab's own token at Genesys. */
    signOut: (actor: Actor) =>
      mutationOptions({
        mutationKey: [...tokenKeys.all, 'sign-out'],
        mutationFn: ({ signal }: Cancellable) => deleteMyToken(http, signal),
        meta: { journal: { actor, action: 'sign-out', summary: "Signed out: deleted this tab's own token" } },
      }),
  };
}
