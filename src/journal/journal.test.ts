import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addJournalEntry, clearJournal, listJournal, type JournalEntry } from './journal.ts';

const entry = (orgId: string, summary: string): Omit<JournalEntry, 'id'> => ({
  at: new Date().toISOString(),
  actor: { id: 'u1', name: 'Avery Admin', email: 'admin@example.com' },
  organization: { id: orgId, name: `Org ${orgId}` },
  action: 'revoke-user-tokens',
  summary,
  target: { id: 'u2', name: 'Ari Agent' },
  result: 'success',
  correlationId: 'c-1',
});

describe('the journal', () => {
  it('keeps entries per organisation, newest first, and clears one organisation only', async () => {
    await addJournalEntry(entry('org-a', 'first'));
    await addJournalEntry(entry('org-b', 'elsewhere'));
    await addJournalEntry(entry('org-a', 'second'));
    expect((await listJournal('org-a')).map((e) => e.summary)).toEqual(['second', 'first']);
    await clearJournal('org-a');
    expect(await listJournal('org-a')).toEqual([]);
    expect((await listJournal('org-b')).map((e) => e.summary)).toEqual(['elsewhere']);
  });

  it('loses nothing when two records are made at once', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => addJournalEntry(entry('org-c', `n${String(i)}`))));
    expect(await listJournal('org-c')).toHaveLength(20);
  });
});
