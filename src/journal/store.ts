import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { matchesFilter, type JournalCursor, type JournalEntry, type JournalFilter, type JournalPage } from './types.ts';

/** The IndexedDB side of the journal: loaded with the first change or the first Activity visit. */

export const JOURNAL_DB = 'token-admin-journal';
/** Version 1 was idb-keyval's: one array of entries per organisation under `org:{id}`. */
const VERSION = 2;
/** Oldest entries go first past this many per organisation, so the store cannot grow without end. */
export const JOURNAL_LIMIT = 100_000;
/** A filtered page reads at most this many entries before it returns what it found. */
const SCAN_PER_PAGE = 5_000;
const LOW = '';
const HIGH = '\uffff';

interface StoredEntry extends JournalEntry {
  orgId: string;
  targetId: string;
}

interface JournalSchema extends DBSchema {
  records: {
    key: string;
    value: StoredEntry;
    indexes: { 'by-org-time': [string, string, string]; 'by-org-target': [string, string, string, string] };
  };
}

export type JournalDatabase = IDBPDatabase<JournalSchema>;

function stored(entry: JournalEntry): StoredEntry {
  return { ...entry, orgId: entry.organization.id, targetId: entry.target?.id ?? '' };
}

/** The entry as callers know it, without the index fields. */
function plain(record: StoredEntry): JournalEntry {
  const entry: Partial<StoredEntry> = { ...record };
  delete entry.orgId;
  delete entry.targetId;
  return entry as JournalEntry;
}

/** The first version's object store: one array of entries per organisation, keyed `org:{id}`. */
const LEGACY_STORE = 'entries';

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<JournalEntry>;
  return typeof entry.id === 'string' && typeof entry.at === 'string' && typeof entry.organization?.id === 'string';
}

export function openJournal(name = JOURNAL_DB): Promise<JournalDatabase> {
  return openDB<JournalSchema>(name, VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      const records = db.createObjectStore('records', { keyPath: 'id' });
      records.createIndex('by-org-time', ['orgId', 'at', 'id']);
      records.createIndex('by-org-target', ['orgId', 'targetId', 'at', 'id']);
      const legacyDb = db as unknown as IDBPDatabase;
      if (oldVersion !== 1 || !legacyDb.objectStoreNames.contains(LEGACY_STORE)) return;
      // Entries stored by the first version stay readable: moved over, one record each, inside
      // this upgrade, so a tab never sees half of them.
      const legacy = (transaction as unknown as { objectStore(name: string): { getAll(): Promise<unknown[]> } }).objectStore(LEGACY_STORE);
      void legacy.getAll().then(async (lists) => {
        for (const entry of lists.flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))) {
          if (isEntry(entry)) await records.put(stored(entry));
        }
        legacyDb.deleteObjectStore(LEGACY_STORE);
      });
    },
  });
}

export async function addEntry(db: JournalDatabase, entry: JournalEntry): Promise<void> {
  await db.put('records', stored(entry));
}

/** Drops the oldest entries of an organisation over the limit. */
export async function prune(db: JournalDatabase, orgId: string, limit = JOURNAL_LIMIT): Promise<number> {
  const range = IDBKeyRange.bound([orgId, LOW, LOW], [orgId, HIGH, HIGH]);
  const over = (await db.countFromIndex('records', 'by-org-time', range)) - limit;
  if (over <= 0) return 0;
  const tx = db.transaction('records', 'readwrite');
  let cursor = await tx.store.index('by-org-time').openCursor(range, 'next');
  let dropped = 0;
  while (cursor && dropped < over) {
    await cursor.delete();
    dropped += 1;
    cursor = await cursor.continue();
  }
  await tx.done;
  return dropped;
}

/** One page of an organisation's entries, newest first, starting after `before`. */
export async function pageOf(db: JournalDatabase, orgId: string, limit: number, before?: JournalCursor, filter: JournalFilter = {}): Promise<JournalPage> {
  const upper: [string, string, string] = before ? [orgId, before.at, before.id] : [orgId, HIGH, HIGH];
  const range = IDBKeyRange.bound([orgId, LOW, LOW], upper, false, before !== undefined);
  const entries: JournalEntry[] = [];
  let scanned = 0;
  let last: StoredEntry | undefined;
  let cursor = await db.transaction('records').store.index('by-org-time').openCursor(range, 'prev');
  while (cursor) {
    last = cursor.value;
    scanned += 1;
    const entry = plain(cursor.value);
    if (matchesFilter(entry, filter)) entries.push(entry);
    if (entries.length >= limit || scanned >= SCAN_PER_PAGE) {
      const more = await cursor.continue();
      return { entries, next: more ? { at: last.at, id: last.id } : undefined };
    }
    cursor = await cursor.continue();
  }
  return { entries };
}

export async function countOf(db: JournalDatabase, orgId: string): Promise<number> {
  return db.countFromIndex('records', 'by-org-time', IDBKeyRange.bound([orgId, LOW, LOW], [orgId, HIGH, HIGH]));
}

/** The newest entries about one user, newest first. */
export async function entriesFor(db: JournalDatabase, orgId: string, targetId: string, limit: number): Promise<JournalEntry[]> {
  const range = IDBKeyRange.bound([orgId, targetId, LOW, LOW], [orgId, targetId, HIGH, HIGH]);
  const found: JournalEntry[] = [];
  let cursor = await db.transaction('records').store.index('by-org-target').openCursor(range, 'prev');
  while (cursor && found.length < limit) {
    found.push(plain(cursor.value));
    cursor = await cursor.continue();
  }
  return found;
}

export async function clearOrg(db: JournalDatabase, orgId: string): Promise<void> {
  const tx = db.transaction('records', 'readwrite');
  let cursor = await tx.store.index('by-org-time').openCursor(IDBKeyRange.bound([orgId, LOW, LOW], [orgId, HIGH, HIGH]));
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Every entry of an organisation matching the filter, newest first, read page by page (for exports). */
export async function allOf(db: JournalDatabase, orgId: string, filter: JournalFilter): Promise<JournalEntry[]> {
  const all: JournalEntry[] = [];
  let next: JournalCursor | undefined;
  do {
    const page = await pageOf(db, orgId, 1_000, next, filter);
    all.push(...page.entries);
    next = page.next;
  } while (next);
  return all;
}
