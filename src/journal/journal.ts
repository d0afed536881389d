import type { JournalDatabase } from './store.ts';
import type { JournalCursor, JournalEntry, JournalFilter, JournalPage, NewJournalEntry } from './types.ts';


/** Tabs of this browser tell each other of new entries on this channel. */
const CHANNEL = 'token-admin-journal';
/** Pruning counts the organisation's entries: done once every this many records. */
const PRUNE_EVERY = 200;

export interface JournalOptions {
  /** The IndexedDB database (tests give each journal its own). */
  databaseName?: string;
  /** The BroadcastChannel tabs share (tests give each journal its own). */
  channelName?: string;
  now?: () => number;
}

/**
 * The record of changes made from this browser: a plain service any code can call (a mutation,
 * a bulk run), given its actor. A failed write is thrown to the caller, never dropped quietly;
 * other tabs hear of every new entry at once. The IndexedDB code loads with the first use.
 */
export class Journal {
  private db: Promise<JournalDatabase> | undefined;
  private readonly listeners = new Set<(orgId: string) => void>();
  private readonly channel: BroadcastChannel | undefined;
  private writes = 0;

  constructor(private readonly options: JournalOptions = {}) {
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(options.channelName ?? CHANNEL);
    // Node (tests) would otherwise stay up for an open channel; browsers have no unref.
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
    this.channel?.addEventListener('message', (event: MessageEvent) => {
      const orgId = (event.data as { orgId?: unknown } | null)?.orgId;
      if (typeof orgId === 'string') this.changed(orgId);
    });
  }

  private async store() {
    const store = await import('./store.ts');
    this.db ??= store.openJournal(this.options.databaseName);
    return { store, db: await this.db };
  }

  /** Records one change; resolves once it is stored. */
  async record(entry: NewJournalEntry): Promise<JournalEntry> {
    const { store, db } = await this.store();
    const { actor, at, ...rest } = entry;
    const saved: JournalEntry = {
      ...rest,
      id: crypto.randomUUID(),
      at: new Date(at ?? this.options.now?.() ?? Date.now()).toISOString(),
      actor: { id: actor.id, name: actor.name, email: actor.email },
      organization: { id: actor.organization?.id ?? '', name: actor.organization?.name },
    };
    await store.addEntry(db, saved);
    this.writes += 1;
    if (this.writes % PRUNE_EVERY === 0) await store.prune(db, saved.organization.id);
    this.announce(saved.organization.id);
    return saved;
  }

  /** A page of an organisation's entries, newest first. */
  async page(orgId: string, options: { limit: number; before?: JournalCursor | undefined; filter?: JournalFilter }): Promise<JournalPage> {
    const { store, db } = await this.store();
    return store.pageOf(db, orgId, options.limit, options.before, options.filter);
  }

  /** Every entry that matches, for an export. */
  async all(orgId: string, filter: JournalFilter = {}): Promise<JournalEntry[]> {
    const { store, db } = await this.store();
    return store.allOf(db, orgId, filter);
  }

  async count(orgId: string): Promise<number> {
    const { store, db } = await this.store();
    return store.countOf(db, orgId);
  }

  /** What this browser did about one user, newest first. */
  async about(orgId: string, targetId: string, limit = 50): Promise<JournalEntry[]> {
    const { store, db } = await this.store();
    return store.entriesFor(db, orgId, targetId, limit);
  }

  async clear(orgId: string): Promise<void> {
    const { store, db } = await this.store();
    await store.clearOrg(db, orgId);
    this.announce(orgId);
  }

  /** Hears of changes to any organisation's entries, in this tab or another. */
  subscribe(listener: (orgId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    void this.db?.then((db) => db.close());
  }

  private announce(orgId: string) {
    this.changed(orgId);
    this.channel?.postMessage({ orgId });
  }

  private changed(orgId: string) {
    for (const listener of this.listeners) listener(orgId);
  }
}
