import { queryOptions } from '@tanstack/react-query';
import { request } from './http.ts';

export interface Group {
  id: string;
  name?: string;
  description?: string;
  memberCount?: number;
  state?: string;
  selfUri?: string;
}

export interface GroupSearchResults {
  total: number;
  pageCount?: number;
  pageSize?: number;
  pageNumber?: number;
  /** Left out by Genesys when nothing matched. */
  results?: Group[];
}

export interface GroupSearch {
  /** Part of a group's name. */
  text: string;
  pageSize: number;
}

/** Groups whose name contains the text (needs directory:group:view). */
export function searchGroups(search: GroupSearch, signal?: AbortSignal): Promise<GroupSearchResults> {
  return request<GroupSearchResults>('/api/v2/groups/search', {
    method: 'POST',
    body: {
      pageSize: search.pageSize,
      pageNumber: 1,
      query: [{ type: 'CONTAINS', fields: ['name'], value: search.text.trim() }],
    },
    signal,
  });
}

export function getGroup(groupId: string, signal?: AbortSignal): Promise<Group> {
  return request<Group>(`/api/v2/groups/${encodeURIComponent(groupId)}`, { signal });
}

export const groupQueries = {
  all: () => ['groups'] as const,
  search: (search: GroupSearch) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'search', search] as const,
      queryFn: ({ signal }) => searchGroups(search, signal),
    }),
  /** A group's name and member count change rarely; one read per page visit is enough. */
  detail: (groupId: string) =>
    queryOptions({
      queryKey: [...groupQueries.all(), 'detail', groupId] as const,
      queryFn: ({ signal }) => getGroup(groupId, signal),
      staleTime: 5 * 60_000,
    }),
};
