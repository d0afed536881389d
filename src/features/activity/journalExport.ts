import type { JournalEntry, JournalResult } from '../../journal/journal.ts';

export type ResultFilter = 'all' | JournalResult;

/** Entries whose words contain every word of `text` (any field a person would search by), with the chosen result. */
export function filterJournal(entries: readonly JournalEntry[], text: string, result: ResultFilter): JournalEntry[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((entry) => {
    if (result !== 'all' && entry.result !== result) return false;
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
    ]
      .filter(Boolean)
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'at',
  'organizationId',
  'organizationName',
  'actorId',
  'actorName',
  'actorEmail',
  'action',
  'summary',
  'targetId',
  'targetName',
  'targetEmail',
  'result',
  'error',
  'correlationId',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export function toCsvRows(entries: readonly JournalEntry[]): CsvRow[] {
  return entries.map((entry) => ({
    at: entry.at,
    organizationId: entry.organization.id,
    organizationName: entry.organization.name ?? '',
    actorId: entry.actor.id ?? '',
    actorName: entry.actor.name ?? '',
    actorEmail: entry.actor.email ?? '',
    action: entry.action,
    summary: entry.summary,
    targetId: entry.target?.id ?? '',
    targetName: entry.target?.name ?? '',
    targetEmail: entry.target?.email ?? '',
    result: entry.result,
    error: entry.error ?? '',
    correlationId: entry.correlationId ?? '',
  }));
}

/** CSV with a header row; papaparse quotes what needs quoting and is loaded on the first export. */
export async function journalToCsv(entries: readonly JournalEntry[]): Promise<string> {
  const { unparse } = await import('papaparse');
  // A leading = + - @ would run as a formula in a spreadsheet: escapeFormulae quotes it.
  return unparse(toCsvRows(entries), { columns: [...CSV_COLUMNS], escapeFormulae: true, newline: '\r\n' });
}

/** The entries as they are stored, newest first, with what they describe. */
export function journalToJson(entries: readonly JournalEntry[], exportedAt: Date): string {
  return `${JSON.stringify(
    {
      description: 'Token Admin activity recorded in one browser. Not the organisation\'s audit log.',
      exportedAt: exportedAt.toISOString(),
      entries,
    },
    null,
    2,
  )}\n`;
}

export function exportFileName(orgName: string | undefined, at: Date, extension: 'csv' | 'json'): string {
  const org = (orgName ?? 'organisation').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisation';
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `token-admin-activity-${org}-${stamp}.${extension}`;
}
