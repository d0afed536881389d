import type { User } from '../../api/users.ts';
import type { Run, RunRow } from '../../jobs/jobs.ts';
import type { Lookup, Resolution } from '../../jobs/resolve.ts';
import type { SelectedUser } from '../../jobs/selection.ts';
import type { ParsedList } from './entries.ts';

/** One entry of the admin's list as the preview shows it, and what the run will do with it. */
export type PlanStatus = 'revoke' | 'self' | 'not-found' | 'duplicate' | 'malformed' | 'lookup-failed' | 'left-out';

export interface PlanRow {
  key: string;
  /** As the admin gave it. */
  entry: string;
  /** "line 12", "group Night Shift", "selected on Users". */
  from: string;
  status: PlanStatus;
  reason?: string | undefined;
  /** Of the Genesys answer behind a failed lookup, to quote to support. */
  correlationId?: string | undefined;
  user?: User | undefined;
  /** Its place in what the admin gave. */
  order: number;
}

export const PLAN_LABELS: Record<PlanStatus, string> = {
  revoke: 'To revoke',
  self: 'You',
  'not-found': 'Not found',
  duplicate: 'Duplicate',
  malformed: 'Not an email or id',
  'lookup-failed': 'Lookup failed',
  'left-out': 'Left out',
};

/** A parsed list and how its lines are named: "line 12" for what was pasted, "users.csv line 12" for a file. */
export interface NamedList {
  parsed: ParsedList;
  /** Put before "line N". */
  source: string;
}

const lineOf = (list: NamedList, line: number) => `${list.source}line ${line}`;
/** Lists in the order given, each in line order; the Users page's selection after them. */
const orderOf = (listIndex: number, line: number) => listIndex * 1_000_000 + line;
const SELECTION_ORDER = 1_000_000_000;

/** What to look up: every entry of the lists, then the users ticked on the Users page. */
export function lookupsOf(lists: readonly NamedList[], selection: readonly SelectedUser[]): Lookup[] {
  const fromList: Lookup[] = lists.flatMap((list, listIndex) =>
    list.parsed.entries.map((entry) => ({ kind: entry.kind, key: entry.key, entry: entry.text, from: lineOf(list, entry.line), order: orderOf(listIndex, entry.line) })),
  );
  const fromSelection: Lookup[] = selection.map((user, index) => ({
    kind: 'id',
    key: user.id.toLowerCase(),
    entry: user.email ?? user.name ?? user.id,
    from: 'selected on Users',
    order: SELECTION_ORDER + index,
  }));
  return [...fromList, ...fromSelection];
}

/** The preview: resolved users, and every entry that will not be revoked with its reason, in the order given. */
export function planOf(lists: readonly NamedList[], resolutions: readonly Resolution[], selfId: string | undefined): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const [rejected, list, listIndex] of lists.flatMap((list, index) => list.parsed.rejected.map((rejected) => [rejected, list, index] as const))) {
    rows.push({
      order: orderOf(listIndex, rejected.line),
      key: `rejected:${list.source}${rejected.line}:${rejected.text}`,
      entry: rejected.text,
      from: lineOf(list, rejected.line),
      status: rejected.reason === 'malformed' ? 'malformed' : rejected.reason === 'duplicate' ? 'duplicate' : 'left-out',
      reason: rejected.message,
    });
  }
  resolutions.forEach((resolution, index) => {
    const { lookup } = resolution;
    const base = { key: `${index}:${lookup.from}:${lookup.key}`, entry: lookup.entry, from: lookup.from, order: lookup.order ?? Number.MAX_SAFE_INTEGER };
    if (resolution.status === 'user') {
      const self = selfId !== undefined && resolution.user.id === selfId;
      rows.push({ ...base, status: self ? 'self' : 'revoke', user: resolution.user, reason: self ? 'This is you: revoking ends your session.' : undefined });
    } else if (resolution.status === 'duplicate') {
      rows.push({ ...base, status: 'duplicate', user: resolution.user, reason: resolution.reason });
    } else if (resolution.status === 'failed') {
      rows.push({ ...base, status: 'lookup-failed', reason: resolution.reason, correlationId: resolution.correlationId });
    } else {
      rows.push({ ...base, status: 'not-found', reason: resolution.reason });
    }
  });
  // Stable: rows of one line keep the order they were found in.
  return rows.sort((a, b) => a.order - b.order);
}

export function countPlan(rows: readonly PlanRow[]): Record<PlanStatus, number> {
  const counts: Record<PlanStatus, number> = { revoke: 0, self: 0, 'not-found': 0, duplicate: 0, malformed: 0, 'lookup-failed': 0, 'left-out': 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/**
 * The run's rows: those to revoke, in the order given, the admin last when included (revoking
 * them ends the session, so nothing can follow), then every other entry as skipped with its reason.
 */
export function runRowsOf(plan: readonly PlanRow[], run: Pick<Run, 'id' | 'orgId'>, includeSelf: boolean): RunRow[] {
  const revoke = plan.filter((row) => row.status === 'revoke');
  const self = plan.filter((row) => row.status === 'self');
  const skipped = plan.filter((row) => row.status !== 'revoke' && (row.status !== 'self' || !includeSelf));
  const ordered = [...revoke, ...(includeSelf ? self : []), ...skipped];
  return ordered.map((row, index): RunRow => {
    const runs = row.status === 'revoke' || (row.status === 'self' && includeSelf);
    return {
      runId: run.id,
      index,
      orgId: run.orgId,
      entry: row.entry,
      userId: row.user?.id,
      name: row.user?.name,
      email: row.user?.email,
      userState: row.user?.state,
      self: row.status === 'self' || undefined,
      state: runs ? 'pending' : 'skipped',
      reason: runs ? undefined : row.status === 'self' ? 'You, left out of the run.' : `${PLAN_LABELS[row.status]}: ${row.reason ?? ''}`.trim(),
      retries: 0,
    };
  });
}

/** About how long the run takes at Genesys' pace: 300 requests a minute, less what the app keeps for your other pages. */
export function estimateMinutes(users: number, perMinute = 240): number {
  return Math.max(1, Math.ceil(users / perMinute));
}
