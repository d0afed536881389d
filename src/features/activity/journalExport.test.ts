import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addJournalEntry, clearJournal, listJournal, type JournalEntry } from '../../journal/journal.ts';
import { CSV_COLUMNS, exportFileName, filterJournal, journalToCsv, journalToJson } from './journalExport.ts';

const entry = (overrides: Partial<Omit<JournalEntry, 'id'>> = {}): Omit<JournalEntry, 'id'> => ({
  at: '2026-11-28T02:00:00.000Z',
  actor: { id: 'u1', name: 'Avery Admin', email: 'admin@example.com' },
  organization: { id: 'org-x', name: 'Example Org' },
  action: 'revoke-user-tokens',
  summary: 'Revoked all tokens of Ari Agent',
  target: { id: 'u3', name: 'Ari Agent', email: 'agent@example.com' },
  result: 'success',
  correlationId: 'corr-1',
  ...overrides,
});

async function seeded(): Promise<JournalEntry[]> {
  await clearJournal('org-x');
  await addJournalEntry(entry());
  await addJournalEntry(
    entry({
      summary: 'Revoked all tokens of Mei "The Boss" Smith, Jr.',
      target: { id: 'u9', name: 'Mei "The Boss" Smith, Jr.', email: 'mei.smith@example.com' },
      result: 'failure',
      error: 'The service is currently unavailable.\nTry later.',
      correlationId: 'corr-2',
    }),
  );
  await addJournalEntry(entry({ action: 'sign-out', summary: '=HYPERLINK("http://evil")', target: undefined, correlationId: undefined }));
  return listJournal('org-x');
}

describe('exporting and filtering the journal', () => {
  it('filters by words anywhere a person would look, and by result', async () => {
    const entries = await seeded();
    expect(filterJournal(entries, '', 'all')).toHaveLength(3);
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
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const [signOut, failed, revoked] = parsed.data;
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
