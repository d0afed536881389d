import type { FailureReason } from './retry.ts';

/**
 * A bulk revocation: the run, and one row per entry of the admin's list. Rows the run revokes
 * move pending → in-flight → revoked, failed or not confirmed; rows it does not (unresolved,
 * duplicates, the admin left out) are kept as skipped, with their reason, for the report.
 */
export type RowState = 'pending' | 'in-flight' | 'revoked' | 'failed' | 'not-confirmed' | 'cancelled' | 'skipped';

export const ROW_STATES: readonly RowState[] = ['pending', 'in-flight', 'revoked', 'failed', 'not-confirmed', 'cancelled', 'skipped'];

export interface RunRow {
  runId: string;
  /** Order of sending; the admin's own row, when included, is last. */
  index: number;
  orgId: string;
  /** The entry as the admin gave it ("mei.smith@example.com", a user id, "group Night Shift"). */
  entry: string;
  userId?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
  userState?: string | undefined;
  /** The signed-in admin's own row: revoking it ends their session. */
  self?: boolean | undefined;
  state: RowState;
  /** Why it failed, was skipped or is not confirmed, in the admin's words. */
  reason?: string | undefined;
  failure?: FailureReason | undefined;
  /** Sends again after a 5xx, a timeout or a network failure so far. */
  retries: number;
  /** Not before this epoch ms (a back-off). */
  notBefore?: number | undefined;
  /** ISO time of the last change of state. */
  at?: string | undefined;
  correlationId?: string | undefined;
}

export type RunStatus = 'running' | 'paused' | 'cancelled' | 'finished';

export interface Run {
  id: string;
  orgId: string;
  orgName?: string | undefined;
  actor: { id: string; name?: string | undefined; email?: string | undefined };
  /** An incident or ticket number, for the journal and the report. */
  reason?: string | undefined;
  createdAt: string;
  status: RunStatus;
  finishedAt?: string | undefined;
  /** Rows to revoke (not skipped). */
  total: number;
  /** Entries of the list, skipped ones included. */
  entries: number;
  includesSelf: boolean;
  /** The run's Activity entry is written (once, when it ends). */
  recorded?: boolean | undefined;
}

export type RowCounts = Record<RowState, number>;

export function emptyCounts(): RowCounts {
  return { pending: 0, 'in-flight': 0, revoked: 0, failed: 0, 'not-confirmed': 0, cancelled: 0, skipped: 0 };
}

/** Who may resume a run: the admin who started it, in the organisation it was started in. */
export interface Owner {
  actorId: string;
  orgId: string;
}
