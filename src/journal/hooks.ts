import { infiniteQueryOptions, mutationOptions, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect } from 'react';
import type { Journal } from './journal.ts';
import type { JournalCursor, JournalFilter } from './types.ts';

export const JournalContext = createContext<Journal | undefined>(undefined);

export function useJournal(): Journal {
  const journal = useContext(JournalContext);
  if (!journal) throw new Error('useJournal() needs the app instance (JournalContext) above it');
  return journal;
}

/** Local reads, not Genesys calls: refreshed whenever the journal changes, in this tab or another. */
export const journalKeys = {
  all: ['journal'] as const,
  org: (orgId: string) => [...journalKeys.all, orgId] as const,
};

export const JOURNAL_PAGE_SIZE = 50;

export function journalQueries(journal: Journal) {
  return {
    pages: (orgId: string, filter: JournalFilter) =>
      infiniteQueryOptions({
        queryKey: [...journalKeys.org(orgId), 'pages', filter] as const,
        queryFn: ({ pageParam }) => journal.page(orgId, { limit: JOURNAL_PAGE_SIZE, before: pageParam, filter }),
        initialPageParam: undefined as JournalCursor | undefined,
        getNextPageParam: (last) => last.next,
        staleTime: Infinity,
      }),
    count: (orgId: string) =>
      queryOptions({ queryKey: [...journalKeys.org(orgId), 'count'] as const, queryFn: () => journal.count(orgId), staleTime: Infinity }),
    about: (orgId: string, targetId: string) =>
      queryOptions({
        queryKey: [...journalKeys.org(orgId), 'about', targetId] as const,
        queryFn: () => journal.about(orgId, targetId),
        staleTime: Infinity,
      }),
  };
}

export function journalMutations(journal: Journal) {
  return {
    clear: (orgId: string) => mutationOptions({ mutationKey: ['journal', 'clear', orgId], mutationFn: () => journal.clear(orgId) }),
  };
}

/** Mounted once: a new entry from this tab or another refreshes what shows that organisation's journal. */
export function useJournalRefresh(journal: Journal): void {
  const queryClient = useQueryClient();
  useEffect(() => journal.subscribe((orgId) => void queryClient.invalidateQueries({ queryKey: journalKeys.org(orgId) })), [journal, queryClient]);
}

/** What this browser did about one user. */
export function useJournalAbout(orgId: string | undefined, targetId: string) {
  const journal = useJournal();
  return useQuery({ ...journalQueries(journal).about(orgId ?? '', targetId), enabled: orgId !== undefined });
}
