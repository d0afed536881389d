import type { RowCounts, Run, RunRow, RowState } from '../../jobs/jobs.ts';
import { fileNamePart, toCsv } from '../../ui/csv.ts';

export const REPORT_COLUMNS = ['entry', 'userId', 'name', 'email', 'result', 'reason', 'time', 'correlationId'] as const;

/** A row's state in the report's words. */
export const RESULT_WORDS: Record<RowState, string> = {
  pending: 'waiting',
  'in-flight': 'sending',
  revoked: 'revoked',
  failed: 'failed',
  'not-confirmed': 'not confirmed',
  cancelled: 'cancelled',
  skipped: 'skipped',
};

export function reportRows(rows: readonly RunRow[]) {
  return rows.map((row) => ({
    entry: row.entry,
    userId: row.userId ?? '',
    name: row.name ?? '',
    email: row.email ?? '',
    result: RESULT_WORDS[row.state],
    reason: row.reason ?? '',
    time: row.at ?? '',
    correlationId: row.correlationId ?? '',
  }));
}

/** The run's report as CSV, one line per entry, cells defused against spreadsheet formulas. */
export function reportCsv(rows: readonly RunRow[]): Promise<string> {
  return toCsv(reportRows(rows), REPORT_COLUMNS);
}

export function reportJson(run: Run, counts: RowCounts, rows: readonly RunRow[], exportedAt: Date): string {
  return `${JSON.stringify(
    {
      description: 'A Token Admin bulk revocation, as recorded in one browser.',
      exportedAt: exportedAt.toISOString(),
      run: { id: run.id, reason: run.reason, organization: { id: run.orgId, name: run.orgName }, by: run.actor, createdAt: run.createdAt, finishedAt: run.finishedAt, status: run.status },
      counts,
      rows: reportRows(rows),
    },
    null,
    2,
  )}\n`;
}

export function reportFileName(run: Run, extension: 'csv' | 'json'): string {
  const stamp = run.createdAt.slice(0, 19).replace(/:/g, '-');
  return `token-admin-bulk-revoke-${fileNamePart(run.reason ?? run.orgName, 'run')}-${stamp}.${extension}`;
}
