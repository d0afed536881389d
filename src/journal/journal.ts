import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createStore, del, get, update, type UseStore } from 'idb-keyval';
import { useEffect } from 'react';

/**
 * The journal of what this dashboard changed, kept in this browser's IndexedDB per
 * organisation. It survives reloads and sign-outs; it holds no token. It is not the
 * organisation's audit log: only what was done from this browser.
 */

export type JournalAction = 'revoke-user-tokens' | 'change-idle-timeout' | 'sign-out';
export type JournalResult = 'success' | 'failure';

export interface JournalTarget {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

export interface JournalEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  actor: { id?: string | undefined; name?: string | undefined; email?: string | undefined };
  organization: { id: string; name?: string | undefined };
  action: JournalAction;
  /** One line in the admin's words: "Revoked all tokens of Ari Agent". */
  summary: string;
  target?: JournalTarget | undefined;
  result: JournalResult;
  /** Genesys' message when it failed. */
  error?: string | undefined;
  correlationId?: string | undefined;
}

/** What a mutation declares (as `meta.journal`) so that running it is recorded. */
export interface JournalIntent {
  action: JournalAction;
  summary: string;
  target?: JournalTarget;
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { journal?: JournalIntent };
  }
}

/** Oldest entries go first past this many per organisation, so the store cannot grow without end. */
export const JOURNAL_LIMIT = 5_000;

let store: UseStore | undefined;
function journalStore(): UseStore {
  store ??= createStore('token-admin-journal', 'entries');
  return store;
}

const keyFor = (orgId: string) => `org:${orgId}`;
const listeners = new Set<() => void>();

export function subscribeJournal(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() {
  for (const listener of listeners) listener();
}

export async function addJournalEntry(entry: Omit<JournalEntry, 'id'>): Promise<JournalEntry> {
  const saved: JournalEntry = { ...entry, id: crypto.randomUUID() };
  // One read-write transaction, so two tabs recording at once cannot lose an entry.
  await update<JournalEntry[]>(keyFor(entry.organization.id), (old) => [...(old ?? []), saved].slice(-JOURNAL_LIMIT), journalStore());
  changed();
  return saved;
}

/** This organisation's entries, newest first. */
export async function listJournal(orgId: string): Promise<JournalEntry[]> {
  const entries = (await get<JournalEntry[]>(keyFor(orgId), journalStore())) ?? [];
  return [...entries].reverse();
}

export async function clearJournal(orgId: string): Promise<void> {
  await del(keyFor(orgId), journalStore());
  changed();
}

/** Local reads, not Genesys calls: refreshed whenever the journal changes in this tab. */
export const journalQueries = {
  all: () => ['journal'] as const,
  list: (orgId: string) =>
    queryOptions({
      queryKey: [...journalQueries.all(), orgId] as const,
      queryFn: () => listJournal(orgId),
      staleTime: Infinity,
    }),
};

/** This organisation's journal, newest first, kept current as entries are added or cleared. */
export function useJournal(orgId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => subscribeJournal(() => void queryClient.invalidateQueries({ queryKey: journalQueries.all() })), [queryClient]);
  return useQuery({ ...journalQueries.list(orgId ?? ''), enabled: orgId !== undefined });
}

/** The latest successful entry of `action` aimed at this target, if any. */
export function lastSuccessFor(entries: readonly JournalEntry[] | undefined, action: JournalAction, targetId: string): JournalEntry | undefined {
  return entries?.find((entry) => entry.action === action && entry.result === 'success' && entry.target?.id === targetId);
}
