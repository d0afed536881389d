import { queryOptions } from '@tanstack/react-query';
import { request } from './http.ts';

export type UserState = 'active' | 'inactive' | 'deleted';

export interface User {
  id: string;
  name?: string;
  email?: string;
  username?: string;
  state?: UserState;
  title?: string;
  department?: string;
  division?: { id?: string; name?: string; selfUri?: string };
  images?: { resolution?: string; imageUri?: string }[];
  version?: number;
  dateLastLogin?: string;
  lastTokenIssued?: { dateIssued?: string };
  /** With expand=groups; whether entries carry `name` is unconfirmed: look names up when absent. */
  groups?: { id: string; name?: string; selfUri?: string }[];
  selfUri?: string;
}

export interface UserSearchResults {
  total: number;
  pageCount: number;
  pageSize: number;
  pageNumber: number;
  /** Left out by Genesys when nothing matched. */
  results?: User[];
}

export interface UserSearch {
  /** Words of a name or an email address, or part of one. */
  text: string;
  page: number;
  pageSize: number;
  /** 'email': the whole text within the email address; by default each word in the name or email. */
  by?: 'email';
}

/** Everything the user pages show; `dateLastLogin` and `lasttokenissued` are only sent when expanded. */
export const USER_DETAIL_EXPAND = ['groups', 'dateLastLogin', 'lasttokenissued'] as const;

/**
 * Name or email search, best match first: each word must appear (CONTAINS, so part of a name
 * matches), in the name or the email address.
 */
export function searchUsers(search: UserSearch, signal?: AbortSignal): Promise<UserSearchResults> {
  const words = search.by === 'email' ? [search.text.trim()] : search.text.trim().split(/\s+/).filter(Boolean);
  const fields = search.by === 'email' ? ['email'] : ['name', 'email'];
  return request<UserSearchResults>('/api/v2/users/search', {
    method: 'POST',
    body: {
      pageSize: search.pageSize,
      pageNumber: search.page,
      sortOrder: 'SCORE',
      expand: ['dateLastLogin'],
      query: words.map((value) => ({ type: 'CONTAINS', fields, value })),
    },
    signal,
  });
}

export function getUser(userId: string, signal?: AbortSignal): Promise<User> {
  return request<User>(`/api/v2/users/${encodeURIComponent(userId)}`, { query: { expand: USER_DETAIL_EXPAND.join(',') }, signal });
}

export interface UserMe extends User {
  authorization?: { permissions?: string[] };
  organization?: { id?: string; name?: string };
}

export function getMe(signal?: AbortSignal): Promise<UserMe> {
  return request<UserMe>('/api/v2/users/me', { query: { expand: 'authorization' }, signal });
}

export const userQueries = {
  all: () => ['users'] as const,
  me: () =>
    queryOptions({
      queryKey: [...userQueries.all(), 'me'] as const,
      queryFn: ({ signal }) => getMe(signal),
      staleTime: Infinity,
    }),
  search: (search: UserSearch) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'search', search] as const,
      queryFn: ({ signal }) => searchUsers(search, signal),
    }),
  detail: (userId: string) =>
    queryOptions({
      queryKey: [...userQueries.all(), 'detail', userId] as const,
      queryFn: ({ signal }) => getUser(userId, signal),
    }),
};
