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
  selfUri?: string;
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
};
