import { queryOptions } from '@tanstack/react-query';
import * as v from 'valibot';
import type { HttpClient } from './http.ts';
import { userListSchema } from './users.ts';

const groupSchema = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  memberCount: v.optional(v.number()),
  state: v.optional(v.string()),
  selfUri: v.optional(v.string()),
});

export type Group = v.InferOutput<typeof groupSchema>;

const groupSearchSchema = v.looseObject({
  total: v.number(),
  pageCount: v.optional(v.number()),
  pageSize: v.optional(v.number()),
  pageNumber: v.optional(v.number()),
  /** Left out by Genesys when nothing matched. */
  results: v.optional(v.array(groupSchema)),
});

export type GroupSearchResults = v.InferOutput<typeof groupSearchSchema>;

export interface GroupSearch {
  /** Part of a group's name. */
  text: string;
  pageSize: number;
}

/** Groups whose name contains the text (needs directory:group:view). */
export function searchGroups(http: HttpClient, search: GroupSearch, signal?: AbortSignal): Promise<GroupSearchResults> {
  return http.request('/api/v2/groups/search', {
    method: 'POST',
    read: true,
    body: {
      pageSize: search.pageSize,
      pageNumber: 1,
      query: [{ type: 'CONTAINS', fields: ['name'], value: search.text.trim() }],
    },
    signal,
    schema: groupSearchSchema,
  });
}

export function getGroup(http: HttpClient, groupId: string, signal?: AbortSignal): Promise<Group> {
  return http.request(`/api/v2/groups/${encodeURIComponent(groupId)}`, { signal, schema: groupSchema });
}

/** Genesys' largest page of group members. */
export const GROUP_MEMBERS_PAGE_SIZE = 100;

/** One page of a group's members. */
export function getGroupMembers(http: HttpClient, groupId: string, pageNumber: number, options: { signal?: AbortSignal; onRateLimit?: 'wait' | 'return' } = {}) {
  return http.send(`/api/v2/groups/${encodeURIComponent(groupId)}/members`, {
    query: { pageSize: GROUP_MEMBERS_PAGE_SIZE, pageNumber },
    signal: options.signal,
    onRateLimit: options.onRateLimit,
    schema: userListSchema,
  });
}

export const groupKeys = {
  all: ['groups'] as const,
  search: (search: GroupSearch) => [...groupKeys.all, 'search', search] as const,
  detail: (groupId: string) => [...groupKeys.all, 'detail', groupId] as const,
};

export function groupQueries(http: HttpClient) {
  return {
    search: (search: GroupSearch) =>
      queryOptions({
        queryKey: groupKeys.search(search),
        queryFn: ({ signal }) => searchGroups(http, search, signal),
      }),
    /** A group's name and member count change rarely; one read per page visit is enough. */
    detail: (groupId: string) =>
      queryOptions({
        queryKey: groupKeys.detail(groupId),
        queryFn: ({ signal }) => getGroup(http, groupId, signal),
        staleTime: 5 * 60_000,
      }),
  };
}
