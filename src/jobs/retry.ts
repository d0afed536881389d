/** What one row's answer means for the row: done, final, sent again later, or left for the admin. */

/** How an attempt ended, as the runner saw it. */
export type Attempt =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; message: string; retryAfterSeconds?: number | undefined }
  /** No answer: a network failure or a timeout; Genesys may or may not have carried it out. */
  | { kind: 'no-answer'; message: string }
  /** Stopped before it was sent (pause, cancel, the session ending). */
  | { kind: 'not-sent' };

export type Decision =
  | { kind: 'revoked' }
  | { kind: 'failed'; reason: FailureReason; message: string }
  /** Back to the queue: Genesys said it was not carried out, so safe to send again; `afterMs` from now at the earliest. */
  | { kind: 'again'; afterMs: number; countsAsRetry: boolean }
  /** Sent, without a clear answer: sent again only when the admin says so. */
  | { kind: 'not-confirmed'; message: string }
  /** The session is over: the run stops and carries on after the next sign-in. */
  | { kind: 'session-ended' };

export type FailureReason = 'not-found' | 'forbidden' | 'refused' | 'error';

/**
 * A server error is sent again at most this many times per row. Only an answer that says the
 * revocation failed is: without an answer (a timeout, a network failure, a gateway that lost the
 * way to Genesys: 502, 504) Genesys may have revoked them, and only the admin sends it again.
 */
export const MAX_RETRIES = 3;

/** A gateway's word that it got no answer from Genesys: the request may have been carried out. */
const NO_ANSWER_BEHIND_GATEWAY = new Set([502, 504]);
const mayHaveRevoked = (message: string) => ({ kind: 'not-confirmed' as const, message: `${message} Genesys Cloud may or may not have revoked them; they are sent again only if you ask.` });

/** Back-off before the nth retry of a row: 1 s, 3 s, 9 s. */
export function backoffMs(retry: number): number {
  return 1_000 * 3 ** Math.max(0, retry - 1);
}

/** `retries`: how many times this row was already sent again after a server error. */
export function decide(attempt: Attempt, retries: number): Decision {
  switch (attempt.kind) {
    case 'ok':
      return { kind: 'revoked' };
    case 'not-sent':
      return { kind: 'again', afterMs: 0, countsAsRetry: false };
    case 'no-answer':
      return mayHaveRevoked(attempt.message);
    case 'status': {
      const { status, message } = attempt;
      if (status === 401) return { kind: 'session-ended' };
      // A 429 was refused before anything happened: the pacer holds the queue for its wait.
      if (status === 429) return { kind: 'again', afterMs: (attempt.retryAfterSeconds ?? 2) * 1000, countsAsRetry: false };
      if (status === 404) return { kind: 'failed', reason: 'not-found', message: `Genesys Cloud has no such user (they may have been deleted): ${message}` };
      if (status === 403) return { kind: 'failed', reason: 'forbidden', message };
      if (NO_ANSWER_BEHIND_GATEWAY.has(status)) return mayHaveRevoked(message);
      if (status >= 500) {
        return retries < MAX_RETRIES
          ? { kind: 'again', afterMs: backoffMs(retries + 1), countsAsRetry: true }
          : { kind: 'failed', reason: 'error', message: `${message} (after ${MAX_RETRIES + 1} attempts)` };
      }
      return { kind: 'failed', reason: 'refused', message };
    }
  }
}
