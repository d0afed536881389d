import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import type { HttpClient } from './http.ts';
import { userMeSchema, userSchema, type User, type UserMe } from './models.ts';
import { reads } from './requests.ts';

/** Genesys' User, as checked at the boundary: api/models.ts. */
export { userSchema };

export type { User, UserMe } from './models.ts';

export type UserState = 'active' | 'inactive' | 'deleted';

const userSearchSchema = v.looseObject({
  total: v.number(),
  pageCount: v.number(),
  pageSize: v.number(),
  pageNumber: v.number(),
  /** Left out by Genesys when nothing matched. */
  results: v.optional(v.array(userSchema)),
});

export type UserSearchResults = v.InferOutput<typeof userSearchSchema>;

/** `GET /api/v2/users?id=…` and group members: a page of entities. */
export const userListSchema = v.looseObject({
  entities: v.optional(v.array(userSchema)),
  pageSize: v.optional(v.number()),
  pageNumber: v.optional(v.number()),
  total: v.optional(v.number()),
  pageCount: v.optional(v.number()),
});

export type UserList = v.InferOutput<typeof userListSchema>;


export interface UserSearch {
  /** Words of a name or an email address, or part of one. */
  text: string;
  page: number;
  pageSize: number;
  /** 'email': the whole text within the email address; 'exact-email': that address only; by default each word in the name or email. */
  by?: 'email' | 'exact-email';
}

/** Genesys takes at most this many ids in one `GET /api/v2/users?id=`. */
export const USERS_BY_ID_BATCH = 100;

/**
 * Name or email search, best match first: each word must appear (CONTAINS, so part of a name
 * matches), in the name or the email address.
 */
export function searchUsers(http: HttpClient, search: UserSearch, signal?: AbortSignal): Promise<UserSearchResults> {
  const words = search.by ? [search.text.trim()] : search.text.trim().split(/\s+/).filter(Boolean);
  const fields = search.by ? ['email'] : ['name', 'email'];
  const type = search.by === 'exact-email' ? 'EXACT' : 'CONTAINS';
  return http.request('/api/v2/users/search', {
    method: 'POST',
    read: true,
    body: {
      pageSize: search.pageSize,
      pageNumber: search.page,
      sortOrder: 'SCORE',
      expand: ['dateLastLogin'],
      query: words.map((value) => ({ type, fields, value })),
    },
    signal,
    schema: userSearchSchema,
  });
}

export function getUser(http: HttpClient, userId: string, signal?: AbortSignal): Promise<User> {
  const { path, query } = reads.user(userId);
  return http.request(path, { query, signal, schema: userSchema });
}

/** Up to USERS_BY_ID_BATCH users by id in one call; ids Genesys does not know are simply absent. */
export function getUsersById(http: HttpClient, ids: readonly string[], options: { signal?: AbortSignal; onRateLimit?: 'wait' | 'return' } = {}) {
  return http.send('/api/v2/users', {
    query: { id: ids, pageSize: ids.length },
    signal: options.signal,
    onRateLimit: options.onRateLimit,
    schema: userListSchema,
  });
}

export function getMe(http: HttpClient, signal?: AbortSignal): Promise<UserMe> {
  const { path, query } = reads.me();
  return http.request(path, { query, signal, schema: userMeSchema });
}

/** Keys without a client: invalidation from anywhere reaches every user query. */
export const userKeys = {
  all: ['users'] as const,
  me: () => [...userKeys.all, 'me'] as const,
  search: (search: UserSearch) => [...userKeys.all, 'search', search] as const,
  detail: (userId: string) => [...userKeys.all, 'detail', userId] as const,
};

export function userQueries(http: HttpClient) {
  return {
    me: () =>
      queryOptions({
        queryKey: userKeys.me(),
        queryFn: ({ signal }) => getMe(http, signal),
        staleTime: Infinity,
      }),
    search: (search: UserSearch) =>
      queryOptions({
        queryKey: userKeys.search(search),
        queryFn: ({ signal }) => searchUsers(http, search, signal),
      }),
    detail: (userId: string) =>
      queryOptions({
        queryKey: userKeys.detail(userId),
        queryFn: ({ signal }) => getUser(http, userId, signal),
      }),
  };
}
