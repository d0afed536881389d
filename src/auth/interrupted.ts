import type { JournalAction, JournalTarget } from '../api/journalIntent.ts';

/**
 * A change the admin confirmed that the session's end cut short (Genesys answered 401, so it was
 * not carried out). Kept in this tab across the sign-in round trip, so the page can offer it
 * again afterwards; it is never sent again by itself.
 */
export interface InterruptedChange {
  action: JournalAction;
  summary: string;
  target?: JournalTarget | undefined;
  /** Epoch ms. */
  at: number;
}

const KEY = 'token-admin:interrupted';
/** Older than this, it is stale news. */
const KEEP_MS = 24 * 60 * 60_000;

export function readInterrupted(storage: Storage = sessionStorage): InterruptedChange[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return (parsed as InterruptedChange[]).filter((change) => typeof change.action === 'string' && Date.now() - change.at < KEEP_MS);
  } catch {
    return [];
  }
}

export function recordInterrupted(change: InterruptedChange, storage: Storage = sessionStorage): void {
  const others = readInterrupted(storage).filter((known) => !(known.action === change.action && known.target?.id === change.target?.id));
  storage.setItem(KEY, JSON.stringify([...others, change]));
}

/** Forgets what matches: offered and done, or dismissed. */
export function forgetInterrupted(action: JournalAction, targetId?: string, storage: Storage = sessionStorage): void {
  const rest = readInterrupted(storage).filter((known) => !(known.action === action && known.target?.id === targetId));
  if (rest.length === 0) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(rest));
}
