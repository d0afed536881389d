import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { emptyCounts, ROW_STATES, type RowCounts, type RowState, type Run, type RunRow } from './types.ts';

/** The runs of this browser in IndexedDB: one record per run and one per row, written as the run goes. */

export const RUNS_DB = 'token-admin-runs';

interface RunsSchema extends DBSchema {
  runs: { key: string; value: Run; indexes: { 'by-org': [string, string] } };
  rows: {
    key: [string, number];
    value: RunRow;
    indexes: { 'by-state': [string, RowState, number]; 'by-user': [string, string] };
  };
  drafts: { key: string; value: { key: string; text: string; reason: string; savedAt: string } };
}

export type RunsDatabase = IDBPDatabase<RunsSchema>;

export function openRuns(name = RUNS_DB): Promise<RunsDatabase> {
  return openDB<RunsSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('runs', { keyPath: 'id' }).createIndex('by-org', ['orgId', 'createdAt']);
      const rows = db.createObjectStore('rows', { keyPath: ['runId', 'index'] });
      rows.createIndex('by-state', ['runId', 'state', 'index']);
      rows.createIndex('by-user', ['orgId', 'userId']);
      db.createObjectStore('drafts', { keyPath: 'key' });
    },
  });
}

/** A new run and all of its rows, in one transaction: a run is never half written. */
export async function createRun(db: RunsDatabase, run: Run, rows: readonly RunRow[]): Promise<void> {
  const tx = db.transaction(['runs', 'rows'], 'readwrite');
  void tx.objectStore('runs').put(run);
  const store = tx.objectStore('rows');
  for (const row of rows) void store.put(row);
  await tx.done;
}

export function getRun(db: RunsDatabase, id: string): Promise<Run | undefined> {
  return db.get('runs', id);
}

export async function updateRun(db: RunsDatabase, id: string, patch: Partial<Run>): Promise<Run | undefined> {
  const tx = db.transaction('runs', 'readwrite');
  const run = await tx.store.get(id);
  if (!run) return undefined;
  const next = { ...run, ...patch };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** An organisation's runs, newest first. */
export async function listRuns(db: RunsDatabase, orgId: string): Promise<Run[]> {
  const runs = await db.getAllFromIndex('runs', 'by-org', IDBKeyRange.bound([orgId, ''], [orgId, '\uffff']));
  return runs.reverse();
}

/** Every row of a run, in sending order. */
export function rowsOf(db: RunsDatabase, runId: string): Promise<RunRow[]> {
  return db.getAll('rows', IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER]));
}

export function putRow(db: RunsDatabase, row: RunRow): Promise<[string, number]> {
  return db.put('rows', row);
}

/** Several rows in one transaction. */
export async function putRows(db: RunsDatabase, rows: readonly RunRow[]): Promise<void> {
  const tx = db.transaction('rows', 'readwrite');
  for (const row of rows) void tx.store.put(row);
  await tx.done;
}

/** Rows in one state, in sending order. */
export function rowsIn(db: RunsDatabase, runId: string, state: RowState, limit?: number): Promise<RunRow[]> {
  return db.getAllFromIndex('rows', 'by-state', IDBKeyRange.bound([runId, state, 0], [runId, state, Number.MAX_SAFE_INTEGER]), limit);
}

export async function countsOf(db: RunsDatabase, runId: string): Promise<RowCounts> {
  const counts = emptyCounts();
  const tx = db.transaction('rows');
  const index = tx.store.index('by-state');
  await Promise.all(
    ROW_STATES.map(async (state) => {
      counts[state] = await index.count(IDBKeyRange.bound([runId, state, 0], [runId, state, Number.MAX_SAFE_INTEGER]));
    }),
  );
  return counts;
}

/** What the runs did about one user in an organisation. */
export function rowsForUser(db: RunsDatabase, orgId: string, userId: string): Promise<RunRow[]> {
  return db.getAllFromIndex('rows', 'by-user', [orgId, userId]);
}

export function getDraft(db: RunsDatabase, key: string) {
  return db.get('drafts', key);
}

export async function putDraft(db: RunsDatabase, key: string, text: string, reason: string): Promise<void> {
  if (text === '' && reason === '') await db.delete('drafts', key);
  else await db.put('drafts', { key, text, reason, savedAt: new Date().toISOString() });
}
