import { useQueries } from '@tanstack/react-query';
import { useApi } from '../../api/api.ts';
import type { Group } from '../../api/groups.ts';

/**
 * The groups with these ids, looked up once each (GET /api/v2/groups/{id}); an id whose
 * lookup has not answered yet (or failed, which the page says) is named by the id itself.
 */
export function useGroups(ids: readonly string[], known: readonly { id: string; name?: string | undefined }[] = []) {
  const api = useApi();
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({ ...api.groups.detail(id), enabled: !known.some((g) => g.id === id && g.name) })),
  });
  const byId = new Map<string, Group>();
  for (const group of known) if (group.name) byId.set(group.id, { id: group.id, name: group.name });
  results.forEach((result) => {
    if (result.data) byId.set(result.data.id, result.data);
  });
  const failures = results.filter((result) => result.isError);
  return {
    byId,
    nameOf: (id: string) => byId.get(id)?.name ?? id,
    /** Lookups that failed for good, the first one's error, and a way to ask for them again. */
    failedCount: failures.length,
    error: failures[0]?.error ?? undefined,
    retry: () => {
      for (const failure of failures) void failure.refetch();
    },
    retrying: failures.some((failure) => failure.isFetching),
  };
}
