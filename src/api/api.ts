import { createContext, useContext, useSyncExternalStore } from 'react';
import { groupQueries } from './groups.ts';
import type { HttpClient } from './http.ts';
import type { Actor } from './journalIntent.ts';
import type { RateLimitHold } from './rateLimit.ts';
import { tokenMutations, tokenQueries, type TokenInfo } from './tokens.ts';
import { userQueries, type UserMe } from './users.ts';

/**
 * The query and mutation factories of one app, bound to its HttpClient. Keys live beside them
 * (`userKeys`, `tokenKeys`, `groupKeys`) for invalidation from anywhere.
 */
export function createApi(http: HttpClient) {
  return {
    http,
    tokens: tokenQueries(http),
    users: userQueries(http),
    groups: groupQueries(http),
    mutations: tokenMutations(http),
  };
}

export type Api = ReturnType<typeof createApi>;

export const ApiContext = createContext<Api | undefined>(undefined);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs the app instance (ApiContext) above it');
  return api;
}

/** The rate-limit hold under way, if any, kept current. */
export function useRateLimitHold(): RateLimitHold | undefined {
  const { gate } = useApi().http;
  return useSyncExternalStore(gate.subscribe, gate.snapshot);
}

/** Who acts, from what Genesys said about the caller and their token. */
export function actorOf(me: UserMe | undefined, token: TokenInfo | undefined): Actor {
  const org = token?.organization?.id ? token.organization : me?.organization;
  return {
    id: me?.id,
    name: me?.name,
    email: me?.email,
    organization: org?.id ? { id: org.id, name: org.name } : undefined,
  };
}
