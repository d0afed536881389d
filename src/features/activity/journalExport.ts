import type { JournalEntry } from '../../journal/types.ts';
import { fileNamePart, toCsv } from '../../ui/csv.ts';

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
  'runId',
  'reason',
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
    runId: entry.run?.id ?? '',
    reason: entry.run?.reason ?? '',
    result: entry.result,
    error: entry.error ?? '',
    correlationId: entry.correlationId ?? '',
  }));
}

export function journalToCsv(entries: readonly JournalEntry[]): Promise<string> {
  return toCsv(toCsvRows(entries), CSV_COLUMNS);
}

/** The entries as they are stored, newest first, with what they describe. */
export function journalToJson(entries: readonly JournalEntry[], exportedAt: Date): string {
  return `${JSON.stringify(
    {
      description: "Token Admin activity recorded in one browser. Not the organisation's audit log.",
      exportedAt: exportedAt.toISOString(),
      entries,
    },
    null,
    2,
  )}\n`;
}

export function exportFileName(orgName: string | undefined, at: Date, extension: 'csv' | 'json'): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `token-admin-activity-${fileNamePart(orgName, 'organisation')}-${stamp}.${extension}`;
}
