/**
 * The journal of what this dashboard changed, kept in this browser's IndexedDB, one record per
 * entry, per organisation. It survives reloads and sign-outs; it holds no token. It is not the
 * organisation's audit log: only what was done from this browser.
 */

export type JournalAction = 'revoke-user-tokens' | 'change-idle-timeout' | 'sign-out' | 'bulk-revoke';
export type JournalResult = 'success' | 'failure';

export interface JournalActor {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  organization?: { id: string; name?: string | undefined } | undefined;
}

export interface JournalTarget {
  id?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

/** A bulk run's entry: one per run, with its counts, not one per user. */
export interface JournalRun {
  id: string;
  reason?: string | undefined;
  revoked: number;
  failed: number;
  notConfirmed: number;
  skipped: number;
}

export interface JournalEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  actor: { id?: string | undefined; name?: string | undefined; email?: string | undefined };
  /** Empty id when Genesys had not said which organisation the token works in. */
  organization: { id: string; name?: string | undefined };
  action: JournalAction;
  /** One line in the admin's words: "Revoked all tokens of Ari Agent". */
  summary: string;
  target?: JournalTarget | undefined;
  run?: JournalRun | undefined;
  result: JournalResult;
  /** Genesys' message when it failed. */
  error?: string | undefined;
  correlationId?: string | undefined;
}

/** What a caller hands the journal: who did what, and how it went. */
export interface NewJournalEntry {
  actor: JournalActor;
  action: JournalAction;
  summary: string;
  target?: JournalTarget | undefined;
  run?: JournalRun | undefined;
  result: JournalResult;
  error?: string | undefined;
  correlationId?: string | undefined;
  /** Epoch ms; now by default. */
  at?: number;
}

export type ResultFilter = 'all' | JournalResult;

export interface JournalFilter {
  /** Every word must appear in one of the fields a person would search by. */
  text?: string;
  result?: ResultFilter;
}

/** Where the next page starts: the last entry of the page before it. */
export interface JournalCursor {
  at: string;
  id: string;
}

export interface JournalPage {
  entries: JournalEntry[];
  /** Absent when there is nothing older. */
  next?: JournalCursor | undefined;
}

/** Entries whose words contain every word of `text`, with the chosen result. */
export function matchesFilter(entry: JournalEntry, filter: JournalFilter): boolean {
  if (filter.result && filter.result !== 'all' && entry.result !== filter.result) return false;
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    entry.summary,
    entry.action,
    entry.target?.name,
    entry.target?.email,
    entry.target?.id,
    entry.actor.name,
    entry.actor.email,
    entry.correlationId,
    entry.error,
    entry.run?.reason,
    entry.run?.id,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
