import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { Journal } from './journal.ts';
import { JOURNAL_LIMIT, openJournal, prune } from './store.ts';
import type { JournalEntry, NewJournalEntry } from './types.ts';

const ADMIN = { id: 'u1', name: 'Avery Admin', email: 'admin@example.com' };

const change = (orgId: string, summary: string, at?: number): NewJournalEntry => ({
  actor: { ...ADMIN, organization: { id: orgId, name: `Org ${orgId}` } },
  action: 'revoke-user-tokens',
  summary,
  target: { id: 'u2', name: 'Ari Agent' },
  result: 'success',
  correlationId: 'c-1',
  ...(at === undefined ? {} : { at }),
});

function journalFor(name = crypto.randomUUID()) {
  return new Journal({ databaseName: `journal-${name}`, channelName: `journal-${name}` });
}

describe('the journal', () => {
  it('records the actor it is given, per organisation, newest first, and clears one organisation only', async () => {
    const journal = journalFor();
    await journal.record(change('org-a', 'first', 1_000));
    await journal.record(change('org-b', 'elsewhere', 2_000));
    const saved = await journal.record(change('org-a', 'second', 3_000));
    expect(saved).toMatchObject({ actor: ADMIN, organization: { id: 'org-a', name: 'Org org-a' }, at: new Date(3_000).toISOString() });
    expect((await journal.page('org-a', { limit: 10 })).entries.map((e) => e.summary)).toEqual(['second', 'first']);
    await journal.clear('org-a');
    expect((await journal.page('org-a', { limit: 10 })).entries).toEqual([]);
    expect((await journal.page('org-b', { limit: 10 })).entries.map((e) => e.summary)).toEqual(['elsewhere']);
  });

  it('keeps an entry whose organisation was not known yet, apart from the others', async () => {
    const journal = journalFor();
    await journal.record({ ...change('x', 'signed out early'), actor: { id: 'u1' } });
    expect((await journal.page('', { limit: 10 })).entries.map((e) => e.summary)).toEqual(['signed out early']);
    expect(await journal.count('x')).toBe(0);
  });

  it('loses nothing when many records are made at once', async () => {
    const journal = journalFor();
    await Promise.all(Array.from({ length: 50 }, (_, i) => journal.record(change('org-c', `n${String(i)}`))));
    expect(await journal.count('org-c')).toBe(50);
    expect(new Set((await journal.all('org-c')).map((e) => e.summary)).size).toBe(50);
  });

  it('tells another tab of a new entry at once, and that tab reads it', async () => {
    const name = crypto.randomUUID();
    const here = journalFor(name);
    const otherTab = journalFor(name);
    const heard = new Promise<string>((resolve) => otherTab.subscribe(resolve));
    await here.record(change('org-d', 'from the first tab'));
    expect(await heard).toBe('org-d');
    expect((await otherTab.page('org-d', { limit: 5 })).entries.map((e) => e.summary)).toEqual(['from the first tab']);
    here.close();
    otherTab.close();
  });

  it('pages through many entries in order without reading them all, and filters as it goes', async () => {
    const journal = journalFor();
    const db = await openJournal(`journal-pages-${crypto.randomUUID()}`);
    // Written straight to the store: the service's own writes are covered above.
    const tx = db.transaction('records', 'readwrite');
    for (let i = 0; i < 2_500; i++) {
      const entry: JournalEntry = {
        id: `e${String(i).padStart(5, '0')}`,
        at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
        actor: ADMIN,
        organization: { id: 'big' },
        action: 'revoke-user-tokens',
        summary: i % 100 === 0 ? `Revoked all tokens of Smith ${String(i)}` : `Revoked all tokens of user ${String(i)}`,
        result: i % 10 === 0 ? 'failure' : 'success',
      };
      void tx.store.put({ ...entry, orgId: 'big', targetId: '' });
    }
    await tx.done;
    const big = new Journal({ databaseName: db.name, channelName: db.name });
    db.close();
    const first = await big.page('big', { limit: 50 });
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]?.id).toBe('e02499');
    const second = await big.page('big', { limit: 50, before: first.next });
    expect(second.entries[0]?.id).toBe('e02449');
    const smiths = await big.page('big', { limit: 10, filter: { text: 'smith', result: 'failure' } });
    expect(smiths.entries.map((e) => e.id)).toEqual(['e02400', 'e02300', 'e02200', 'e02100', 'e02000', 'e01900', 'e01800', 'e01700', 'e01600', 'e01500']);
    expect(await big.count('big')).toBe(2_500);
    journal.close();
    big.close();
  });

  it('drops the oldest entries past the limit, never the newest', async () => {
    const db = await openJournal(`journal-prune-${crypto.randomUUID()}`);
    for (let i = 0; i < 12; i++) {
      await db.put('records', { id: `p${String(i).padStart(2, '0')}`, at: new Date(i * 1000).toISOString(), actor: {}, organization: { id: 'o' }, action: 'sign-out', summary: String(i), result: 'success', orgId: 'o', targetId: '' });
    }
    expect(await prune(db, 'o', 10)).toBe(2);
    expect((await db.getAll('records')).map((e) => e.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `p${String(i + 2).padStart(2, '0')}`));
    expect(JOURNAL_LIMIT).toBeGreaterThanOrEqual(100_000);
    db.close();
  });

  it('still reads entries stored by the first version (one array per organisation)', async () => {
    const name = `journal-legacy-${crypto.randomUUID()}`;
    const old = await openDB(name, 1, { upgrade: (db) => db.createObjectStore('entries') });
    const legacy = (summary: string, at: string): JournalEntry => ({
      id: crypto.randomUUID(),
      at,
      actor: ADMIN,
      organization: { id: 'org-old', name: 'Old Org' },
      action: 'revoke-user-tokens',
      summary,
      target: { id: 'u2', name: 'Ari Agent' },
      result: 'success',
    });
    await old.put('entries', [legacy('older', '2026-11-01T10:00:00.000Z'), legacy('newer', '2026-11-02T10:00:00.000Z')], 'org:org-old');
    old.close();
    const journal = new Journal({ databaseName: name, channelName: name });
    expect((await journal.page('org-old', { limit: 10 })).entries.map((e) => e.summary)).toEqual(['newer', 'older']);
    expect(await journal.about('org-old', 'u2')).toHaveLength(2);
    journal.close();
  });
});
